"""Single-row reads run for every saved log, in SQL Django need not compile (see tracker.sql)."""

import uuid
from datetime import date

from django.db import connection

from tracker import sql
from tracker.models import DailyLog, Patient


def log_by_id(log_id: int) -> DailyLog | None:
    return next(iter(DailyLog.objects.raw(f"SELECT * FROM {sql.table(DailyLog)} WHERE id = %s", [log_id])), None)


def patient_by_id(patient_id: int) -> Patient | None:
    return next(iter(Patient.objects.raw(f"SELECT * FROM {sql.table(Patient)} WHERE id = %s", [patient_id])), None)


def logs_of_day_or_client_id(*, patient_id: int, day: date, client_id: uuid.UUID) -> list[DailyLog]:
    """The patient's log of `day` and the one saved under `client_id`, locked for update."""
    client_id_value = DailyLog._meta.get_field("client_id").get_db_prep_value(client_id, connection)
    query = (
        f"SELECT * FROM {sql.table(DailyLog)} WHERE patient_id = %s AND (client_id = %s OR date = %s){sql.for_update()}"
    )
    return list(DailyLog.objects.raw(query, [patient_id, client_id_value, sql.date_value(day)]))
