"""Writes of daily logs: create-or-update by date or client id, corrections kept as revisions."""

import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tracker.models import DailyLog, DailyLogRevision, Patient
from tracker.selectors.rows import logs_of_day_or_client_id
from tracker.symptoms import symptoms_to_flags

EARLIEST_LOG_DATE = date(1900, 1, 1)


def log_upsert(
    *, patient: Patient, date: date, client_id: uuid.UUID, values: dict, local_today: date | None = None
) -> tuple[DailyLog, bool]:
    """Save the log for `date`; resubmitting (same date or same client id) updates, never duplicates.

    Returns the log and whether it was created.
    """
    _reject_future_date(patient, date, local_today)
    for attempt in range(2):
        try:
            with transaction.atomic():
                existing = _existing_log(patient, date, client_id)
                if existing is None:
                    log = DailyLog(patient=patient, date=date, client_id=client_id)
                    _assign(log, values)
                    log.save()
                    _enqueue_red_flag_check(log)
                    return log, True
                return _correct(existing, values), False
        except IntegrityError:
            # A concurrent request saved the same day first; the second pass finds and updates it.
            if attempt:
                raise
    raise AssertionError("unreachable")


def log_update(*, log: DailyLog, values: dict) -> DailyLog:
    with transaction.atomic():
        locked = DailyLog.objects.select_for_update().get(pk=log.pk)
        return _correct(locked, values)


def log_delete(*, log: DailyLog) -> None:
    with transaction.atomic():
        _keep_revision(log, DailyLogRevision.Change.DELETED)
        log.delete()


def _existing_log(patient: Patient, day: date, client_id: uuid.UUID) -> DailyLog | None:
    candidates = logs_of_day_or_client_id(patient_id=patient.pk, day=day, client_id=client_id)
    by_client_id = next((log for log in candidates if log.client_id == client_id), None)
    if by_client_id is not None and by_client_id.date != day:
        raise ValidationError(
            {"client_id": f"this client_id was already used for the log of {by_client_id.date.isoformat()}."}
        )
    return by_client_id or next(iter(candidates), None)


def _correct(log: DailyLog, values: dict) -> DailyLog:
    before = log.values()
    _assign(log, values)
    if log.values() == before:
        return log
    _keep_revision(log, DailyLogRevision.Change.CORRECTED, previous_values=before)
    log.red_flags_checked_at = None
    log.save()
    _enqueue_red_flag_check(log)
    return log


def _keep_revision(log: DailyLog, change: str, previous_values: dict | None = None) -> None:
    DailyLogRevision.objects.create(
        patient_id=log.patient_id,
        date=log.date,
        change=change,
        previous_values=previous_values or log.values(),
        previous_saved_at=log.updated_at,
    )


def _assign(log: DailyLog, values: dict) -> None:
    for name, value in values.items():
        if name == "symptoms":
            log.symptom_flags = symptoms_to_flags(value)
        else:
            setattr(log, name, value)


def _reject_future_date(patient: Patient, day: date, local_today: date | None) -> None:
    today = local_today or patient.local_today()
    if day < EARLIEST_LOG_DATE:
        # The engine looks months back from a log's date; before this there is no calendar left to look at.
        raise ValidationError({"date": f"must not be before {EARLIEST_LOG_DATE.isoformat()}"})
    if day > today:
        raise ValidationError(
            {"date": f"{day.isoformat()} is in the future; today is {today.isoformat()} in {patient.timezone}."}
        )


def _enqueue_red_flag_check(log: DailyLog) -> None:
    from tracker.tasks import check_log_red_flags, enqueue_after_commit

    enqueue_after_commit(check_log_red_flags, log.pk)
