"""Figure builders: pure functions from ChartData (plain data) to a Plotly figure dict, drawn by plotly.js."""

from collections.abc import Callable

from tracker.selectors.series import ChartData

from .activity import activity_fatigue_figure, steps_figure
from .chair_stand import chair_stand_figure
from .common import wrapped
from .fatigue import fatigue_figure
from .sentences import waiting_note
from .strength import strength_figure
from .symptoms import symptoms_figure
from .timeline import Overlay, add_timeline, timeline_overlay

FIGURES: dict[str, tuple[str, Callable[[ChartData], dict]]] = {
    "strength": ("Leg strength", strength_figure),
    "chair_stand": ("30-second chair stand", chair_stand_figure),
    "fatigue": ("Fatigue", fatigue_figure),
    "steps": ("Steps", steps_figure),
    "symptoms": ("Symptoms", symptoms_figure),
    "activity_fatigue": ("Activity and next-day fatigue", activity_fatigue_figure),
}
# The charts whose horizontal axis is the calendar: treatments, tests and events are drawn on them.
TIME_AXIS_FIGURES = frozenset({"strength", "chair_stand", "fatigue", "steps", "symptoms"})


def build_figure(name: str, data: ChartData) -> dict:
    return _build(name, data, timeline_overlay(data) if name in TIME_AXIS_FIGURES else None)


def build_all(data: ChartData) -> dict[str, dict]:
    overlay = timeline_overlay(data)
    return {name: _build(name, data, overlay if name in TIME_AXIS_FIGURES else None) for name in FIGURES}


def _build(name: str, data: ChartData, overlay: Overlay | None) -> dict:
    figure = add_timeline(FIGURES[name][1](data), overlay)
    note = waiting_note(name, data)
    if note is not None:
        figure["layout"].setdefault("annotations", []).append(
            {
                "text": wrapped(note, width=34),
                "xref": "paper",
                "yref": "paper",
                "x": 0.5,
                "y": 0.5,
                "showarrow": False,
                "bgcolor": "rgba(255,255,255,0.85)",
                "font": {"size": 12},
            }
        )
    return figure
