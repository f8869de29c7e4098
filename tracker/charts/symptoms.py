"""Which symptom was logged on which day."""

from tracker.selectors.series import ChartData
from tracker.symptoms import SYMPTOM_LABELS, SYMPTOMS

from .common import PALETTE, layout

_COLORS = list(PALETTE.values())


def symptoms_figure(data: ChartData) -> dict:
    logged = {symptom for day in data.days for symptom in day.symptoms}
    names = [name for name in SYMPTOMS if name in logged]
    traces = []
    for index, name in enumerate(names):
        dates = [day.date.isoformat() for day in data.days if name in day.symptoms]
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": SYMPTOM_LABELS[name],
                "x": dates,
                "y": [name] * len(dates),
                "marker": {"symbol": "square", "size": 7, "color": _COLORS[index % len(_COLORS)]},
                "showlegend": False,
            }
        )
    figure_layout = layout(
        "Symptoms logged",
        data.start,
        data.end,
        {"type": "category", "categoryorder": "array", "categoryarray": names, "automargin": True},
        height=max(160, 60 + 24 * len(names)),
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
