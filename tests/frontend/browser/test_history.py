"""History is complete and a missed day can be added (issue 12 item 7), at 390 and 320 px."""

import uuid
from datetime import timedelta

import pytest

from tests.conftest import wait_until
from tests.frontend.browser.conftest import screenshot, sign_in
from tracker.models import DailyLog

pytestmark = pytest.mark.worker


def _days_logged(patient, count: int) -> None:
    today = patient.local_today()
    DailyLog.objects.bulk_create(
        DailyLog(
            patient=patient,
            date=today - timedelta(days=offset),
            client_id=uuid.uuid4(),
            strength_left=7,
            strength_right=6,
            fatigue=4,
        )
        for offset in range(1, count + 1)
    )


@pytest.mark.parametrize("width", [390, 320])
def test_scrolling_history_reaches_every_day(phone, server, patient, width):
    _days_logged(patient, 106)
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("/history/")
    days = page.locator("[data-days] > li")
    assert days.count() == 60

    for _ in range(20):
        page.mouse.wheel(0, 5000)
        page.wait_for_timeout(150)
        if days.count() == 106:
            break
    page.get_by_role("status").get_by_text("Showing all 106 days.").wait_for()
    assert days.count() == 106
    oldest = (patient.local_today() - timedelta(days=106)).strftime("%a %-d %b %Y")
    assert days.last.inner_text().startswith(oldest)
    assert page.locator("[data-older]").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"history-all-days-{width}", full_page=False)


@pytest.mark.parametrize("width", [390, 320])
def test_a_missed_day_is_added_from_a_date_picker_limited_to_the_past(phone, server, patient, width):
    sign_in(phone, patient, server)
    page = phone.new_page()
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("/history/")
    today = patient.local_today()
    missed = today - timedelta(days=4)
    picker = page.get_by_label("Add a missed day")
    assert picker.get_attribute("type") == "date"
    assert picker.get_attribute("max") == (today - timedelta(days=1)).isoformat()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"history-add-missed-day-{width}", full_page=False)

    picker.fill(missed.isoformat())
    page.get_by_role("button", name="Add this day").tap()
    page.wait_for_url(f"**/history/{missed.isoformat()}/")
    page.get_by_role("heading", name=f"Add {missed.strftime('%A %-d %B')}").wait_for()
    form_text = page.locator("[data-log-form]").inner_text().lower()
    assert "today" not in form_text, "a past day does not ask about today"
    assert page.get_by_text("Anything new?").count() == 0
    page.get_by_text("More about this day").tap()
    assert "today" not in page.locator("[data-log-form]").inner_text().lower()

    for name in ("strength_left-5", "strength_right-6", "fatigue-3"):
        page.locator(f"label[for={name}]").tap()
    page.get_by_role("button", name="Save this day").tap()
    page.get_by_role("status").get_by_text(f"Saved for {missed.strftime('%A %-d %B')}").wait_for()
    log = wait_until(lambda: DailyLog.objects.filter(patient=patient, date=missed).first())
    assert (log.strength_left, log.strength_right, log.fatigue) == (5, 6, 3)
    note = page.locator("[data-saved-note]").inner_text()
    assert "The answers it had before are kept" not in note, "a new day had no answers before"
    screenshot(page, f"history-missed-day-saved-{width}", full_page=False)
