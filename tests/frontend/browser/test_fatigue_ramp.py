"""A fatigue rise found by the 8-week line, as the person opens it on the phone at 390 and 320 pixels: the alert
says in words what rose and over which days, with nothing cut off."""

from datetime import timedelta

import pytest

from tests.conftest import add_logs
from tests.frontend.browser.conftest import PHONE, screenshot, sign_in
from tests.plain_words import codes_in_text
from tracker.rules.types import DayEntry
from tracker.services.alerting import analyse_patient_day

WOBBLE = (0, 1, 0, -1, 0, 0, 1, -1, 0)


def _creeping_fatigue(today, days=120):
    first = today - timedelta(days=days - 1)
    return [
        DayEntry(
            date=first + timedelta(days=i),
            strength_left=8 + WOBBLE[i % 9],
            strength_right=8 - WOBBLE[(i + 3) % 9],
            fatigue=round(3 + max(0, i - 75) * 0.055) + WOBBLE[(i + 5) % 9],
            steps=6000,
            chair_stand_30s=None,
        )
        for i in range(days)
    ]


@pytest.mark.parametrize("width", [390, 320])
def test_a_slow_fatigue_rise_reads_in_words_with_the_weeks_it_looked_at(
    browser, live_server, transactional_db, make_patient, width
):
    patient = make_patient()
    today = patient.local_today()
    days = _creeping_fatigue(today)
    add_logs(patient, days)
    (alert,) = [a for a in analyse_patient_day(patient=patient, today=today, days=days) if a.code == "fatigue_trend"]
    assert "fitted to 8 weeks" in alert.physician_text

    context = browser.new_context(**PHONE | {"viewport": {"width": width, "height": 844}}, base_url=live_server.url)
    sign_in(context, patient, live_server.url)
    page = context.new_page()
    try:
        page.goto(f"/alerts/{alert.pk}/")
        lines = page.evaluate("document.body.innerText.split('\\n')")
        wide = page.evaluate("document.documentElement.scrollWidth") - width
        screenshot(page, f"fatigue-ramp-alert-{width}")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        screenshot(page, f"fatigue-ramp-alert-{width}-end", full_page=False)
    finally:
        context.close()
    start = today - timedelta(days=55)
    recent = next(line for line in lines if line.startswith("Recent days looked at:"))
    assert f"{start.day} {start:%b}" in recent and f"{today.day} {today:%b}" in recent
    assert any(line.startswith("Your usual days, compared against:") for line in lines)
    assert not codes_in_text(lines)
    assert wide == 0, "pixels of sideways scrolling"
