"""Figure builders: pure functions from ChartData (plain data) to a Plotly figure dict, drawn by plotly.js."""

from collections.abc import Callable

from tracker.selectors.series import ChartData

from .activity import activity_fatigue_figure, steps_figure
from .chair_stand import chair_stand_figure
from .fatigue import fatigue_figure
from .strength import strength_figure
from .symptoms import symptoms_figure

FIGURES: dict[str, tuple[str, Callable[[ChartData], dict]]] = {
    "strength": ("Leg strength", strength_figure),
    "chair_stand": ("30-second chair stand", chair_stand_figure),
    "fatigue": ("Fatigue", fatigue_figure),
    "steps": ("Steps", steps_figure),
    "symptoms": ("Symptoms", symptoms_figure),
    "activity_fatigue": ("Activity and next-day fatigue", activity_fatigue_figure),
}


def build_figure(name: str, data: ChartData) -> dict:
    return FIGURES[name][1](data)


def build_all(data: ChartData) -> dict[str, dict]:
    return {name: builder(data) for name, (_, builder) in FIGURES.items()}
