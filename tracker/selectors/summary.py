"""The one-page clinical summary of a period, for a physician with ten minutes."""

from dataclasses import dataclass
from datetime import date

from tracker.models import DailyLog, Patient
from tracker.rules import engine
from tracker.rules.norms import steadi_chair_stand_cutoff
from tracker.selectors.figures import Figures, figures_of
from tracker.selectors.series import ChartData, chart_data
from tracker.symptoms import SYMPTOM_LABELS


@dataclass(frozen=True, slots=True)
class ChairStandNorm:
    cutoff: int | None
    age_band: str
    below: bool | None


@dataclass(frozen=True, slots=True)
class ClinicalSummary:
    data: ChartData
    figures: Figures
    days_logged: int
    chair_stand_norm: ChairStandNorm
    symptom_days: list[tuple[str, int]]
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
    figures = figures_of(data)
    cutoff = steadi_chair_stand_cutoff(data.age, data.sex)
    recent_stands = figures.chair_stand.recent
    return ClinicalSummary(
        data=data,
        figures=figures,
        days_logged=len(data.days),
        chair_stand_norm=ChairStandNorm(
            cutoff=cutoff[0] if cutoff else None,
            age_band=cutoff[1] if cutoff else "",
            below=None if cutoff is None or recent_stands is None else recent_stands < cutoff[0],
        ),
        symptom_days=[(SYMPTOM_LABELS[name], count) for name, count in figures.symptom_days.items()],
        hints=engine.pattern_hints(data.days),
        notes=notes,
    )
