"""Offline, the phone decides as the server does about a bad day's answers given again the next day (issue 11,
"copied answers are not information"): with an ordinary day's steps no red screen, with few steps the urgent one;
at 390x844 and 320x568."""

import uuid
from datetime import timedelta

import pytest

from tests.conftest import save_steady_days
from tests.frontend.browser.conftest import offline_answer, screenshot, today_offline
from tracker.rules.advice import advice
from tracker.rules.types import Severity
from tracker.services.logs import log_upsert

pytestmark = pytest.mark.worker


def _same_legs_again_offline(browser, server, patient, viewport, steps):
    """20 ordinary days at 8 (5,000 steps), yesterday both legs 5 on 1,500 steps; today both legs 5 again, offline."""
    today = patient.local_today()
    save_steady_days(patient, today - timedelta(days=1), days=20)
    log_upsert(
        patient=patient,
        date=today - timedelta(days=1),
        client_id=uuid.uuid4(),
        values={"strength_left": 5, "strength_right": 5, "fatigue": 3, "steps": 1500},
    )
    context, page = today_offline(browser, server, patient, *viewport)
    for name in ("strength_left-5", "strength_right-5", "fatigue-3"):
        page.locator(f"label[for={name}]").tap()
    page.get_by_text("More about today").tap()
    page.locator("#steps").fill(str(steps))
    page.get_by_role("button", name="Save today").tap()
    return context, page


@pytest.mark.parametrize(("width", "height"), [(390, 844), (320, 568)])
def test_the_same_weak_legs_on_a_day_of_ordinary_walking_raise_no_red_screen(browser, server, patient, width, height):
    context, page = _same_legs_again_offline(browser, server, patient, (width, height), steps=5200)
    page.get_by_text("Saved on this phone for today").wait_for()
    assert page.get_by_role("alertdialog").count() == 0 or page.get_by_role("alertdialog").is_hidden()
    screenshot(page, f"copied-legs-ordinary-walking-{width}", full_page=False)
    context.set_offline(False)
    context.close()


@pytest.mark.parametrize(("width", "height"), [(390, 844), (320, 568)])
def test_the_same_weak_legs_on_a_day_of_little_walking_are_urgent(browser, server, patient, width, height):
    context, page = _same_legs_again_offline(browser, server, patient, (width, height), steps=1200)
    dialog = offline_answer(page)
    assert dialog.get_by_role("heading", name="See a doctor today").is_visible()
    assert "both legs much weaker than usual" in dialog.inner_text()
    assert dialog.locator("[data-red-flag-advice]").inner_text() == advice("sudden_weakness", Severity.URGENT, "112")
    screenshot(page, f"copied-legs-little-walking-{width}", full_page=False)
    context.set_offline(False)
    context.close()
