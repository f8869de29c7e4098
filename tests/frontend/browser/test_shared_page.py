from datetime import timedelta

from tests.conftest import add_logs
from tests.frontend.browser.conftest import screenshot
from tests.tracker.charts.diary import known_diary
from tracker.charts import FIGURES
from tracker.models import Treatment
from tracker.models.sharing import SHARE_SECTIONS
from tracker.services.records import record_create
from tracker.services.sharing import share_create

PHONE = {"width": 360, "height": 740}
PLOT_STATE = """plots => plots.map(p => [
    p.id, p.dataset.drawn, p.querySelector("svg.main-svg") !== null, Math.round(p.getBoundingClientRect().width)
])"""


def test_the_shared_page_draws_every_chart_at_phone_width(browser, live_server, transactional_db, make_patient):
    patient = make_patient(birth_year=1952, sex="male")
    add_logs(patient, known_diary(end=patient.local_today(), days=200))
    _, token = share_create(patient=patient)
    problems = []
    page = browser.new_page(viewport=PHONE, is_mobile=True, device_scale_factor=2)
    try:
        page.on("console", lambda message: message.type == "error" and problems.append(message.text))
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.goto(f"{live_server.url}/s/{token}/")
        page.wait_for_selector("body[data-charts-ready]", state="attached", timeout=20_000)
        drawn = page.eval_on_selector_all(".plot", PLOT_STATE)
        page_width = page.evaluate("document.documentElement.scrollWidth")
        screenshot(page, "shared-page-360")
    finally:
        page.close()
    assert problems == []
    assert [plot[0] for plot in drawn] == [f"chart-{name}" for name in FIGURES]
    assert all(plot[1] == "true" and plot[2] for plot in drawn)
    assert all(300 <= plot[3] <= PHONE["width"] for plot in drawn)
    assert page_width <= PHONE["width"]


def test_a_doctor_on_a_desktop_sees_who_what_was_tried_and_the_trend_first(
    browser, live_server, transactional_db, make_patient
):
    patient = make_patient(birth_year=1961, sex="female", history=["diabetes"])
    today = patient.local_today()
    add_logs(patient, known_diary(end=today, days=120))
    record_create(
        model=Treatment,
        patient=patient,
        values={"name": "Vitamin B12", "dose": "1 mg", "start": today - timedelta(days=20)},
    )
    _, token = share_create(patient=patient, sections=SHARE_SECTIONS, patient_label="J. S.")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{live_server.url}/s/{token}/")
        page.wait_for_selector("body[data-charts-ready]", state="attached", timeout=20_000)
        header = page.inner_text("header")
        first_screen = page.evaluate(
            """() => ['#chart-strength', '#timeline'].map(s => document.querySelector(s).getBoundingClientRect().top)"""
        )
        screenshot(page, "shared-page-desktop")
        page.goto(f"{live_server.url}/s/{token}/summary.pdf")
        waiting = page.inner_text("body")
        screenshot(page, "shared-pdf-preparing")
    finally:
        page.close()
    for words in ("J. S.", "1961", "Female", "Diabetes", "days logged", "Made"):
        assert words in header, words
    assert first_screen[0] < first_screen[1] < 900 * 2
    assert "Preparing your PDF" in waiting
