"""What the alert engine learns of a patient's recorded events and blood results, and what it costs."""

import uuid
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tracker.models import Investigation, LifeEvent, Patient
from tracker.rules import engine
from tracker.rules.types import LabResult
from tracker.rules.types import LifeEvent as EngineLifeEvent
from tracker.selectors.logs import patient_context, patient_contexts
from tracker.selectors.records import LAB_RESULTS_LOOKBACK_DAYS, LIFE_EVENTS_LOOKBACK_DAYS
from tracker.services import alerting, nightly
from tracker.services.logs import log_upsert
from tracker.services.records import record_create

DAY = date(2026, 5, 31)


def _event(patient, kind, start, end=None):
    record_create(model=LifeEvent, patient=patient, values={"kind": kind, "start": start, "end": end})


def _blood_test(patient, day, *results):
    record_create(
        model=Investigation, patient=patient, values={"kind": "blood_test", "date": day, "results": list(results)}
    )


def test_the_context_holds_the_events_and_results_the_engine_may_use_on_that_day(make_patient):
    patient = make_patient(timezone="UTC", history=["diabetes"])
    window_start = DAY - timedelta(days=LIFE_EVENTS_LOOKBACK_DAYS)
    _event(patient, "illness", DAY - timedelta(days=10), DAY - timedelta(days=3))
    _event(patient, "injury", DAY - timedelta(days=2))
    _event(patient, "travel", window_start - timedelta(days=30), window_start - timedelta(days=1))
    _event(patient, "surgery", window_start - timedelta(days=5), window_start)
    _blood_test(
        patient,
        DAY - timedelta(days=40),
        {"marker": "vitamin_b12", "value": 150, "unit": "pg/mL", "reference_low": 180, "reference_high": 914},
    )
    _blood_test(
        patient, DAY - timedelta(days=LAB_RESULTS_LOOKBACK_DAYS), {"marker": "tsh", "value": 2, "unit": "mIU/L"}
    )

    context = patient_context(patient, as_of=DAY)

    assert context.history == frozenset({"diabetes"})
    assert context.life_events == (
        EngineLifeEvent("surgery", window_start - timedelta(days=5), window_start),
        EngineLifeEvent("illness", DAY - timedelta(days=10), DAY - timedelta(days=3)),
        EngineLifeEvent("injury", DAY - timedelta(days=2), None),
    )
    assert context.lab_results == (LabResult("vitamin_b12", 150.0, "pg/mL", DAY - timedelta(days=40), 180.0, 914.0),)


def test_a_replayed_past_day_sees_nothing_recorded_for_later_days(make_patient):
    patient = make_patient(timezone="UTC")
    _event(patient, "illness", DAY - timedelta(days=1))
    _blood_test(patient, DAY, {"marker": "ferritin", "value": 12, "unit": "ng/mL"})
    earlier = patient_context(patient, as_of=DAY - timedelta(days=2))
    assert (earlier.life_events, earlier.lab_results) == ((), ())
    on_the_day = patient_context(patient, as_of=DAY)
    assert len(on_the_day.life_events) == len(on_the_day.lab_results) == 1


def _with_records(patient):
    _event(patient, "illness", DAY - timedelta(days=5))
    _blood_test(patient, DAY - timedelta(days=3), {"marker": "vitamin_d", "value": 20, "unit": "nmol/L"})


def test_contexts_for_many_patients_cost_two_statements(make_patient):
    patients = [make_patient(timezone="UTC") for _ in range(6)]
    for patient in patients:
        _with_records(patient)
    with CaptureQueriesContext(connection) as captured:
        contexts = patient_contexts(patients, as_of=DAY)
    assert len(captured) == 2
    assert all(len(c.life_events) == len(c.lab_results) == 1 for c in contexts.values())


@pytest.mark.django_db
def test_the_nightly_run_hands_each_patient_their_own_context_with_flat_query_counts(make_patient, monkeypatch):
    seen = []

    def record_context(context, days, today):
        seen.append(context)
        return []

    monkeypatch.setattr(engine, "analyse_day", record_context)

    def analyse(count: int) -> int:
        patients = [make_patient(timezone="UTC") for _ in range(count)]
        for patient in patients:
            _with_records(patient)
        with CaptureQueriesContext(connection) as captured:
            assert nightly.analyse_patients(patient_ids=[p.pk for p in patients], today=DAY) == count
        return len(captured)

    assert analyse(2) == analyse(8)
    assert len(seen) == 10
    assert all(c.life_events[0].kind == "illness" and c.lab_results[0].marker == "vitamin_d" for c in seen)


def test_the_save_time_check_sees_the_results_recorded_up_to_the_logged_day(make_patient, monkeypatch):
    patient = make_patient(timezone="UTC")
    _blood_test(patient, DAY - timedelta(days=7), {"marker": "vitamin_b12", "value": 120, "unit": "pg/mL"})
    seen = []
    monkeypatch.setattr(engine, "check_log", lambda context, history, today: seen.append(context) or [])
    monkeypatch.setattr("tracker.services.logs._enqueue_red_flag_check", lambda log: None)
    log, _ = log_upsert(
        patient=patient,
        date=DAY,
        client_id=uuid.uuid4(),
        values={"strength_left": 7, "strength_right": 7, "fatigue": 3},
        local_today=DAY,
    )
    alerting.check_saved_log(log_id=log.pk)
    alerting.triage_for_log(log=log)
    assert [context.lab_results[0].value for context in seen] == [120.0, 120.0]
    assert Patient.objects.get(pk=patient.pk).analysed_through is None


def test_patients_who_never_recorded_anything_cost_the_engine_no_statement(make_patient):
    patients = [make_patient(timezone="UTC") for _ in range(3)]
    with CaptureQueriesContext(connection) as captured:
        contexts = patient_contexts(patients, as_of=DAY)
    assert len(captured) == 0
    assert all(c.life_events == c.lab_results == () for c in contexts.values())
    _event(patients[0], "travel", DAY - timedelta(days=1))
    assert Patient.objects.get(pk=patients[0].pk).has_records
    refreshed = list(Patient.objects.filter(pk__in=[p.pk for p in patients]))
    with CaptureQueriesContext(connection) as captured:
        contexts = patient_contexts(refreshed, as_of=DAY)
    assert len(captured) == 2
    assert [len(contexts[p.pk].life_events) for p in patients] == [1, 0, 0]
