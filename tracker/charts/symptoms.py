"""Which symptom was logged on which day."""

from tracker.labels import symptom_label
from tracker.selectors.series import ChartData
from tracker.symptoms import SYMPTOMS

from .common import PALETTE, layout, wrapped

_COLORS = list(PALETTE.values())


def symptoms_figure(data: ChartData) -> dict:
    logged = {symptom for day in data.days for symptom in day.symptoms}
    names = [name for name in SYMPTOMS if name in logged]
    # The daily form's words, broken into short lines so the axis leaves room for the days on a phone.
    rows = [wrapped(symptom_label(name)) for name in names]
    traces = []
    for index, (name, row) in enumerate(zip(names, rows, strict=True)):
        dates = [day.date.isoformat() for day in data.days if name in day.symptoms]
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": symptom_label(name),
                "x": dates,
                "y": [row] * len(dates),
                "hovertemplate": f"%{{x|%a %-d %b %Y}}: {symptom_label(name)}<extra></extra>",
                "marker": {"symbol": "square", "size": 7, "color": _COLORS[index % len(_COLORS)]},
                "showlegend": False,
            }
        )
    figure_layout = layout(
        data,
        {"type": "category", "categoryorder": "array", "categoryarray": rows, "automargin": True},
        height=max(160, 60 + sum(12 + 14 * (row.count("<br>") + 1) for row in rows)),
    )
    if not names:
        figure_layout["annotations"] = [
            {
                "text": "No symptoms logged in this period",
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.5,
                "showarrow": False,
            }
        ]
    return {"data": traces, "layout": figure_layout}
