import threading
from datetime import date

import pytest
from django.db import connection, transaction

from tracker.models import Patient
from tracker.services import nightly

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
