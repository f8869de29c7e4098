"""The database itself rejects records no service should have let through."""

import uuid
from datetime import date

import pytest
from django.db import IntegrityError, transaction

from tracker.models import Investigation, LabResult, LifeEvent, Treatment

START = date(2026, 3, 1)


def _refused(record) -> bool:
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError:
        return True
    return False


@pytest.mark.parametrize(
    "make",
    [
        lambda p: Treatment(patient=p, name="Vitamin D", start=START, end=date(2026, 2, 1)),
        lambda p: LifeEvent(patient=p, kind="illness", start=START, end=date(2026, 2, 1)),
        lambda p: LifeEvent(patient=p, kind="holiday", start=START),
        lambda p: Investigation(patient=p, kind="pet_scan", date=START),
    ],
)
def test_records_out_of_vocabulary_or_ending_before_they_start_are_refused(patient, make):
    assert _refused(make(patient))


@pytest.mark.parametrize(
    "overrides",
    [
        {"marker": "zinc"},
        {"value": -1},
        {"value": 1_000_001},
        {"reference_low": 5, "reference_high": 1},
    ],
)
def test_blood_results_out_of_range_or_vocabulary_are_refused(patient, overrides):
    test = Investigation.objects.create(patient=patient, kind="blood_test", date=START)
    fields = {"marker": "tsh", "value": 2.0, "unit": "mIU/L", **overrides}
    assert _refused(LabResult(investigation=test, **fields))


def test_a_marker_appears_once_per_blood_test(patient):
    test = Investigation.objects.create(patient=patient, kind="blood_test", date=START)
    LabResult.objects.create(investigation=test, marker="tsh", value=2, unit="mIU/L")
    assert _refused(LabResult(investigation=test, marker="tsh", value=3, unit="mIU/L"))


def test_a_client_id_names_one_record_per_patient_but_may_be_absent_on_many(patient, make_patient):
    client_id = uuid.uuid4()
    Treatment.objects.create(patient=patient, name="B12", start=START, client_id=client_id)
    assert _refused(Treatment(patient=patient, name="B12", start=START, client_id=client_id))
    Treatment.objects.create(patient=make_patient(), name="B12", start=START, client_id=client_id)
    Treatment.objects.create(patient=patient, name="D", start=START)
    Treatment.objects.create(patient=patient, name="D", start=START)
