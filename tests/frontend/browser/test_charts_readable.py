"""Charts a person reads on a phone, at 390 and at 320 pixels wide: what each shows in a sentence above it, the
chosen period marked, a B12 course shaded and the blood test and the flu week marked on the time axis, a tap on a
mark or a day saying what it is, a new diary's charts saying how long until a trend shows, and nothing wider
than the screen."""

from datetime import timedelta

import pytest

from tests.conftest import add_logs
from tests.frontend.browser.conftest import ARTIFACTS, PHONE, screenshot, sign_in
from tests.tracker.charts.diary import known_diary
from tracker.models import Investigation, LifeEvent, Treatment
from tracker.services.records import record_create

WIDTHS = [390, 320]

# Where a point of a drawn plotly chart is on the page: its axes map data to pixels inside the plot area.
POINT_ON_PAGE = """([id, x, y, yaxis]) => {
    const plot = document.getElementById(id);
    const layout = plot._fullLayout;
    const box = plot.getBoundingClientRect();
    const xaxis = layout.xaxis, axis = layout[yaxis];
    return [box.left + xaxis._offset + xaxis.d2p(x), box.top + axis._offset + axis.d2p(y)];
}"""
# Each text of the label a tap shows, its wrapped lines joined again.
HOVER_TEXT = """id => [...document.getElementById(id).querySelectorAll('.hoverlayer text')].map(text => {
    const lines = [...text.querySelectorAll('tspan.line')];
    return lines.length ? lines.map(line => line.textContent).join(' ') : text.textContent;
})"""
# Anything in the page that scrolls sideways by itself (a stray scrollbar), and how far the page does.
SIDEWAYS = """() => [
    document.documentElement.scrollWidth - window.innerWidth,
    [...document.querySelectorAll('main *')]
        .filter(e => e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
        .map(e => e.className || e.tagName),
]"""


def _open_charts(browser, live_server, patient, width):
    context = browser.new_context(**PHONE | {"viewport": {"width": width, "height": 844}}, base_url=live_server.url)
    sign_in(context, patient, live_server.url)
    page = context.new_page()
    page.goto("/charts/")
    page.wait_for_selector("body[data-charts-ready]", state="attached", timeout=20_000)
    return context, page


def _tap(page, plot_id: str, x: str, y: float, yaxis: str = "yaxis") -> list[str]:
    left, top = page.evaluate(POINT_ON_PAGE, [plot_id, x, y, yaxis])
    page.touchscreen.tap(left, top)
    page.wait_for_timeout(150)
    return page.evaluate(HOVER_TEXT, plot_id)


@pytest.fixture
def treated(make_patient):
    """Steady legs with the right one weaker over the last ten days; a B12 course, a blood test and a flu week."""
    patient = make_patient(birth_year=1952, sex="female")
    today = patient.local_today()
    add_logs(patient, known_diary(end=today, days=150))
    record_create(
        model=Treatment,
        patient=patient,
        values={"name": "Vitamin B12", "dose": "1 mg", "start": today - timedelta(days=40), "end": None},
    )
    record_create(
        model=Investigation,
        patient=patient,
        values={
            "kind": "blood_test",
            "date": today - timedelta(days=45),
            "results": [
                {"marker": "vitamin_b12", "value": 150, "unit": "pg/mL", "reference_low": 200, "reference_high": 900}
            ],
        },
    )
    record_create(
        model=LifeEvent,
        patient=patient,
        values={"kind": "illness", "start": today - timedelta(days=70), "end": today - timedelta(days=64)},
    )
    return patient


@pytest.mark.parametrize("width", WIDTHS)
def test_the_charts_say_what_they_show_and_mark_what_was_tried(browser, live_server, transactional_db, treated, width):
    today = treated.local_today()
    context, page = _open_charts(browser, live_server, treated, width)
    try:
        says = page.locator("#chart-strength-says").inner_text()
        colours = page.eval_on_selector_all(".ranges a", "links => links.map(a => getComputedStyle(a).backgroundColor)")
        shaded = page.evaluate("() => document.getElementById('chart-strength')._fullLayout.shapes.length")
        lane = page.locator("#chart-strength .textpoint text").all_text_contents()
        sideways = page.evaluate(SIDEWAYS)
        screenshot(page, f"charts-records-{width}")
        test_words = _tap(page, "chart-strength", (today - timedelta(days=45)).isoformat(), 1, "yaxis2")
        page.locator("#chart-strength").screenshot(path=ARTIFACTS / f"charts-tap-test-{width}.png")
        day_words = _tap(page, "chart-strength", (today - timedelta(days=2)).isoformat(), 4)
        page.locator("#chart-strength").screenshot(path=ARTIFACTS / f"charts-tap-day-{width}.png")
        chair_says = page.locator("#chart-chair_stand-says").inner_text()
        legend_overflow = page.evaluate(
            """() => [...document.querySelectorAll('.plot .legendtext')].filter(text => {
                const plot = text.closest('.plot').getBoundingClientRect();
                return text.getBoundingClientRect().right > plot.right + 0.5;
            }).map(text => text.textContent)"""
        )
    finally:
        context.close()
    assert says == "Right leg about 4 in the last two weeks, usually about 7; left leg about 8, as usual."
    assert len(set(colours)) == 2, "the chosen period is filled, the others are not"
    assert shaded == 1, "the B12 course is a shaded span"
    assert {"Vitamin B12", "Blood test", "Illness"} <= set(lane), "each mark is labelled in words"
    assert any("Vitamin B12: 150 pg/mL (below the lab's range, 200 to 900)" in line for line in test_words), test_words
    day = today - timedelta(days=2)
    assert any(f"{day:%a} {day.day} {day:%b %Y}" in line for line in day_words), day_words
    assert "Left leg: 8" in day_words and "Right leg: 4" in day_words
    assert "Fewer than 10 is below average for women aged 70 to 74 (CDC STEADI)." in chair_says
    assert legend_overflow == [], "no legend text runs out of its chart"
    assert sideways == [0, []], "no sideways scrolling, no stray scrollbar"


@pytest.mark.parametrize("width", WIDTHS)
def test_a_new_diary_says_how_long_until_a_trend_shows(browser, live_server, transactional_db, make_patient, width):
    newcomer = make_patient(birth_year=1950, sex="female")
    add_logs(newcomer, known_diary(end=newcomer.local_today(), days=1))
    context, page = _open_charts(browser, live_server, newcomer, width)
    try:
        says = page.locator("#chart-strength-says").inner_text()
        note = " ".join(page.locator("#chart-strength .annotation-text tspan.line").all_text_contents())
        dot = page.evaluate(
            """() => {
                const plot = document.getElementById('chart-strength');
                const xaxis = plot._fullLayout.xaxis;
                const last = plot.data.find(t => t.name === 'Left leg').x.at(-1);
                return [xaxis.d2p(last), xaxis._length];
            }"""
        )
        sideways = page.evaluate(SIDEWAYS)
        screenshot(page, f"charts-new-diary-{width}")
    finally:
        context.close()
    assert says.endswith("The usual level shows after about 41 more days of entries."), says
    assert "3 more days logged and a weekly line shows." in note and "41 more days" in note
    assert dot[0] + 4 <= dot[1], "today's dot is drawn whole, not cut by the edge"
    assert sideways == [0, []]
