"""What a person recorded besides their logs, as the charts draw it on their time axis: treatments as periods,
tests and life events as marks. Plain data; the words come from tracker.labels when a figure is built.

Free text a person wrote (a test's finding, an event's note) is left out: a chart is shown wherever the
summary is, including share links that do not share notes.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from tracker.models import Investigation, LabResult, LifeEvent, Patient, Treatment


@dataclass(frozen=True, slots=True)
class TreatmentSpan:
    name: str
    dose: str
    start: date
    end: date | None


@dataclass(frozen=True, slots=True)
class ResultValue:
    marker: str
    value: float
    unit: str
    reference_low: float | None
    reference_high: float | None


@dataclass(frozen=True, slots=True)
class InvestigationMark:
    kind: str
    date: date
    results: tuple[ResultValue, ...] = ()


@dataclass(frozen=True, slots=True)
class EventMark:
    kind: str
    start: date
    end: date | None


@dataclass(frozen=True, slots=True)
class Timeline:
    treatments: list[TreatmentSpan] = field(default_factory=list)
    tests: list[InvestigationMark] = field(default_factory=list)
    events: list[EventMark] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.treatments or self.tests or self.events)

    def first_dates(self) -> list[date]:
        """The first date of each kind of record (each list is oldest first)."""
        return [
            first
            for first in (
                self.treatments[0].start if self.treatments else None,
                self.tests[0].date if self.tests else None,
                self.events[0].start if self.events else None,
            )
            if first is not None
        ]


def timeline(*, patient: Patient, start: date, end: date) -> Timeline:
    """The records touching [start, end], oldest first: no query for someone who never recorded any, else four."""
    if not patient.has_records:
        return Timeline()
    overlapping = Q(patient=patient, start__lte=end) & (Q(end__isnull=True) | Q(end__gte=start))
    treatments = Treatment.objects.filter(overlapping).order_by("start", "id")
    treatments = [TreatmentSpan(*row) for row in treatments.values_list("name", "dose", "start", "end")]
    events = [
        EventMark(*row)
        for row in LifeEvent.objects.filter(overlapping).order_by("start", "id").values_list("kind", "start", "end")
    ]
    tests = Investigation.objects.filter(patient=patient, date__gte=start, date__lte=end).order_by("date", "id")
    results: dict[int, list[ResultValue]] = {}
    for investigation_id, *values in (
        LabResult.objects.filter(investigation__in=tests.values("id"))
        .order_by("id")
        .values_list("investigation_id", "marker", "value", "unit", "reference_low", "reference_high")
    ):
        results.setdefault(investigation_id, []).append(ResultValue(*values))
    return Timeline(
        treatments=treatments,
        tests=[
            InvestigationMark(kind, day, tuple(results.get(test_id, ())))
            for test_id, kind, day in tests.values_list("id", "kind", "date")
        ],
        events=events,
    )
