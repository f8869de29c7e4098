"""Reads of treatments, tests and life events: for the API and pages, the exports, and the alert engine."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection
from django.db.models import Prefetch, Q, QuerySet

from tracker import sql
from tracker.models import Investigation, LabResult, LifeEvent, Patient, RecordRevision, Treatment
from tracker.rules.engine import ANALYSIS_WINDOW_DAYS
from tracker.rules.types import LabResult as EngineLabResult
from tracker.rules.types import LifeEvent as EngineLifeEvent

# A blood result older than this says little about how the person is now.
LAB_RESULTS_LOOKBACK_DAYS = 365
# Life events overlapping the days the nightly analysis reads can explain what it sees in them.
LIFE_EVENTS_LOOKBACK_DAYS = ANALYSIS_WINDOW_DAYS


def treatments_for(*, patient: Patient) -> QuerySet[Treatment]:
    return Treatment.objects.filter(patient=patient).order_by("start", "id")


def investigations_for(*, patient: Patient) -> QuerySet[Investigation]:
    return (
        Investigation.objects.filter(patient=patient)
        .prefetch_related(Prefetch("results", queryset=LabResult.objects.order_by("id")))
        .order_by("date", "id")
    )


def life_events_for(*, patient: Patient) -> QuerySet[LifeEvent]:
    return LifeEvent.objects.filter(patient=patient).order_by("start", "id")


def record_revisions(*, patient: Patient, record_type: str, record_id: int) -> QuerySet[RecordRevision]:
    return RecordRevision.objects.filter(patient=patient, record_type=record_type, record_id=record_id)


@dataclass(frozen=True)
class PatientRecords:
    """Everything recorded besides the logs, oldest first, for one page or export."""

    treatments: list[Treatment]
    investigations: list[Investigation]
    life_events: list[LifeEvent]

    def __bool__(self) -> bool:
        return bool(self.treatments or self.investigations or self.life_events)


def records_for(*, patient: Patient, since: date | None = None, until: date | None = None) -> PatientRecords:
    """The records touching [since, until] (open ends: all): four queries whatever their number."""
    treatments, events = treatments_for(patient=patient), life_events_for(patient=patient)
    investigations = investigations_for(patient=patient)
    if since:
        still_going = Q(end__isnull=True) | Q(end__gte=since)
        treatments, events = treatments.filter(still_going), events.filter(still_going)
        investigations = investigations.filter(date__gte=since)
    if until:
        treatments, events = treatments.filter(start__lte=until), events.filter(start__lte=until)
        investigations = investigations.filter(date__lte=until)
    return PatientRecords(list(treatments), list(investigations), list(events))


def engine_records_by_patient(
    *, patient_ids, as_of: date
) -> tuple[dict[int, tuple[EngineLifeEvent, ...]], dict[int, tuple[EngineLabResult, ...]]]:
    """Each patient's life events and blood results as the engine sees them on `as_of`: two statements for any
    number of patients. Nothing recorded for a later date shows, so a replayed past sees only its own past."""
    ids = list(patient_ids)
    if not ids:
        return {}, {}
    placeholders = ", ".join(["%s"] * len(ids))
    events: dict[int, list[EngineLifeEvent]] = {}
    results: dict[int, list[EngineLabResult]] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT patient_id, kind, start, {connection.ops.quote_name('end')} FROM {sql.table(LifeEvent)} "
            f"WHERE patient_id IN ({placeholders}) AND start <= %s "
            f"AND ({connection.ops.quote_name('end')} IS NULL OR {connection.ops.quote_name('end')} >= %s) "
            "ORDER BY patient_id, start, id",
            [*ids, sql.date_value(as_of), sql.date_value(as_of - timedelta(days=LIFE_EVENTS_LOOKBACK_DAYS))],
        )
        for patient_id, kind, start, end in cursor.fetchall():
            events.setdefault(patient_id, []).append(EngineLifeEvent(kind, _day(start), _day(end) if end else None))
        cursor.execute(
            f"SELECT i.patient_id, r.marker, r.value, r.unit, i.date, r.reference_low, r.reference_high "
            f"FROM {sql.table(LabResult)} r JOIN {sql.table(Investigation)} i ON i.id = r.investigation_id "
            f"WHERE i.patient_id IN ({placeholders}) AND i.date <= %s AND i.date > %s "
            "ORDER BY i.patient_id, i.date, r.id",
            [*ids, sql.date_value(as_of), sql.date_value(as_of - timedelta(days=LAB_RESULTS_LOOKBACK_DAYS))],
        )
        for patient_id, marker, value, unit, taken_on, low, high in cursor.fetchall():
            results.setdefault(patient_id, []).append(EngineLabResult(marker, value, unit, _day(taken_on), low, high))
    return (
        {patient_id: tuple(rows) for patient_id, rows in events.items()},
        {patient_id: tuple(rows) for patient_id, rows in results.items()},
    )


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)
