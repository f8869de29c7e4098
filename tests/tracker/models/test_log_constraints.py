"""The database itself rejects what no serializer should have let through."""

import uuid
from datetime import date

import pytest
from django.db import IntegrityError, transaction

from tracker.models import DailyLog
from tracker.symptoms import ALL_SYMPTOM_FLAGS

VALID = {"strength_left": 8, "strength_right": 8, "fatigue": 3}


def _log(patient, **overrides):
    fields = {"date": date(2026, 3, 1), "client_id": uuid.uuid4(), **VALID, **overrides}
    return DailyLog(patient=patient, **fields)


@pytest.mark.parametrize(
    "overrides",
    [
        {"strength_left": 11},
        {"strength_right": 11},
        {"fatigue": 11},
        {"numbness_extent": 5},
        {"steps": 200_001},
        {"chair_stand_30s": 61},
        {"symptom_flags": ALL_SYMPTOM_FLAGS + 1},
    ],
)
def test_out_of_range_values_are_rejected_by_the_database(patient, overrides):
    with pytest.raises(IntegrityError), transaction.atomic():
        _log(patient, **overrides).save()


def test_one_log_per_patient_and_local_date(patient):
    _log(patient).save()
    with pytest.raises(IntegrityError), transaction.atomic():
        _log(patient).save()


def test_client_id_is_unique_per_patient(patient, make_patient):
    first = _log(patient)
    first.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        _log(patient, date=date(2026, 3, 2), client_id=first.client_id).save()
    other = make_patient()
    _log(other, client_id=first.client_id).save()


def test_boundary_values_are_accepted(patient):
    _log(
        patient,
        strength_left=0,
        strength_right=10,
        fatigue=10,
        numbness_extent=4,
        steps=0,
        chair_stand_30s=0,
        symptom_flags=ALL_SYMPTOM_FLAGS,
    ).save()
    assert DailyLog.objects.count() == 1
