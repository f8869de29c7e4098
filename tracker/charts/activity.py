"""Activity: daily steps, and each day's steps against the next day's fatigue."""

from datetime import timedelta

from tracker.selectors.series import ChartData

from .common import PALETTE, daily_axis, iso, layout, line, on_axis, rolling_median, weekday_and_date


def steps_figure(data: ChartData) -> dict:
    axis = daily_axis(data.start, data.end)
    x = iso(axis)
    steps = on_axis(axis, data.days, "steps")
    return {
        "data": [
            {
                "type": "bar",
                "name": "Steps",
                "x": x,
                "y": steps,
                "marker": {"color": PALETTE["sky"]},
                "hovertemplate": "Steps: %{y:,}<extra></extra>",
            },
            line("7-day median", x, rolling_median(steps), PALETTE["blue"], mode="lines", hoverinfo="skip"),
        ],
        "layout": layout(data, {"rangemode": "tozero"}, bargap=0.1),
    }


def activity_fatigue_figure(data: ChartData) -> dict:
    """Post-exertional worsening shows as fatigue rising to the right (NICE NG206: 12 to 48 hours after)."""
    by_date = {d.date: d for d in data.days}
    pairs = [
        (day, after)
        for day in data.days
        if day.steps is not None and (after := by_date.get(day.date + timedelta(days=1))) is not None
    ]
    figure_layout = layout(data, {"range": [0, 10.5], "dtick": 2, "title": {"text": "Fatigue the next day"}})
    figure_layout["xaxis"] = {
        "title": {"text": "Steps that day"},
        "rangemode": "tozero",
        "automargin": True,
        "fixedrange": True,
    }
    figure_layout["hovermode"] = "closest"
    return {
        "data": [
            {
                "type": "scatter",
                "mode": "markers",
                "name": "Day and the day after",
                "x": [day.steps for day, _ in pairs],
                "y": [after.fatigue for _, after in pairs],
                "customdata": [weekday_and_date(day.date) for day, _ in pairs],
                "hovertemplate": "%{customdata}: %{x:,} steps,<br>fatigue %{y} the next day<extra></extra>",
                "marker": {"color": PALETTE["green"], "size": 6, "opacity": 0.7},
            }
        ],
        "layout": figure_layout,
    }
