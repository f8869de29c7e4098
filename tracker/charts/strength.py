"""Strength of each leg: the daily ratings, a rolling median, the usual range, and alerts in plain words."""

from tracker.labels import alert_label, alert_status_label, severity_label
from tracker.selectors.figures import baseline_level
from tracker.selectors.series import ChartData

from .common import (
    HOVER_LINE_CHARS,
    PALETTE,
    band,
    daily_axis,
    iso,
    layout,
    line,
    on_axis,
    rolling_median,
    wrapped,
)

LEGS = (("strength_left", "Left leg", PALETTE["blue"]), ("strength_right", "Right leg", PALETTE["orange"]))
# Alert markers sit just above the 0-10 scale so they never hide a rating.
ALERT_MARKER_Y = 10.8


def strength_figure(data: ChartData) -> dict:
    axis = daily_axis(data.start, data.end)
    x = iso(axis)
    traces = []
    for field, label, color in LEGS:
        level = baseline_level(data.baseline_days, field)
        if level is not None:
            traces += band(f"{label} usual range", data.start, data.end, level, color, legendgroup=field)
        values = on_axis(axis, data.days, field)
        traces.append(line(label, x, values, color, legendgroup=field))
        traces.append(
            line(
                f"{label} 7-day median",
                x,
                rolling_median(values),
                color,
                mode="lines",
                line={"color": color, "width": 2, "dash": "dot"},
                hoverinfo="skip",
                legendgroup=field,
            )
        )
    if data.alerts:
        traces.append(alert_markers(data))
    return {
        "data": traces,
        "layout": layout(data, {"range": [0, 11.6], "dtick": 2}),
    }


def alert_markers(data: ChartData) -> dict:
    return {
        "type": "scatter",
        # Named when tapped: alerts a few days apart would write over each other, and past the chart's edge.
        "mode": "markers",
        "name": "Alerts",
        "x": [alert.date.isoformat() for alert in data.alerts],
        "y": [ALERT_MARKER_Y] * len(data.alerts),
        "hovertext": [
            wrapped(
                f"{alert_label(alert.code)}: {severity_label(alert.severity)} ({alert_status_label(alert.status)})",
                HOVER_LINE_CHARS,
            )
            for alert in data.alerts
        ],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "marker": {"symbol": "triangle-down", "size": 10, "color": PALETTE["vermillion"]},
        "cliponaxis": False,
    }
