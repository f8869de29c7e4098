from datetime import date, timedelta
from functools import lru_cache

from django.db import connection
from django.db.models import QuerySet

from tracker import sql
from tracker.models import DailyLog, DailyLogRevision, Patient
from tracker.rules.types import DayEntry, PatientContext
from tracker.selectors.records import engine_records_by_patient
from tracker.symptoms import flags_to_symptoms
from tracker.vocabulary import MEASURE_FIELDS

_ENGINE_COLUMNS = ("patient_id", "date", *MEASURE_FIELDS, "symptom_flags")


def logs_for(*, patient: Patient, since: date | None = None, until: date | None = None) -> QuerySet[DailyLog]:
    logs = DailyLog.objects.filter(patient=patient)
    if since:
        logs = logs.filter(date__gte=since)
    if until:
        logs = logs.filter(date__lte=until)
    return logs.order_by("date")


def last_logged_on(*, patient: Patient) -> date | None:
    return DailyLog.objects.filter(patient=patient).order_by("-date").values_list("date", flat=True).first()


def log_revisions(*, patient: Patient, day: date) -> QuerySet[DailyLogRevision]:
    return DailyLogRevision.objects.filter(patient=patient, date=day)


def patient_context(patient: Patient, *, as_of: date) -> PatientContext:
    return patient_contexts([patient], as_of=as_of)[patient.pk]


def patient_contexts(patients, *, as_of: date) -> dict[int, PatientContext]:
    """What the engine knows of each patient beyond their logs on `as_of`, by id: two statements for any number,
    none when none of them has recorded anything."""
    with_records = [patient.pk for patient in patients if patient.has_records]
    events, results = engine_records_by_patient(patient_ids=with_records, as_of=as_of)
    return {
        patient.pk: PatientContext(
            birth_year=patient.birth_year,
            sex=patient.sex,
            history=frozenset(patient.history),
            life_events=events.get(patient.pk, ()),
            lab_results=results.get(patient.pk, ()),
        )
        for patient in patients
    }


def day_entry(log: DailyLog) -> DayEntry:
    return _entry(
        (
            log.patient_id,
            log.date,
            log.strength_left,
            log.strength_right,
            log.fatigue,
            log.steps,
            log.chair_stand_30s,
            log.numbness_extent,
            log.symptom_flags,
        )
    )


def day_entries(*, patient_id: int, after: date, through: date) -> list[DayEntry]:
    """The patient's logged days in (after, through], oldest first, as the engine reads them."""
    return day_entries_by_patient(patient_ids=[patient_id], after=after, through=through).get(patient_id, [])


def day_entries_by_patient(*, patient_ids, after: date, through: date) -> dict[int, list[DayEntry]]:
    # Written-out SQL (see tracker.sql): this read runs for every saved log and every patient every night.
    ids = list(patient_ids)
    if not ids:
        return {}
    query = (
        f"SELECT {', '.join(_ENGINE_COLUMNS)} FROM {sql.table(DailyLog)} "
        f"WHERE patient_id IN ({', '.join(['%s'] * len(ids))}) AND date > %s AND date <= %s "
        "ORDER BY patient_id, date"
    )
    entries: dict[int, list[DayEntry]] = {}
    with connection.cursor() as cursor:
        cursor.execute(query, [*ids, sql.date_value(after), sql.date_value(through)])
        for row in cursor.fetchall():
            entries.setdefault(row[0], []).append(_entry(row))
    return entries


def history_before(*, patient_id: int, day: date, days: int) -> list[DayEntry]:
    return day_entries(patient_id=patient_id, after=day - timedelta(days=days + 1), through=day - timedelta(days=1))


_SYMPTOM_SETS: dict[int, frozenset[str]] = {}


def _symptom_set(flags: int) -> frozenset[str]:
    symptoms = _SYMPTOM_SETS.get(flags)
    if symptoms is None:
        symptoms = _SYMPTOM_SETS[flags] = frozenset(flags_to_symptoms(flags))
    return symptoms


# Every night reads each log of the last six months again: the same row gives the same (immutable) entry.
@lru_cache(maxsize=1 << 16)
def _entry(row: tuple) -> DayEntry:
    _, day, left, right, fatigue, steps, chair, numbness, flags = row
    return DayEntry(
        date=day if isinstance(day, date) else date.fromisoformat(day),
        strength_left=left,
        strength_right=right,
        fatigue=fatigue,
        steps=steps,
        chair_stand_30s=chair,
        numbness_extent=numbness,
        symptoms=_symptom_set(flags),
    )


def export_rows(*, patient: Patient, columns, since: date | None = None, until: date | None = None) -> list[tuple]:
    return list(logs_for(patient=patient, since=since, until=until).values_list(*columns))
