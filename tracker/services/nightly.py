"""The nightly trend analysis: every patient, once per local date, after that date has ended."""

from datetime import date, datetime, timedelta
from itertools import batched

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from tracker import sql
from tracker.models import Patient
from tracker.selectors.logs import day_entries_by_patient, patient_contexts
from tracker.services.alerting import analyse_patient_day, analysis_window_start


def due_patient_chunks(*, now: datetime | None = None) -> list[tuple[list[int], date]]:
    """Patients whose local day has ended and not been analysed yet, in chunks, with that local date.

    A patient whose analysis was missed (workers down) is caught up with their latest ended day.
    """
    now = now or timezone.now()
    chunks = []
    for zone_name in Patient.objects.values_list("timezone", flat=True).distinct().order_by("timezone"):
        day_just_ended = _local_date(now, zone_name) - timedelta(days=1)
        due_ids = (
            Patient.objects.filter(timezone=zone_name)
            .filter(Q(analysed_through__isnull=True) | Q(analysed_through__lt=day_just_ended))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        for ids in batched(due_ids.iterator(), settings.NIGHTLY_ANALYSIS_CHUNK_SIZE, strict=False):
            chunks.append((list(ids), day_just_ended))
    return chunks


def analyse_patients(*, patient_ids: list[int], today: date) -> int:
    """Analyse these patients for `today`, each at most once whatever the retries or workers.

    One transaction for the chunk: a worker that dies mid-way leaves nothing half done, and rows
    locked by another worker analysing the same chunk are skipped rather than analysed twice.
    """
    with transaction.atomic():
        patients = _claim(patient_ids, today)
        if not patients:
            return 0
        days = day_entries_by_patient(
            patient_ids=[p.pk for p in patients], after=analysis_window_start(today), through=today
        )
        contexts = patient_contexts(patients, as_of=today)
        for patient in patients:
            analyse_patient_day(
                patient=patient, today=today, days=days.get(patient.pk, []), context=contexts[patient.pk]
            )
    return len(patients)


def _claim(patient_ids: list[int], today: date) -> list[Patient]:
    """Mark as analysed through `today` those of these patients not analysed for it yet, and return them.

    The caller's transaction holds the claim: if the analysis fails, the marks roll back with it.
    """
    if not patient_ids:
        return []
    placeholders = ", ".join(["%s"] * len(patient_ids))
    not_yet = "analysed_through IS NULL OR analysed_through < %s"
    query = (
        f"UPDATE {sql.table(Patient)} SET analysed_through = %s WHERE id IN ("
        f"SELECT id FROM {sql.table(Patient)} WHERE id IN ({placeholders}) AND ({not_yet})"
        f"{sql.for_update(skip_locked=True)}) RETURNING *"
    )
    day = sql.date_value(today)
    return sorted(Patient.objects.raw(query, [day, *patient_ids, day]), key=lambda patient: patient.pk)


def _local_date(now: datetime, zone_name: str) -> date:
    return now.astimezone(Patient(timezone=zone_name).zone).date()
