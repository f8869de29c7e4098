from datetime import timedelta

import plotly.graph_objects as go
import pytest

from tests.tracker.charts.diary import END, known_diary
from tracker.charts import FIGURES, TIME_AXIS_FIGURES, build_figure
from tracker.selectors.series import ChartData
from tracker.selectors.timeline import EventMark, InvestigationMark, ResultValue, Timeline, TreatmentSpan

RECORDS = Timeline(
    treatments=[TreatmentSpan("Vitamin B12 <b>", "1 mg", END - timedelta(days=40), None)],
    tests=[
        InvestigationMark("blood_test", END - timedelta(days=45), (ResultValue("vitamin_b12", 150, "pg/mL", 200, 900),))
    ],
    events=[EventMark("illness", END - timedelta(days=70), END - timedelta(days=64))],
)


def _data(records=RECORDS):
    diary = known_diary()
    start = END - timedelta(days=89)
    return ChartData(
        start=start,
        end=END,
        days=[d for d in diary if d.date >= start],
        baseline_days=[d for d in diary if END - timedelta(days=119) <= d.date <= END - timedelta(days=28)],
        alerts=[],
        age=72,
        sex="female",
        timeline=records,
    )


def _lane(figure, name):
    return next(t for t in figure["data"] if t["name"] == name)


@pytest.mark.parametrize("name", sorted(TIME_AXIS_FIGURES))
def test_every_time_chart_shades_treatments_and_marks_tests_and_events_in_words(name):
    figure = build_figure(name, _data())
    go.Figure(figure)
    [shade] = figure["layout"]["shapes"]
    assert (shade["x0"], shade["x1"]) == (f"{END - timedelta(days=40)} 00:00", f"{END + timedelta(days=1)} 00:00")
    assert shade["yref"] == "paper" and shade["layer"] == "below"
    treatments, tests, events = _lane(figure, "Treatments"), _lane(figure, "Tests"), _lane(figure, "Events")
    assert treatments["text"] == ["Vitamin B12 &lt;b&gt;"], "what a person typed is never markup"
    assert tests["text"] == ["Blood test"] and events["text"] == ["Illness"]
    assert events["textposition"] == ["middle right"]
    assert tests["hovertext"] == [
        "Blood test, 16 May 2026<br>Vitamin B12: 150 pg/mL (below<br>the lab's range, 200 to 900)"
    ]
    assert events["hovertext"] == ["Illness (flu, infection): 21 Apr<br>2026 to 27 Apr 2026"]
    assert treatments["hovertext"] == ["Vitamin B12 &lt;b&gt; 1 mg: from<br>21 May 2026, still taking it"]
    assert figure["layout"]["yaxis2"]["domain"][0] > figure["layout"]["yaxis"]["domain"][1], "a lane above the plot"


def test_the_steps_and_fatigue_scatter_has_no_time_axis_to_mark():
    assert set(FIGURES) - TIME_AXIS_FIGURES == {"activity_fatigue"}
    assert "shapes" not in build_figure("activity_fatigue", _data())["layout"]


def test_without_records_a_chart_has_no_lane():
    figure = build_figure("strength", _data(Timeline()))
    assert "yaxis2" not in figure["layout"] and "shapes" not in figure["layout"]


def test_a_course_started_before_the_period_is_shaded_from_its_first_day_shown():
    records = Timeline(treatments=[TreatmentSpan("Vitamin D", "", END - timedelta(days=400), END - timedelta(days=3))])
    figure = build_figure("fatigue", _data(records))
    [shade] = figure["layout"]["shapes"]
    assert shade["x0"] == f"{END - timedelta(days=89)} 00:00" and shade["x1"] == f"{END - timedelta(days=2)} 00:00"
    assert _lane(figure, "Treatments")["x"] == [(END - timedelta(days=89)).isoformat()]


def test_a_label_near_today_reads_to_the_left_of_its_mark_so_it_stays_on_the_chart():
    records = Timeline(tests=[InvestigationMark("mri", END - timedelta(days=3))])
    lane = _lane(build_figure("strength", _data(records)), "Tests")
    assert lane["text"] == ["MRI scan"] and lane["textposition"] == ["middle left"]
