"""The numbers a person and their doctor read about a period, each defined once.

How many days each symptom was logged, and each measurement's usual level and recent value as the nightly
analysis (tracker.rules.trends) compares them: usual = the typical level of the baseline weeks, recent = the
mean of the middle half of the recent days (the median of the last week for steps). The alert page, the shared
summary, its PDF and its CSV take them from here, so a number reads the same wherever it is shown.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.models import Patient
from tracker.rules.baseline import NOISE_FLOOR, Level, interquartile_mean, level_of, median
from tracker.rules.clinical import CHAIR_STAND_NOISE_FLOOR
from tracker.rules.trends import (
    CHAIR_STAND_RECENT_DAYS,
    MIN_BASELINE_LOGS,
    MIN_CHAIR_STAND_BASELINE,
    RECENT_DAYS,
    STEPS_BASELINE_DAYS,
    STEPS_RECENT_DAYS,
)
from tracker.rules.types import DayEntry
from tracker.selectors.series import ChartData, chart_data
from tracker.symptoms import SYMPTOMS


@dataclass(frozen=True, slots=True)
class Measure:
    """One measurement over a period: its usual level, its recent value and how many days it was logged."""

    field: str
    label: str
    usual: float | None
    recent: float | None
    logged: int

    @property
    def change(self) -> float | None:
        if self.usual is None or self.recent is None:
            return None
        return round(self.recent - self.usual, 1)

    @property
    def change_percent(self) -> int | None:
        if self.change is None or not self.usual:
            return None
        return round(100 * self.change / self.usual)


@dataclass(frozen=True, slots=True)
class Figures:
    start: date
    end: date
    strength_left: Measure
    strength_right: Measure
    chair_stand: Measure
    fatigue: Measure
    steps: Measure
    # Days logged with each symptom from start to end, most frequent first (ties in the form's order).
    symptom_days: dict[str, int]

    @property
    def measures(self) -> list[Measure]:
        return [self.strength_left, self.strength_right, self.chair_stand, self.fatigue, self.steps]

    def measure(self, field: str) -> Measure | None:
        return next((m for m in self.measures if m.field == field), None)


def period_figures(*, patient: Patient, end: date, start: date | None = None) -> Figures:
    return figures_of(chart_data(patient=patient, start=start, end=end))


def figures_of(data: ChartData) -> Figures:
    """The figures of `data`'s period: symptoms counted over the period, levels as of its last day."""
    return Figures(
        start=data.start,
        end=data.end,
        strength_left=_level_measure(data, "strength_left", "Left leg strength"),
        strength_right=_level_measure(data, "strength_right", "Right leg strength"),
        chair_stand=_level_measure(
            data,
            "chair_stand_30s",
            "30-second chair stand",
            recent_days=CHAIR_STAND_RECENT_DAYS,
            min_logs=MIN_CHAIR_STAND_BASELINE,
            noise_floor=CHAIR_STAND_NOISE_FLOOR,
        ),
        fatigue=_level_measure(data, "fatigue", "Fatigue"),
        steps=_steps_measure(data),
        symptom_days=symptom_days(data.days),
    )


def symptom_days(days: Sequence[DayEntry]) -> dict[str, int]:
    counts = Counter(symptom for day in days for symptom in day.symptoms)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], SYMPTOMS.index(item[0]))))


def baseline_level(
    days: Sequence[DayEntry], field: str, min_logs: int = MIN_BASELINE_LOGS, noise_floor: float = NOISE_FLOOR
) -> Level | None:
    """The engine's usual level of a series, or None when the baseline weeks hold too few logs to say."""
    values = [getattr(d, field) for d in days if getattr(d, field) is not None]
    return level_of(values, noise_floor) if len(values) >= min_logs else None


def _level_measure(data: ChartData, field: str, label: str, recent_days: int = RECENT_DAYS, **level) -> Measure:
    usual = baseline_level(data.baseline_days, field, **level)
    recent = _values(data.days, field, since=data.end - timedelta(days=recent_days - 1))
    return Measure(
        field=field,
        label=label,
        usual=round(usual.typical, 1) if usual else None,
        recent=round(interquartile_mean(recent), 1) if recent else None,
        logged=len(_values(data.days, field)),
    )


def _steps_measure(data: ChartData) -> Measure:
    # The activity-drop rule's windows: the last week against the two months before the last fortnight.
    usual_from = data.end - timedelta(days=RECENT_DAYS + STEPS_BASELINE_DAYS - 1)
    usual_until = data.end - timedelta(days=RECENT_DAYS)
    usual = _values([d for d in _days_read(data) if usual_from <= d.date <= usual_until], "steps")
    recent = _values(data.days, "steps", since=data.end - timedelta(days=STEPS_RECENT_DAYS - 1))
    return Measure(
        field="steps",
        label="Steps a day",
        usual=round(median(usual)) if len(usual) >= MIN_BASELINE_LOGS else None,
        recent=round(median(recent)) if recent else None,
        logged=len(_values(data.days, "steps")),
    )


def _days_read(data: ChartData) -> list[DayEntry]:
    return list({d.date: d for d in (*data.baseline_days, *data.days)}.values())


def _values(days: Sequence[DayEntry], field: str, since: date | None = None) -> list:
    return [getattr(d, field) for d in days if getattr(d, field) is not None and (since is None or d.date >= since)]
