"""What a person and their doctor read in a real browser, at 390 and at 320 pixels wide: the alerts, one alert and
the doctor's summary with its charts drawn speak in words, never in the app's codes."""

from datetime import timedelta

import pytest

from tests.conftest import add_logs
from tests.frontend.browser.conftest import PHONE, screenshot, sign_in
from tests.plain_words import codes_in_text
from tests.tracker.charts.diary import known_diary
from tracker.models import Alert
from tracker.services.sharing import SHARE_SECTIONS, share_create

ALERTS = [("worsening_trend", "soon"), ("bladder_bowel", "emergency"), ("nerve_signal_drop", "info")]
# The text a person sees, and the text plotly.js drew into each chart.
SHOWN = """() => [
    ...document.body.innerText.split('\\n'),
    ...[...document.querySelectorAll('.plot text')].map(text => text.textContent),
]"""


@pytest.mark.parametrize("width", [390, 320])
def test_alerts_and_the_summary_read_in_words(browser, live_server, transactional_db, make_patient, width):
    patient = make_patient(birth_year=1950, sex="female")
    today = patient.local_today()
    add_logs(patient, known_diary(end=today, days=120))
    alerts = [
        Alert.objects.create(
            patient=patient,
            code=code,
            severity=severity,
            raised_on=today - timedelta(days=offset),
            patient_text="Your entries changed.",
            physician_text="x",
            advice="Please talk to your doctor.",
            dedup_key=code,
        )
        for offset, (code, severity) in enumerate(ALERTS)
    ]
    _, token = share_create(patient=patient, sections=SHARE_SECTIONS)
    context = browser.new_context(**PHONE | {"viewport": {"width": width, "height": 844}}, base_url=live_server.url)
    sign_in(context, patient, live_server.url)
    page = context.new_page()
    shown, wide = {}, {}
    try:
        for name, path in (("alerts", "/alerts/"), ("alert", f"/alerts/{alerts[1].pk}/"), ("summary", f"/s/{token}/")):
            page.goto(path)
            if name == "summary":
                page.wait_for_selector("body[data-charts-ready]", state="attached", timeout=20_000)
            shown[name] = page.evaluate(SHOWN)
            wide[name] = page.evaluate("document.documentElement.scrollWidth") - width
            screenshot(page, f"plain-words-{name}-{width}")
    finally:
        context.close()
    assert {name: codes_in_text(lines) for name, lines in shown.items() if codes_in_text(lines)} == {}
    assert {"Legs weaker over weeks", "A change in the diary worth a look"} <= set(shown["alerts"])
    assert "New bladder or bowel control problem" in shown["alert"] and "Emergency: call now" in shown["alert"]
    summary = " ".join(shown["summary"])
    assert "Legs weaker over weeks" in summary and "Book an appointment in the next week or two" in summary
    assert "Right leg about 4 in the last two weeks, usually about 7" in summary
    assert wide == {"alerts": 0, "alert": 0, "summary": 0}, "pixels of sideways scrolling"
