"""The one-page clinical summary of a period, for a physician with ten minutes."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.charts.common import baseline_level
from tracker.models import DailyLog, Patient
from tracker.rules import engine
from tracker.rules.baseline import Level, median
from tracker.rules.clinical import CHAIR_STAND_NOISE_FLOOR
from tracker.rules.norms import steadi_chair_stand_cutoff
from tracker.rules.trends import CHAIR_STAND_RECENT_DAYS, MIN_CHAIR_STAND_BASELINE, RECENT_DAYS
from tracker.rules.types import DayEntry
from tracker.selectors.series import ChartData, chart_data
from tracker.symptoms import SYMPTOM_LABELS


@dataclass(frozen=True, slots=True)
class Measure:
    """A series over the period: its usual level (the engine's baseline), its recent median and the change."""

    label: str
    baseline: float | None
    recent: float | None
    logged: int

    @property
    def change(self) -> float | None:
        if self.baseline is None or self.recent is None:
            return None
        return round(self.recent - self.baseline, 1)


@dataclass(frozen=True, slots=True)
class ChairStandNorm:
    cutoff: int | None
    age_band: str
    below: bool | None


@dataclass(frozen=True, slots=True)
class ClinicalSummary:
    data: ChartData
    days_logged: int
    legs: list[Measure]
    chair_stand: Measure
    chair_stand_norm: ChairStandNorm
    fatigue: Measure
    steps: Measure
    symptom_counts: list[tuple[str, int]]
    hints: list[engine.Hint]
    notes: list[tuple[date, str]]

    @property
    def days_in_period(self) -> int:
        return (self.data.end - self.data.start).days + 1


def clinical_summary(*, patient: Patient, end: date, start: date | None = None) -> ClinicalSummary:
    data = chart_data(patient=patient, start=start, end=end)
    notes = list(
        DailyLog.objects.filter(patient=patient, date__gte=data.start, date__lte=data.end)
        .exclude(note="")
        .order_by("date")
        .values_list("date", "note")
    )
    return summarise(data, notes)


def summarise(data: ChartData, notes: list[tuple[date, str]]) -> ClinicalSummary:
    chair_stand = _measure(
        data,
        "chair_stand_30s",
        "30-second chair stand",
        recent_days=CHAIR_STAND_RECENT_DAYS,
        level=baseline_level(data.baseline_days, "chair_stand_30s", MIN_CHAIR_STAND_BASELINE, CHAIR_STAND_NOISE_FLOOR),
    )
    cutoff = steadi_chair_stand_cutoff(data.age, data.sex)
    symptom_counts = Counter(symptom for day in data.days for symptom in day.symptoms)
    return ClinicalSummary(
        data=data,
        days_logged=len(data.days),
        legs=[
            _measure(data, "strength_left", "Left leg strength"),
            _measure(data, "strength_right", "Right leg strength"),
        ],
        chair_stand=chair_stand,
        chair_stand_norm=ChairStandNorm(
            cutoff=cutoff[0] if cutoff else None,
            age_band=cutoff[1] if cutoff else "",
            below=None if cutoff is None or chair_stand.recent is None else chair_stand.recent < cutoff[0],
        ),
        fatigue=_measure(data, "fatigue", "Fatigue"),
        steps=_measure(data, "steps", "Steps a day", digits=0),
        symptom_counts=[(SYMPTOM_LABELS[name], count) for name, count in symptom_counts.most_common()],
        hints=engine.pattern_hints(data.days),
        notes=notes,
    )


def _measure(
    data: ChartData,
    field: str,
    label: str,
    recent_days: int = RECENT_DAYS,
    level: Level | None = None,
    digits: int = 1,
) -> Measure:
    level = level or baseline_level(data.baseline_days, field)
    recent = _values(data.days, field, since=data.end - timedelta(days=recent_days - 1))
    return Measure(
        label=label,
        baseline=round(level.typical, digits) if level else None,
        recent=round(median(recent), digits) if recent else None,
        logged=len(_values(data.days, field)),
    )


def _values(days: list[DayEntry], field: str, since: date | None = None) -> list:
    return [getattr(d, field) for d in days if getattr(d, field) is not None and (since is None or d.date >= since)]
