"""The Celery tasks running in a real worker against the test Redis and database."""

import threading
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from tests.conftest import client_for, save_steady_days, wait_until
from tracker import tasks
from tracker.models import Alert, DailyLog, Patient
from tracker.services import alerting, nightly
from tracker.services.logs import log_upsert
from tracker.symptoms import symptoms_to_flags

STROKE_SIGNS = ["face_arm_speech", "sudden_onset"]


@pytest.mark.worker
def test_a_saved_red_flag_log_is_checked_by_the_worker_and_stored_as_an_alert(celery_worker, make_patient):
    patient = make_patient(timezone="Europe/Berlin", country="DE")
    today = patient.local_today()
    save_steady_days(patient, today)
    response = client_for(patient).post(
        "/api/logs/",
        {"date": today.isoformat(), "strength_left": 8, "strength_right": 2, "fatigue": 4, "symptoms": STROKE_SIGNS},
        format="json",
    )
    assert response.json()["triage"]["severity"] == "emergency"
    alert = wait_until(lambda: Alert.objects.filter(patient=patient, code="sudden_weakness").first())
    assert alert.severity == "emergency"
    assert alert.raised_on == today
    assert "112" in alert.advice
    assert alert.evidence
    wait_until(lambda: DailyLog.objects.get(patient=patient, date=today).red_flags_checked_at)


@pytest.mark.worker
def test_the_nightly_dispatch_fans_out_and_analyses_each_patient_for_their_ended_day(celery_worker, make_patient):
    zones = ["Pacific/Kiritimati", "Europe/Berlin", "America/Los_Angeles", "Pacific/Pago_Pago"]
    patients = [make_patient(timezone=zone) for zone in zones for _ in range(3)]
    tasks.dispatch_nightly_analysis.delay()

    def all_analysed():
        return all(p.analysed_through for p in Patient.objects.filter(pk__in=[p.pk for p in patients]))

    wait_until(all_analysed, timeout=20)
    for patient in Patient.objects.filter(pk__in=[p.pk for p in patients]):
        assert patient.analysed_through == patient.local_today() - timedelta(days=1), patient.timezone


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("now", "zone", "ended_day"),
    [
        # Europe moves to summer time at 01:00 UTC on 29 March 2026.
        (datetime(2026, 3, 29, 0, 5, tzinfo=UTC), "Europe/London", date(2026, 3, 28)),
        (datetime(2026, 3, 29, 22, 30, tzinfo=UTC), "Europe/Berlin", date(2026, 3, 29)),
        (datetime(2026, 3, 29, 21, 30, tzinfo=UTC), "Europe/Berlin", date(2026, 3, 28)),
        (datetime(2026, 3, 29, 0, 5, tzinfo=UTC), "Pacific/Auckland", date(2026, 3, 28)),
        (datetime(2026, 3, 29, 0, 5, tzinfo=UTC), "America/Los_Angeles", date(2026, 3, 27)),
        (datetime(2026, 3, 29, 10, 0, tzinfo=UTC), "Pacific/Kiritimati", date(2026, 3, 29)),
        (datetime(2026, 3, 29, 10, 59, tzinfo=UTC), "Pacific/Pago_Pago", date(2026, 3, 27)),
        (datetime(2026, 3, 29, 11, 0, tzinfo=UTC), "Pacific/Pago_Pago", date(2026, 3, 28)),
    ],
)
def test_a_patient_is_due_once_their_local_day_has_ended(make_patient, now, zone, ended_day):
    patient = make_patient(timezone=zone)
    assert nightly.due_patient_chunks(now=now) == [([patient.pk], ended_day)]
    Patient.objects.filter(pk=patient.pk).update(analysed_through=ended_day)
    assert nightly.due_patient_chunks(now=now) == []


@pytest.mark.django_db
def test_due_patients_are_split_into_chunks(make_patient, settings):
    settings.NIGHTLY_ANALYSIS_CHUNK_SIZE = 2
    for _ in range(5):
        make_patient(timezone="Asia/Tokyo")
    chunks = nightly.due_patient_chunks(now=datetime(2026, 6, 1, 12, tzinfo=UTC))
    assert [len(ids) for ids, _ in chunks] == [2, 2, 1]


def _fatigue_rising(patient, until: date):
    for offset in range(120, -1, -1):
        fatigue = 2 if offset > 40 else min(10, 2 + (40 - offset) // 4)
        log_upsert(
            patient=patient,
            date=until - timedelta(days=offset),
            client_id=uuid.uuid4(),
            values={"strength_left": 8, "strength_right": 8, "fatigue": fatigue, "steps": 5000},
        )


@pytest.mark.django_db
def test_analysing_the_same_day_twice_raises_nothing_twice(make_patient):
    patient = make_patient()
    day = date(2026, 5, 31)
    _fatigue_rising(patient, day)
    assert nightly.analyse_patients(patient_ids=[patient.pk], today=day) == 1
    assert nightly.analyse_patients(patient_ids=[patient.pk], today=day) == 0
    raised = list(Alert.objects.filter(patient=patient).values_list("code", flat=True))
    assert raised.count("fatigue_trend") == 1


@pytest.mark.skipif(connection.vendor == "sqlite", reason="SQLite serialises writers; the race needs PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_runs_of_the_same_check_store_one_alert(make_patient):
    patient = make_patient()
    today = date(2026, 5, 31)
    save_steady_days(patient, today)
    log, _ = log_upsert(
        patient=patient,
        date=today,
        client_id=uuid.uuid4(),
        values={"strength_left": 8, "strength_right": 1, "fatigue": 4, "symptoms": STROKE_SIGNS},
    )
    barrier = threading.Barrier(4)

    def run():
        barrier.wait()
        try:
            alerting.check_saved_log(log_id=log.pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Alert.objects.filter(patient=patient, code="sudden_weakness").count() == 1


@pytest.mark.worker
def test_the_sweep_checks_a_log_whose_task_was_lost(celery_worker, make_patient):
    patient = make_patient()
    today = patient.local_today()
    save_steady_days(patient, today, days=20)
    lost = DailyLog.objects.create(
        patient=patient,
        date=today,
        client_id=uuid.uuid4(),
        strength_left=8,
        strength_right=1,
        fatigue=4,
        symptom_flags=symptoms_to_flags(STROKE_SIGNS),
    )
    DailyLog.objects.filter(pk=lost.pk).update(updated_at=timezone.now() - timedelta(minutes=10))
    tasks.sweep_unchecked_logs.delay()
    wait_until(lambda: DailyLog.objects.get(pk=lost.pk).red_flags_checked_at)
    assert Alert.objects.filter(patient=patient, code="sudden_weakness", raised_on=today).count() == 1
