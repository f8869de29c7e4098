"""The clinical summary of a period, for a physician with ten minutes: who, what was measured, what was tried."""

import dataclasses
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from tracker.labels import INVESTIGATION_KIND_LABELS, LIFE_EVENT_KIND_LABELS, MARKER_LABELS, symptom_label
from tracker.models import DailyLog, Patient
from tracker.models.sharing import SHARE_SECTIONS
from tracker.rules import engine
from tracker.rules.norms import steadi_chair_stand_cutoff
from tracker.selectors.figures import Figures, figures_of
from tracker.selectors.records import PatientRecords
from tracker.selectors.series import ChartData, chart_data


@dataclass(frozen=True, slots=True)
class ChairStandNorm:
    cutoff: int | None
    age_band: str
    below: bool | None


@dataclass(frozen=True, slots=True)
class RepeatedNote:
    """One note text and every day it was written, so a note written on nine days reads once."""

    text: str
    days: list[date]


@dataclass(frozen=True, slots=True)
class ClinicalSummary:
    data: ChartData
    figures: Figures
    days_logged: int
    chair_stand_norm: ChairStandNorm
    symptom_days: list[tuple[str, int]]
    hints: list[engine.Hint]
    notes: list[RepeatedNote]

    @property
    def days_in_period(self) -> int:
        return (self.data.end - self.data.start).days + 1


def clinical_summary(*, patient: Patient, end: date, start: date | None = None, sections=SHARE_SECTIONS):
    """The summary with only the `sections` shown (tracker.models.sharing): what is left out is not read."""
    data = chart_data(patient=patient, start=start, end=end)
    notes = []
    if "notes" in sections:
        notes = list(
            DailyLog.objects.filter(patient=patient, date__gte=data.start, date__lte=data.end)
            .exclude(note="")
            .order_by("date")
            .values_list("date", "note")
        )
    summary = summarise(data, notes)
    return dataclasses.replace(
        summary,
        data=summary.data if "alerts" in sections else dataclasses.replace(summary.data, alerts=[]),
        symptom_days=summary.symptom_days if "symptoms" in sections else [],
        hints=summary.hints if "hints" in sections else [],
    )


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
        symptom_days=[(symptom_label(name), count) for name, count in figures.symptom_days.items()],
        hints=engine.pattern_hints(data.days),
        notes=repeated_notes(notes),
    )


def repeated_notes(notes: list[tuple[date, str]]) -> list[RepeatedNote]:
    """Identical notes (ignoring case and surrounding spaces) together, in the order they first appear."""
    days_by_text: dict[str, tuple[str, list[date]]] = {}
    for day, text in notes:
        days_by_text.setdefault(text.strip().casefold(), (text.strip(), []))[1].append(day)
    return [RepeatedNote(text, days) for text, days in days_by_text.values()]


@dataclass(frozen=True, slots=True)
class ResultLine:
    marker: str
    value: str
    reference: str
    outside: str  # "low", "high" or "" within the range or with no range given


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A treatment, test or event on the summary's list, in plain words."""

    start: date
    end: date | None
    ongoing: bool
    category: str
    title: str
    detail: str
    results: list[ResultLine]


def timeline(records: PatientRecords) -> list[TimelineEntry]:
    """Treatments, tests and events together in date order (a treatment or event by its first day)."""
    entries = [
        TimelineEntry(
            treatment.start,
            treatment.end,
            treatment.end is None,
            str(_("Treatment")),
            ", ".join(part for part in (treatment.name, treatment.dose) if part),
            treatment.note,
            [],
        )
        for treatment in records.treatments
    ]
    entries += [
        TimelineEntry(
            test.date,
            None,
            False,
            str(_("Test")),
            str(INVESTIGATION_KIND_LABELS[test.kind]),
            test.finding,
            [_result_line(result) for result in test.results.all()],
        )
        for test in records.investigations
    ]
    entries += [
        TimelineEntry(
            event.start,
            event.end,
            event.end is None,
            str(_("Event")),
            str(LIFE_EVENT_KIND_LABELS[event.kind]),
            event.note,
            [],
        )
        for event in records.life_events
    ]
    return sorted(entries, key=lambda entry: entry.start)


def _result_line(result) -> ResultLine:
    low, high = result.reference_low, result.reference_high
    if low is not None and high is not None:
        reference = f"{low:g} to {high:g}"
    elif low is not None:
        reference = f"above {low:g}"
    elif high is not None:
        reference = f"below {high:g}"
    else:
        reference = ""
    outside = (
        "low" if low is not None and result.value < low else "high" if high is not None and result.value > high else ""
    )
    return ResultLine(str(MARKER_LABELS[result.marker]), f"{result.value:g} {result.unit}", reference, outside)
