"""Offline, the phone raises the urgent screen for a leg that collapsed after a bad day and is still collapsed
(issue 11: one-sided weakness that stayed, which the same-day test could not call sudden), as the server does, when
every BE-FAST answer is no; at 390x844 and 320x568."""

import uuid
from datetime import timedelta

import pytest

from tests.conftest import save_steady_days
from tests.frontend.browser.conftest import answer_every_stroke_question_no, offline_answer, screenshot, today_offline
from tracker.rules.advice import advice
from tracker.rules.types import Severity
from tracker.services.logs import log_upsert

pytestmark = pytest.mark.worker


@pytest.mark.parametrize(("width", "height"), [(390, 844), (320, 568)])
def test_a_right_leg_still_at_3_after_two_weak_days_gets_the_urgent_screen(browser, server, patient, width, height):
    today = patient.local_today()
    save_steady_days(patient, today - timedelta(days=2), days=20)
    for days_ago, right in ((2, 5), (1, 3)):
        log_upsert(
            patient=patient,
            date=today - timedelta(days=days_ago),
            client_id=uuid.uuid4(),
            values={"strength_left": 8, "strength_right": right, "fatigue": 3, "steps": 2500},
        )
    context, page = today_offline(browser, server, patient, width, height)
    for name in ("strength_left-8", "strength_right-3", "fatigue-3"):
        page.locator(f"label[for={name}]").tap()
    page.get_by_role("button", name="Save today").tap()
    # A leg far below usual: the phone asks the BE-FAST questions first; no to each (nothing came on suddenly).
    sheet = page.locator("[data-stroke-questions]")
    sheet.wait_for()
    answer_every_stroke_question_no(sheet)
    dialog = offline_answer(page)
    assert dialog.get_by_role("heading", name="See a doctor today").is_visible()
    assert "right leg has been much weaker than usual" in dialog.inner_text()
    assert dialog.locator("[data-red-flag-advice]").inner_text() == advice("sudden_weakness", Severity.URGENT, "112")
    screenshot(page, f"leg-stays-collapsed-{width}", full_page=False)
    context.set_offline(False)
    context.close()
