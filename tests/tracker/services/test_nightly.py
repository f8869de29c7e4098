import threading
import uuid
from datetime import date, timedelta

import pytest
from django.db import connection, transaction

from tracker.models import Alert, Patient
from tracker.services import nightly
from tracker.services.logs import log_upsert

DAY = date(2026, 5, 31)


@pytest.mark.django_db
def test_only_patients_not_yet_analysed_for_the_day_are_analysed_and_then_marked(make_patient):
    fresh, behind, done, ahead = (make_patient() for _ in range(4))
    Patient.objects.filter(pk=behind.pk).update(analysed_through=date(2026, 5, 30))
    Patient.objects.filter(pk=done.pk).update(analysed_through=DAY)
    Patient.objects.filter(pk=ahead.pk).update(analysed_through=date(2026, 6, 1))

    analysed = nightly.analyse_patients(patient_ids=[fresh.pk, behind.pk, done.pk, ahead.pk], today=DAY)

    assert analysed == 2
    marks = dict(Patient.objects.values_list("pk", "analysed_through"))
    assert marks == {fresh.pk: DAY, behind.pk: DAY, done.pk: DAY, ahead.pk: date(2026, 6, 1)}


@pytest.mark.django_db
def test_an_analysis_that_fails_leaves_the_patients_to_be_analysed_again(make_patient, monkeypatch):
    patient = make_patient()

    def broken(**kwargs):
        raise RuntimeError("worker lost mid-way")

    monkeypatch.setattr(nightly, "analyse_patient_day", broken)
    with pytest.raises(RuntimeError):
        nightly.analyse_patients(patient_ids=[patient.pk], today=DAY)
    assert Patient.objects.get(pk=patient.pk).analysed_through is None


@pytest.mark.skipif(connection.vendor == "sqlite", reason="SQLite has no row locks; the race needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_a_second_worker_skips_patients_another_is_analysing_instead_of_waiting(make_patient):
    busy, free = make_patient(), make_patient()
    claimed, release = threading.Event(), threading.Event()
    held_until_released = []

    def first_worker():
        try:
            with transaction.atomic():
                nightly._claim([busy.pk], DAY)
                claimed.set()
                held_until_released.append(release.wait(10))
        finally:
            connection.close()

    worker = threading.Thread(target=first_worker)
    worker.start()
    try:
        assert claimed.wait(10)
        assert nightly.analyse_patients(patient_ids=[busy.pk, free.pk], today=DAY) == 1
    finally:
        release.set()
        worker.join()
    assert held_until_released == [True], "the second worker waited for the lock instead of skipping"
    assert set(Patient.objects.values_list("analysed_through", flat=True)) == {DAY}


@pytest.mark.django_db
def test_days_filled_in_after_their_nightly_run_are_in_the_next_nights_analysis(make_patient):
    """Two weeks unlogged, each night analysed with nothing new; then the person fills them in, tired every day (7
    or 8: a run of identical answers would count as one log).
    Their own nights are past, but the next night's analysis reads its whole window, late logs included."""
    patient = make_patient()
    today = date(2026, 5, 31)
    for offset in range(120, 14, -1):
        values = {"strength_left": 8, "strength_right": 8, "fatigue": 2 + offset % 2, "steps": 5000}
        log_upsert(patient=patient, date=today - timedelta(days=offset), client_id=uuid.uuid4(), values=values)
    for offset in range(14, 0, -1):
        nightly.analyse_patients(patient_ids=[patient.pk], today=today - timedelta(days=offset))
    assert not Alert.objects.filter(patient=patient).exists()

    for offset in range(14, -1, -1):
        values = {"strength_left": 8, "strength_right": 8, "fatigue": 7 + offset % 2, "steps": 5000}
        log_upsert(patient=patient, date=today - timedelta(days=offset), client_id=uuid.uuid4(), values=values)
    nightly.analyse_patients(patient_ids=[patient.pk], today=today)
    assert Alert.objects.get(patient=patient, code="fatigue_trend").raised_on == today
