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
    cutoff = steadi_chair_stand_cutoff(data.age, data.sex)
    annotations = []
    if cutoff is None:
        annotations.append(
            {
                "text": "No STEADI norm applies (age under 60, over 94, or age or sex not given)",
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 1,
                "xanchor": "left",
                "showarrow": False,
                "font": {"size": 10},
            }
        )
    else:
        count, ages = cutoff
        traces.append(
            line(
                f"Below average under {count} (STEADI, {data.sex}, {ages})",
                [data.start.isoformat(), data.end.isoformat()],
                [count, count],
                PALETTE["vermillion"],
                mode="lines",
                line={"color": PALETTE["vermillion"], "width": 2, "dash": "dash"},
                hoverinfo="name",
            )
        )
    logged = [c for c in counts if c is not None]
    top = max([*logged, cutoff[0] if cutoff else 0, 10]) + 2
    return {
        "data": traces,
        "layout": layout(
            "30-second chair stand",
            data.start,
            data.end,
            {"range": [0, top], "rangemode": "tozero"},
            annotations=annotations,
            meta={"source": STEADI_SOURCE},
        ),
    }
