from datetime import date, timedelta

from tracker.models import Investigation, LifeEvent, Treatment
from tracker.selectors.timeline import EventMark, InvestigationMark, ResultValue, Timeline, TreatmentSpan, timeline
from tracker.services.records import record_create

START, END = date(2026, 3, 1), date(2026, 3, 31)


def _record(patient, model, **values):
    return record_create(model=model, patient=patient, values=values)[0]


def test_nobody_who_never_recorded_anything_costs_a_query(patient, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert timeline(patient=patient, start=START, end=END) == Timeline()


def test_the_records_touching_the_period_oldest_first_without_free_text(patient, django_assert_num_queries):
    _record(patient, Treatment, name="Physiotherapy", start=START - timedelta(days=20), end=START - timedelta(days=1))
    _record(patient, Treatment, name="Vitamin B12", dose="1 mg", start=START + timedelta(days=5), note="tired")
    _record(patient, Treatment, name="Vitamin D", start=START - timedelta(days=10), end=START + timedelta(days=2))
    _record(
        patient,
        Investigation,
        kind="blood_test",
        date=START + timedelta(days=3),
        finding="low B12",
        results=[{"marker": "vitamin_b12", "value": 150, "unit": "pg/mL", "reference_low": 200}],
    )
    _record(patient, Investigation, kind="mri", date=END + timedelta(days=1))
    _record(patient, LifeEvent, kind="illness", start=START + timedelta(days=8), end=START + timedelta(days=14))
    with django_assert_num_queries(1):
        shown = timeline(patient=patient, start=START, end=END)
    assert shown.treatments == [
        TreatmentSpan("Vitamin D", "", START - timedelta(days=10), START + timedelta(days=2)),
        TreatmentSpan("Vitamin B12", "1 mg", START + timedelta(days=5), None),
    ]
    assert shown.tests == [
        InvestigationMark(
            "blood_test", START + timedelta(days=3), (ResultValue("vitamin_b12", 150, "pg/mL", 200, None),)
        )
    ]
    assert shown.events == [EventMark("illness", START + timedelta(days=8), START + timedelta(days=14))]
    assert shown.first_dates() == [START - timedelta(days=10), START + timedelta(days=3), START + timedelta(days=8)]
