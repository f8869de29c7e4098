"""What a person recorded besides their logs, as the charts draw it on their time axis: treatments as periods,
tests and life events as marks. Plain data; the words come from tracker.labels when a figure is built.

Free text a person wrote (a test's finding, an event's note) is left out: a chart is shown wherever the
summary is, including share links that do not share notes.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db import connection

from tracker import sql
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
    """The records touching [start, end], oldest first: no query for someone who never recorded any, else one.

    One statement written out, not four through the ORM: every chart request of a person who keeps records
    reads it, and the compiler and the round trips cost more than the rows (bench/charts.py)."""
    if not patient.has_records:
        return Timeline()
    end_column = connection.ops.quote_name("end")
    overlapping = f"patient_id = %s AND start <= %s AND ({end_column} IS NULL OR {end_column} >= %s)"
    period = [patient.pk, sql.date_value(end), sql.date_value(start)]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 0, i.id, i.kind, '', i.date, NULL, "
            "r.id, r.marker, r.value, r.unit, r.reference_low, r.reference_high "
            f"FROM {sql.table(Investigation)} i LEFT JOIN {sql.table(LabResult)} r ON r.investigation_id = i.id "
            "WHERE i.patient_id = %s AND i.date >= %s AND i.date <= %s "
            f"UNION ALL SELECT 1, id, name, dose, start, {end_column}, NULL, NULL, NULL, NULL, NULL, NULL "
            f"FROM {sql.table(Treatment)} WHERE {overlapping} "
            f"UNION ALL SELECT 2, id, kind, '', start, {end_column}, NULL, NULL, NULL, NULL, NULL, NULL "
            f"FROM {sql.table(LifeEvent)} WHERE {overlapping} "
            "ORDER BY 1, 5, 2, 7",
            [patient.pk, sql.date_value(start), sql.date_value(end), *period, *period],
        )
        rows = cursor.fetchall()
    treatments, events, tests = [], [], {}
    for kind, record_id, what, dose, first, last, result_id, *result in rows:
        first, last = _day(first), _day(last) if last else None
        if kind == _TREATMENT:
            treatments.append(TreatmentSpan(what, dose, first, last))
        elif kind == _EVENT:
            events.append(EventMark(what, first, last))
        else:
            results = tests.setdefault(record_id, (what, first, []))[2]
            if result_id is not None:
                results.append(ResultValue(*result))
    return Timeline(
        treatments=treatments,
        tests=[InvestigationMark(what, day, tuple(results)) for what, day, results in tests.values()],
        events=events,
    )


_TEST, _TREATMENT, _EVENT = 0, 1, 2


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)
