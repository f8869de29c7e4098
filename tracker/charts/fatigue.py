"""Fatigue, 0 (none) to 10 (worst imaginable), with a rolling median."""

from tracker.selectors.series import ChartData

from .common import PALETTE, daily_axis, iso, layout, line, on_axis, rolling_median


def fatigue_figure(data: ChartData) -> dict:
    axis = daily_axis(data.start, data.end)
    x = iso(axis)
    values = on_axis(axis, data.days, "fatigue")
    color = PALETTE["purple"]
    return {
        "data": [
            line("Fatigue", x, values, color),
            line(
                "7-day median",
                x,
                rolling_median(values),
                PALETTE["black"],
                mode="lines",
                line={"color": PALETTE["black"], "width": 2, "dash": "dot"},
                hoverinfo="skip",
            ),
        ],
        "layout": layout(data, {"range": [0, 10.5], "dtick": 2}),
    }
