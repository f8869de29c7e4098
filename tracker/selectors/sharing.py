import copy
import hashlib
from datetime import date

from django.db.models import Count, Max, Prefetch, QuerySet
from django.utils import timezone

from tracker.models import Alert, DailyLog, Investigation, LifeEvent, Patient, ShareAccess, ShareLink, Treatment
from tracker.selectors.logs import export_rows
from tracker.selectors.records import PatientRecords, records_for


def active_share_for_token(token: str) -> ShareLink | None:
    """The live link for a token, or None alike for a wrong, expired or revoked one."""
    return (
        ShareLink.objects.select_related("patient")
        .filter(token_hash=ShareLink.hash_token(token), revoked_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )


def share_by_id(share_id: int) -> ShareLink | None:
    return ShareLink.objects.select_related("patient").filter(pk=share_id).first()


def shares_for(*, patient: Patient) -> QuerySet[ShareLink]:
    return ShareLink.objects.filter(patient=patient).prefetch_related(
        Prefetch("accesses", queryset=ShareAccess.objects.order_by("-accessed_at", "-id"))
    )


# A log column's value when the link does not share its section: the column stays, its content does not.
_WITHHELD_LOG_COLUMNS = {"note": ("notes", ""), "symptom_flags": ("symptoms", 0)}


def shared_log_rows(*, share: ShareLink, columns) -> list[tuple]:
    """The logs of the link's period as `columns` tuples, with what the link does not share left empty."""
    rows = export_rows(patient=share.patient, columns=columns, since=share.period_start, until=share.period_end)
    withheld = {
        index: _WITHHELD_LOG_COLUMNS[name][1]
        for index, name in enumerate(columns)
        if name in _WITHHELD_LOG_COLUMNS and not share.shares(_WITHHELD_LOG_COLUMNS[name][0])
    }
    if not withheld:
        return rows
    return [tuple(withheld.get(index, value) for index, value in enumerate(row)) for row in rows]


def shared_records(*, share: ShareLink) -> PatientRecords:
    """The treatments, tests and events of the link's period; without the patient's notes unless it shares them."""
    records = records_for(patient=share.patient, since=share.period_start, until=share.period_end)
    if share.shares("notes"):
        return records
    return PatientRecords(
        treatments=[_without_note(treatment) for treatment in records.treatments],
        investigations=records.investigations,
        life_events=[_without_note(event) for event in records.life_events],
    )


def _without_note(record):
    # A copy for reading only: the stored record keeps its note.
    withheld = copy.copy(record)
    withheld.note = ""
    return withheld


def share_data_version(*, share: ShareLink, today: date) -> str:
    """Changes whenever anything a link's summary shows may have changed: the link itself, the patient's profile,
    any log, alert, treatment, test or event (added, corrected or deleted), or the day (its date is printed)."""
    patient = share.patient
    parts = [
        share.pk,
        share.sections,
        share.patient_label,
        share.period_start,
        share.period_end,
        today,
        patient.birth_year,
        patient.sex,
        patient.history,
        _last_change(DailyLog.objects.filter(patient=patient), "updated_at"),
        _last_change(Alert.objects.filter(patient=patient), "created_at", "acknowledged_at", "resolved_at"),
    ]
    if patient.has_records:
        parts += [
            _last_change(model.objects.filter(patient=patient), "updated_at")
            for model in (Treatment, Investigation, LifeEvent)
        ]
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _last_change(rows: QuerySet, *fields: str) -> tuple:
    # The count catches a deletion, which leaves no later timestamp behind.
    found = rows.aggregate(count=Count("pk"), **{field: Max(field) for field in fields})
    return tuple(found.values())
