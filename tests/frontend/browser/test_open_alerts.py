"""An open emergency stays in view and a red-flag day is not overwritten by accident (issue 12 point 5), on a
phone at 390x844 and 320 px."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.conftest import save_steady_days, wait_until
from tests.frontend.browser.conftest import PHONE, screenshot, sign_in
from tracker.models import Alert, DailyLog
from tracker.rules.advice import advice
from tracker.rules.types import Severity

pytestmark = pytest.mark.worker

WIDTHS = [pytest.param(390, 844, id="390"), pytest.param(320, 640, id="320")]


def _phone(browser, server, width, height):
    return browser.new_context(**PHONE | {"viewport": {"width": width, "height": height}}, base_url=server)


# What each stored alert says to the person, as the engine words it, so a screenshot reads like the real page.
PATIENT_TEXTS = {
    "bladder_bowel": (
        "You logged a change in bladder or bowel control or numbness between the legs. "
        "With back or leg symptoms this can mean pressure on the nerves at the base of the spine."
    ),
    "fall": "You logged a fall. A doctor should look at why it happened.",
    "worsening_trend": (
        "Over the past weeks your entries have slowly gone down (left leg strength from about 8.0 to 6.0). "
        "Please book an appointment so a doctor can look at why."
    ),
    "sudden_weakness": (
        "Your entry shows a sudden loss of strength in the right leg only. "
        "This can be a sign of a stroke or a pressed spinal cord."
    ),
}


def _alert(patient, severity, code, raised_on, **fields):
    return Alert.objects.create(
        patient=patient,
        code=code,
        severity=severity,
        raised_on=raised_on,
        patient_text=PATIENT_TEXTS[code],
        physician_text="x",
        advice=f"What to do for this {severity} alert.",
        dedup_key=f"{code}:{severity}:{raised_on}",
        **fields,
    )


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_a_red_flag_saved_today_stays_at_the_top_after_its_screen_is_closed(browser, server, patient, width, height):
    save_steady_days(patient, patient.local_today(), days=20)
    context = _phone(browser, server, width, height)
    sign_in(context, patient, server)
    page = context.new_page()
    page.goto("/")
    for name in ("strength_left-8", "strength_right-2", "fatigue-4"):
        page.locator(f"label[for={name}]").tap()
    page.get_by_text("More about today").tap()
    page.locator("label[for=symptom-face_arm_speech]").tap()
    page.get_by_role("button", name="Save today").tap()
    dialog = page.get_by_role("alertdialog")
    dialog.get_by_text("Checked by the server").wait_for()
    dialog.get_by_role("button", name="I have read this").tap()

    kept = page.locator("[data-pressing-now]")
    assert kept.is_visible()
    assert "Call for help now" in kept.inner_text()
    assert kept.get_by_role("link", name="Call 112").is_visible()
    assert kept.bounding_box()["y"] < 200, "at the top of Today"
    screenshot(page, f"today-red-flag-kept-in-view-{width}", full_page=False)

    # Changing the answers now asks first, as it will on every later visit to this day.
    page.locator("label[for=strength_right-3]").tap()
    page.get_by_role("button", name="Save today").tap()
    page.get_by_role("alertdialog", name="This day raised an alert").get_by_role(
        "button", name="Keep it as it was"
    ).tap()
    assert DailyLog.objects.get(patient=patient, date=patient.local_today()).strength_right == 2

    wait_until(lambda: Alert.objects.filter(patient=patient, severity="emergency").exists())
    page.reload()
    stored = page.locator("[data-pressing-alert]")
    assert stored.count() == 1
    assert stored.get_by_role("link", name="Call 112").is_visible()
    assert page.get_by_role("link", name="Alerts 1 not seen yet").is_visible()
    context.close()


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_an_open_emergency_shows_on_today_until_it_is_seen_and_dealt_with(browser, server, patient, width, height):
    today = patient.local_today()
    emergency = _alert(patient, "emergency", "bladder_bowel", today)
    _alert(patient, "urgent", "fall", today - timedelta(days=1), status="acknowledged")
    _alert(patient, "soon", "worsening_trend", today - timedelta(days=2))
    context = _phone(browser, server, width, height)
    sign_in(context, patient, server)
    page = context.new_page()
    page.goto("/")

    shown = page.locator("[data-pressing-alert]")
    assert shown.count() == 2, "the emergency and the urgent alert; never the 'soon' one"
    first, second = shown.nth(0), shown.nth(1)
    assert "Emergency: call now" in first.inner_text()
    assert "New bladder or bowel control problem" in first.inner_text()
    assert advice("bladder_bowel", Severity.EMERGENCY, "112") in first.inner_text()
    assert first.get_by_role("link", name="Call 112").get_attribute("href") == "tel:112"
    assert "See a doctor today" in second.inner_text()
    assert second.locator(".call").count() == 0, "no big red call button for an urgent alert"
    assert first.bounding_box()["y"] < 150
    # The emergency and the 'soon' alert have not been read; the urgent one has.
    assert page.locator("[data-open-alerts]").inner_text().startswith("2")
    screenshot(page, f"today-open-emergency-{width}")

    with page.expect_navigation():
        first.get_by_role("button", name="I have seen this").tap()
    assert page.locator("[data-pressing-alert]").count() == 2, "seen is not dealt with"
    assert "Read" in page.locator("[data-pressing-alert]").first.inner_text()
    assert page.locator("[data-open-alerts]").inner_text().startswith("1")

    first = page.locator("[data-pressing-alert]").first
    dealt_with = first.get_by_role("button", name="I have had help, or it has passed")
    with page.expect_navigation():
        dealt_with.tap()
    assert page.locator("[data-pressing-alert]").count() == 1
    emergency.refresh_from_db()
    assert emergency.status == "resolved"
    context.close()


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_an_emergency_from_days_ago_stays_on_today_as_a_reminder_not_a_call_to_act_now(
    browser, server, patient, width, height
):
    """Left unresolved, last week's emergency would otherwise greet the person every morning with 'call now'."""
    today = patient.local_today()
    earlier = _alert(patient, "emergency", "bladder_bowel", today - timedelta(days=4), status="acknowledged")
    Alert.objects.filter(pk=earlier.pk).update(created_at=timezone.now() - timedelta(days=4))
    _alert(patient, "urgent", "fall", today)
    context = _phone(browser, server, width, height)
    sign_in(context, patient, server)
    page = context.new_page()
    page.goto("/")

    current = page.locator("[data-pressing-alert]")
    assert current.count() == 1 and "See a doctor today" in current.inner_text()
    reminder = page.locator("[data-earlier-alert]")
    assert reminder.count() == 1
    text = reminder.inner_text()
    assert "Still open from an earlier day" in text and "Emergency: call now" not in text
    assert "If these signs are still there or getting worse, call 112 now." in text
    assert reminder.locator(".call").count() == 0, "no big call button for a reminder"
    assert reminder.bounding_box()["y"] > current.bounding_box()["y"], "today's alert first"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"today-earlier-emergency-{width}")

    reminder.get_by_role("link", name="What we saw in your entries").tap()
    page.get_by_role("heading", name="An alert from an earlier day").wait_for()
    assert page.locator(".call").count() == 0
    screenshot(page, f"alert-earlier-emergency-{width}", full_page=False)
    page.go_back()

    reminder = page.locator("[data-earlier-alert]")
    with page.expect_navigation():
        reminder.get_by_role("button", name="I have had help, or it has passed").tap()
    assert page.locator("[data-earlier-alert]").count() == 0
    earlier.refresh_from_db()
    assert earlier.status == "resolved"
    context.close()


def test_the_alert_page_shows_the_call_button_for_emergencies_only(browser, server, patient):
    urgent = _alert(patient, "urgent", "fall", patient.local_today())
    context = _phone(browser, server, 390, 844)
    sign_in(context, patient, server)
    page = context.new_page()
    page.goto(f"/alerts/{urgent.pk}/")
    assert page.locator(".call").count() == 0
    emergency = _alert(patient, "emergency", "sudden_weakness", patient.local_today())
    page.goto(f"/alerts/{emergency.pk}/")
    assert page.get_by_role("link", name="Call 112").is_visible()
    context.close()


@pytest.mark.parametrize("path", ["/", "/alerts/{pk}/"])
def test_the_call_button_is_on_the_first_screen_of_the_smallest_phone(browser, server, patient, path):
    """320x568 with the bottom bar: a frightened person must not have to scroll past text to make the call."""
    emergency = _alert(patient, "emergency", "sudden_weakness", patient.local_today())
    context = _phone(browser, server, 320, 568)
    sign_in(context, patient, server)
    page = context.new_page()
    page.goto(path.format(pk=emergency.pk))
    call = page.locator(".call").first.bounding_box()
    bottom_bar = page.locator("nav.tabs").bounding_box()
    assert call["y"] + call["height"] <= bottom_bar["y"], (call, bottom_bar)
    screenshot(page, f"call-first-screen-320{'-today' if path == '/' else ''}", full_page=False)
    context.close()


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_a_red_flag_day_is_not_copied_nor_overwritten_without_asking(browser, server, patient, width, height):
    today = patient.local_today()
    yesterday = today - timedelta(days=1)
    save_steady_days(patient, today, days=3)
    _alert(patient, "urgent", "bladder_bowel", yesterday)
    context = _phone(browser, server, width, height)
    sign_in(context, patient, server)
    page = context.new_page()
    page.goto("/")
    assert page.get_by_role("button", name="Same as yesterday").count() == 0
    assert page.get_by_text("Yesterday's entry raised an alert").is_visible()
    screenshot(page, f"today-no-copy-after-red-flag-{width}", full_page=False)

    page.goto(f"/history/{yesterday.isoformat()}/")
    page.locator("label[for=strength_left-6]").tap()
    page.get_by_role("button", name="Save changes").tap()
    question = page.get_by_role("alertdialog", name="This day raised an alert")
    question.wait_for()
    screenshot(page, f"edit-red-flag-day-asks-first-{width}", full_page=False)
    question.get_by_role("button", name="Keep it as it was").tap()
    page.get_by_text("Not saved: the day is kept as it was.").wait_for()
    assert DailyLog.objects.get(patient=patient, date=yesterday).strength_left == 8

    page.get_by_role("button", name="Save changes").tap()
    question.get_by_role("button", name="Save my changes").tap()
    wait_until(lambda: DailyLog.objects.get(patient=patient, date=yesterday).strength_left == 6)
    context.close()


def test_same_as_yesterday_is_offered_after_an_ordinary_day(browser, server, patient):
    save_steady_days(patient, patient.local_today(), days=2)
    context = _phone(browser, server, 390, 844)
    sign_in(context, patient, server)
    page = context.new_page()
    page.goto("/")
    assert page.get_by_role("button", name="Same as yesterday").is_visible()
    context.close()
