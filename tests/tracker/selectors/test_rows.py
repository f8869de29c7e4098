import uuid
from datetime import date

import pytest

from tracker.selectors.rows import log_by_id, logs_of_day_or_client_id, patient_by_id
from tracker.services.logs import log_upsert

pytestmark = pytest.mark.django_db

VALUES = {"strength_left": 7, "strength_right": 6, "fatigue": 3, "symptoms": ["cramps"]}


def test_a_log_read_by_id_has_its_values_converted_as_the_orm_would(patient):
    saved, _ = log_upsert(patient=patient, date=date(2026, 3, 1), client_id=uuid.uuid4(), values=VALUES)
    log = log_by_id(saved.pk)
    assert log.date == date(2026, 3, 1)
    assert log.client_id == saved.client_id
    assert (log.strength_left, log.strength_right, log.symptoms) == (7, 6, ["cramps"])
    assert log.updated_at == saved.updated_at
    assert log_by_id(saved.pk + 1000) is None


def test_a_patient_read_by_id_is_the_stored_one(patient):
    assert patient_by_id(patient.pk).timezone == patient.timezone
    assert patient_by_id(patient.pk + 1000) is None


def test_the_log_of_a_day_and_the_log_of_a_client_id_are_both_found_and_no_other(patient, make_patient):
    first, _ = log_upsert(patient=patient, date=date(2026, 3, 1), client_id=uuid.uuid4(), values=VALUES)
    second, _ = log_upsert(patient=patient, date=date(2026, 3, 2), client_id=uuid.uuid4(), values=VALUES)
    log_upsert(patient=patient, date=date(2026, 3, 3), client_id=uuid.uuid4(), values=VALUES)
    log_upsert(patient=make_patient(), date=date(2026, 3, 1), client_id=first.client_id, values=VALUES)

    found = logs_of_day_or_client_id(patient_id=patient.pk, day=date(2026, 3, 2), client_id=first.client_id)
    assert sorted(log.pk for log in found) == [first.pk, second.pk]
    assert logs_of_day_or_client_id(patient_id=patient.pk, day=date(2026, 4, 1), client_id=uuid.uuid4()) == []
