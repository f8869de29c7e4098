import gzip
import json
from datetime import timedelta

import plotly.graph_objects as go
import pytest

from tests.tracker.charts.diary import END, known_diary
from tracker.charts import FIGURES, build_all, build_figure
from tracker.charts.common import PALETTE, rolling_median
from tracker.charts.sentences import chart_sentences
from tracker.selectors.series import AlertMark, ChartData


def _data(days=None, span=90, age=72, sex="female", alerts=()):
    diary = known_diary() if days is None else days
    start = END - timedelta(days=span - 1)
    return ChartData(
        start=start,
        end=END,
        days=[d for d in diary if d.date >= start],
        baseline_days=[d for d in diary if END - timedelta(days=119) <= d.date <= END - timedelta(days=28)],
        alerts=list(alerts),
        age=age,
        sex=sex,
    )


def _trace(figure, name):
    return next(t for t in figure["data"] if t["name"] == name)


@pytest.mark.parametrize("name", list(FIGURES))
def test_every_figure_is_valid_plotly_and_phone_friendly(name):
    figure = build_figure(name, _data(alerts=[AlertMark(END, "fall", "soon", "open", None)]))
    go.Figure(figure)  # raises on any property plotly.js does not know
    layout = figure["layout"]
    assert "width" not in layout
    assert layout["autosize"] is True
    assert layout["legend"]["orientation"] == "h"
    assert layout["legend"]["y"] < 0


def test_strength_has_each_leg_its_median_and_usual_range_with_gaps_for_missing_days():
    figure = build_figure("strength", _data())
    left, right = _trace(figure, "Left leg"), _trace(figure, "Right leg")
    assert len(left["x"]) == 90
    assert left["x"][0] == (END - timedelta(days=89)).isoformat() and left["x"][-1] == END.isoformat()
    missing = left["x"].index((END - timedelta(days=5)).isoformat())
    assert left["y"][missing] is None and left["connectgaps"] is False
    assert right["y"][-1] == 4 and right["y"][-20] == 7
    assert left["line"]["color"] == PALETTE["blue"] and right["line"]["color"] == PALETTE["orange"]
    assert _trace(figure, "Right leg 7-day median")["y"][-1] == 4
    band = _trace(figure, "Right leg usual range")
    assert band["fill"] == "tonexty" and band["y"][0] > 7 > _trace(figure, "Right leg usual range (low edge)")["y"][0]


def test_alerts_are_markers_a_tap_names_in_plain_words():
    alerts = [AlertMark(END - timedelta(days=5), "worsening_trend", "soon", "open", None)]
    markers = _trace(build_figure("strength", _data(alerts=alerts)), "Alerts")
    assert markers["mode"] == "markers" and markers["x"] == [(END - timedelta(days=5)).isoformat()]
    assert markers["hovertext"] == [
        "Legs weaker over weeks: Book an<br>appointment in the next week or<br>two (Not yet read)"
    ]


def test_chair_stand_draws_the_steadi_cut_off_for_age_and_sex():
    figure = build_figure("chair_stand", _data(age=72, sex="female"))
    counts = _trace(figure, "Chair stands in 30 s")
    assert counts["y"][-1] == 13 and counts["y"][-2] is None
    cut_off = next(t for t in figure["data"] if t["name"].startswith("Below average: under 10"))
    assert cut_off["y"] == [10, 10]
    assert "women 70 to 74" in cut_off["name"]
    assert all(len(line) <= 30 for line in cut_off["name"].split("<br>")), "the legend fits a 320 px phone"


def test_chair_stand_without_a_norm_draws_none_and_says_why_above_the_chart():
    data = _data(age=45, sex="male")
    figure = build_figure("chair_stand", data)
    assert len(figure["data"]) == 1 and "annotations" not in figure["layout"]
    assert chart_sentences(data)["chair_stand"].endswith(
        "No population norm applies: the CDC STEADI norms cover women and men aged 60 to 94."
    )


def test_symptom_timeline_has_a_row_per_logged_symptom_on_its_days():
    figure = build_figure("symptoms", _data())
    assert [t["name"] for t in figure["data"]] == ["Cramps", "I fell"], "the daily form's words"
    assert [t["y"][0] for t in figure["data"]] == ["Cramps", "I fell"]
    fall = figure["data"][1]
    assert fall["x"] == [(END - timedelta(days=6)).isoformat()]


def test_activity_against_next_day_fatigue_pairs_each_day_with_the_next():
    figure = build_figure("activity_fatigue", _data())
    points = figure["data"][0]
    diary = {d.date: d for d in known_diary() if d.date >= END - timedelta(days=89)}
    day = next(d for d in diary.values() if d.steps is not None and d.date + timedelta(days=1) in diary)
    after = diary[day.date + timedelta(days=1)]
    assert len(points["x"]) == len(points["y"]) == len(points["customdata"])
    assert (points["x"][0], points["y"][0]) == (day.steps, after.fatigue)
    assert points["customdata"][0] == f"{day.date:%a} {day.date.day} {day.date:%b %Y}", "tapping a dot tells its day"


def test_steps_are_bars_with_none_on_unknown_days():
    bars = build_figure("steps", _data())["data"][0]
    assert bars["type"] == "bar" and bars["y"][-1] is None and bars["y"][-2] == 5100


def test_rolling_median_needs_enough_logged_days():
    assert rolling_median([1, None, None, 3, 5, 7]) == [None, None, None, None, None, 4]


def test_a_year_of_figures_stays_small_once_compressed():
    figures = build_all(_data(days=known_diary(days=500), span=365))
    size = len(gzip.compress(json.dumps(figures, separators=(",", ":")).encode()))
    assert size < 40_000
