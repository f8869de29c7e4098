"""30-second chair stand counts against the CDC STEADI below-average cut-off for the patient's age and sex."""

from tracker.rules.norms import STEADI_SOURCE, steadi_chair_stand_cutoff
from tracker.selectors.series import ChartData

from .common import PALETTE, daily_axis, iso, layout, line, on_axis


def chair_stand_figure(data: ChartData) -> dict:
    axis = daily_axis(data.start, data.end)
    counts = on_axis(axis, data.days, "chair_stand_30s")
    # The test is done every few days, so the tested days are drawn as points, not joined across gaps.
    traces = [
        line(
            "Chair stands in 30 s",
            iso(axis),
            counts,
            PALETTE["blue"],
            mode="markers",
            marker={"color": PALETTE["blue"], "size": 6},
        )
    ]
    # Whether a norm applies, and whose, is said in words above the chart (tracker.charts.sentences).
    cutoff = steadi_chair_stand_cutoff(data.age, data.sex)
    if cutoff is not None:
        count, ages = cutoff
        who = "women" if data.sex == "female" else "men"
        traces.append(
            line(
                f"Below average: under {count}<br>(CDC STEADI, {who} {ages.replace('-', ' to ')})",
                [data.start.isoformat(), data.end.isoformat()],
                [count, count],
                PALETTE["vermillion"],
                mode="lines",
                line={"color": PALETTE["vermillion"], "width": 2, "dash": "dash"},
                hoverinfo="skip",
            )
        )
    logged = [c for c in counts if c is not None]
    top = max([*logged, cutoff[0] if cutoff else 0, 10]) + 2
    return {
        "data": traces,
        "layout": layout(data, {"range": [0, top], "rangemode": "tozero"}, meta={"source": STEADI_SOURCE}),
    }
