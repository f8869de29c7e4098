"""Treatments, tests and life events on a chart's time axis: a treatment shades the days it was taken, and a
lane above the plot marks each treatment, test and event in plain words. Tapping a mark says what it was."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.html import escape
from django.utils.translation import gettext as _

from tracker.labels import INVESTIGATION_KIND_LABELS, LIFE_EVENT_KIND_LABELS, lab_result_words
from tracker.selectors.series import ChartData
from tracker.selectors.timeline import EventMark, InvestigationMark, TreatmentSpan

from .common import HOVER_LINE_CHARS, PALETTE, day_month_year, shown_start, translucent, wrapped

# The lane above the plot: its share of the figure's height, and the extra pixels the figure gets for it.
LANE_DOMAIN = [0.83, 1.0]
PLOT_DOMAIN = [0.0, 0.79]
LANE_HEIGHT_PX = 64
_TREATMENT_ROW, _TEST_ROW = 0, 1
# Past this share of the axis, a mark's label sits to its left.
LABEL_FLIPS_AT = 0.6
TREATMENT_COLOR = PALETTE["green"]
TEST_COLOR = PALETTE["purple"]
EVENT_COLOR = PALETTE["black"]
LABEL_INK = "#333333"


@dataclass(frozen=True)
class Overlay:
    """The shading and the lane's marks of one period: the same on every time chart of it, so built once."""

    shapes: list[dict]
    traces: list[dict]


def timeline_overlay(data: ChartData) -> Overlay | None:
    records = data.timeline
    if not records:
        return None
    first_day = shown_start(data)
    shown = (first_day, data.end)
    lanes = (
        _lane(
            _("Treatments"),
            [(max(t.start, first_day), escape(t.name), _treatment_words(t)) for t in records.treatments],
            _TREATMENT_ROW,
            TREATMENT_COLOR,
            "square",
            shown,
        ),
        _lane(
            _("Tests"),
            [(t.date, _short(INVESTIGATION_KIND_LABELS, t.kind), _test_words(t)) for t in records.tests],
            _TEST_ROW,
            TEST_COLOR,
            "diamond",
            shown,
        ),
        _lane(
            _("Events"),
            [
                (max(e.start, first_day), _short(LIFE_EVENT_KIND_LABELS, e.kind), _event_words(e))
                for e in records.events
            ],
            _TEST_ROW,
            EVENT_COLOR,
            "circle",
            shown,
        ),
    )
    return Overlay(
        shapes=[_shade(t, first_day, data.end) for t in records.treatments],
        traces=[lane for lane in lanes if lane is not None],
    )


def add_timeline(figure: dict, overlay: Overlay | None) -> dict:
    """Draw the period's treatments, tests and events on a time-axis figure, in place; without any, it is left
    as it was."""
    if overlay is None:
        return figure
    layout = figure["layout"]
    layout["height"] += LANE_HEIGHT_PX
    layout["yaxis"]["domain"] = PLOT_DOMAIN
    layout["yaxis2"] = {
        "domain": LANE_DOMAIN,
        "anchor": "x",
        "range": [-0.6, 1.6],
        "visible": False,
        "fixedrange": True,
    }
    # A tap over a day also says what the lane holds on that day.
    layout["hoversubplots"] = "axis"
    layout["shapes"] = [*layout.get("shapes", []), *overlay.shapes]
    figure["data"] += overlay.traces
    return figure


def _shade(treatment: TreatmentSpan, first_day: date, last_day: date) -> dict:
    end = min(treatment.end or last_day, last_day)
    return {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": f"{max(treatment.start, first_day).isoformat()} 00:00",
        "x1": f"{(end + timedelta(days=1)).isoformat()} 00:00",
        "y0": 0,
        "y1": 1,
        "fillcolor": translucent(TREATMENT_COLOR, 0.1),
        "line": {"width": 0},
        "layer": "below",
    }


def _lane(
    name: str, marks: list[tuple[date, str, str]], row: int, color: str, symbol: str, shown: tuple[date, date]
) -> dict | None:
    if not marks:
        return None
    first_day, last_day = shown
    span = max(1, (last_day - first_day).days)
    return {
        "type": "scatter",
        "mode": "markers+text",
        "name": name,
        "x": [day.isoformat() for day, _, _ in marks],
        "y": [row] * len(marks),
        "yaxis": "y2",
        "text": [label for _, label, _ in marks],
        # A label reads away from the nearer edge, so none runs off the chart.
        "textposition": [
            "middle left" if (day - first_day).days / span > LABEL_FLIPS_AT else "middle right" for day, _, _ in marks
        ],
        # Dark words beside the coloured mark: coloured 10-pixel text would fall short of WCAG AA contrast.
        "textfont": {"size": 10, "color": LABEL_INK},
        # Short lines, so what a tap shows fits beside the finger on a 320-pixel phone.
        "hovertext": [
            "<br>".join(wrapped(line, HOVER_LINE_CHARS) for line in words.split("<br>")) for _, _, words in marks
        ],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "marker": {"symbol": symbol, "size": 9, "color": color},
        "showlegend": False,
        "cliponaxis": False,
    }


def _short(labels: dict, kind: str) -> str:
    """The label without its explanation in brackets: 'Illness', not 'Illness (flu, infection)'."""
    return str(labels.get(kind, _("Other"))).split(" (")[0]


def _treatment_words(treatment: TreatmentSpan) -> str:
    # plotly.js reads its texts as a little HTML: what a person typed is shown as typed, never as markup.
    name = escape(f"{treatment.name} {treatment.dose}".strip())
    if treatment.end is None:
        return _("%(name)s: from %(start)s, still taking it") % {"name": name, "start": day_month_year(treatment.start)}
    return _("%(name)s: %(start)s to %(end)s") % {
        "name": name,
        "start": day_month_year(treatment.start),
        "end": day_month_year(treatment.end),
    }


def _test_words(test: InvestigationMark) -> str:
    heading = f"{INVESTIGATION_KIND_LABELS.get(test.kind, _('Test'))}, {day_month_year(test.date)}"
    return "<br>".join([heading, *(lab_result_words(result) for result in test.results)])


def _event_words(event: EventMark) -> str:
    what = LIFE_EVENT_KIND_LABELS.get(event.kind, _("Something else"))
    if event.end is None:
        return _("%(what)s: from %(start)s") % {"what": what, "start": day_month_year(event.start)}
    if event.end == event.start:
        return f"{what}: {day_month_year(event.start)}"
    return _("%(what)s: %(start)s to %(end)s") % {
        "what": what,
        "start": day_month_year(event.start),
        "end": day_month_year(event.end),
    }
