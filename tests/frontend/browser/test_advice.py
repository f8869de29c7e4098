"""The red screen says what the alerts say (tracker/rules/advice.py), and shows the big call button for
emergencies only (issue 12 point 2), on a phone at 390x844 and 320 px."""

import pytest

from tests.conftest import save_steady_days, wait_until
from tests.frontend.browser.conftest import PHONE, offline_answer, screenshot, sign_in, today_offline
from tracker.models import Alert
from tracker.rules.advice import advice
from tracker.rules.types import Severity

pytestmark = pytest.mark.worker


def _save_after_steady_days(browser, server, patient, viewport, legs, symptom):
    """20 ordinary days at 8, then today's legs and one symptom saved from Today on a phone of that size."""
    save_steady_days(patient, patient.local_today(), days=20)
    width, height = viewport
    context = browser.new_context(**PHONE | {"viewport": {"width": width, "height": height}}, base_url=server)
    sign_in(context, patient, server)
    page = context.new_page()
    page.goto("/")
    for name in (f"strength_left-{legs[0]}", f"strength_right-{legs[1]}", "fatigue-3"):
        page.locator(f"label[for={name}]").tap()
    page.get_by_text("More about today").tap()
    page.locator(f"label[for=symptom-{symptom}]").tap()
    page.get_by_role("button", name="Save today").tap()
    return context, page


@pytest.mark.parametrize(("width", "height"), [(390, 844), (320, 640)])
def test_bladder_trouble_alone_sends_to_the_emergency_department_without_the_red_call_button(
    browser, server, patient, width, height
):
    context, page = _save_after_steady_days(browser, server, patient, (width, height), (8, 8), "bladder_bowel_change")
    dialog = page.get_by_role("alertdialog")
    dialog.get_by_text("Checked by the server").wait_for()
    words = advice("bladder_bowel", Severity.URGENT, "112")
    assert dialog.locator("[data-red-flag-advice]").inner_text() == words
    assert "emergency department today" in words
    assert dialog.locator("[data-red-flag-call]").is_hidden()
    screenshot(page, f"red-screen-urgent-no-call-button-{width}", full_page=False)
    dialog.get_by_role("button", name="I have read this").tap()
    kept = page.locator("[data-pressing-now]")
    assert kept.locator("[data-pressing-now-advice]").inner_text() == words
    assert kept.locator("[data-pressing-now-call]").is_hidden()
    context.close()


def test_the_sudden_button_says_what_an_emergency_alert_says(phone, server, patient):
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.goto("/")
    page.get_by_role("button", name="Something sudden happened").tap()
    dialog = page.get_by_role("alertdialog")
    words = advice("sudden_weakness", Severity.EMERGENCY, "112")
    assert dialog.locator("[data-red-flag-advice]").inner_text() == words
    assert dialog.get_by_role("link", name="Call 112").is_visible()


def test_a_long_urgent_answer_opens_at_its_heading_on_a_small_phone(browser, server, patient):
    """Cancer, both legs 3 points down, saved offline: the phone's answer is long, and at 320x568 the screen must
    still open on "See a doctor today", not scrolled down to its last button."""
    patient.set_history(["cancer"])
    patient.save()
    save_steady_days(patient, patient.local_today(), days=20)
    context, page = today_offline(browser, server, patient, 320, 568)
    for name in ("strength_left-5", "strength_right-5", "fatigue-3"):
        page.locator(f"label[for={name}]").tap()
    page.get_by_role("button", name="Save today").tap()

    dialog = offline_answer(page)
    assert dialog.locator("[data-red-flag-advice]").inner_text() == advice("cord_compression", Severity.URGENT, "112")
    box = dialog.get_by_role("heading", name="See a doctor today").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 568, box
    assert dialog.get_by_role("button", name="I have read this").evaluate("b => b === document.activeElement")
    screenshot(page, "red-screen-urgent-long-advice-320", full_page=False)
    context.set_offline(False)
    context.close()


@pytest.mark.parametrize(("width", "height"), [(390, 844), (320, 568)])
def test_both_legs_much_weaker_with_new_back_pain_is_a_same_day_doctor_without_cancer(
    browser, server, patient, width, height
):
    """No cancer, both legs 8 -> 5 and 4 with new back pain: the phone and the server both say see a doctor today,
    without the red call button."""
    context, page = _save_after_steady_days(browser, server, patient, (width, height), (5, 4), "back_pain")
    dialog = page.get_by_role("alertdialog")
    dialog.get_by_text("Checked by the server").wait_for()
    assert dialog.locator("[data-red-flag-advice]").inner_text() == advice("sudden_weakness", Severity.URGENT, "112")
    # The stored alert comes from the worker's check, which may finish after the phone's answer.
    alert = wait_until(lambda: Alert.objects.filter(patient=patient).first())
    assert (alert.code, alert.severity) == ("sudden_weakness", "urgent")
    assert "both legs much weaker than usual" in alert.patient_text
    assert dialog.locator("[data-red-flag-call]").is_hidden()
    screenshot(page, f"red-screen-both-legs-weaker-back-pain-{width}", full_page=False)
    context.close()
