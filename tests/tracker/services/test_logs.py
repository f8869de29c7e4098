import uuid
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tracker.models import DailyLog, DailyLogRevision
from tracker.services.logs import log_delete, log_update, log_upsert

VALUES = {"strength_left": 7, "strength_right": 8, "fatigue": 4, "steps": 3000, "symptoms": ["cramps"]}
DAY = date(2026, 3, 1)


def test_resubmitting_the_same_client_id_updates_the_one_row(patient):
    client_id = uuid.uuid4()
    log, created = log_upsert(patient=patient, date=DAY, client_id=client_id, values=VALUES)
    again, created_again = log_upsert(patient=patient, date=DAY, client_id=client_id, values=VALUES)
    assert created and not created_again
    assert again.pk == log.pk
    assert DailyLog.objects.count() == 1
    assert DailyLogRevision.objects.count() == 0, "an identical resubmission is not a correction"


def test_a_second_entry_for_the_same_date_corrects_it_and_keeps_the_earlier_values(patient):
    log_upsert(patient=patient, date=DAY, client_id=uuid.uuid4(), values=VALUES)
    log, created = log_upsert(patient=patient, date=DAY, client_id=uuid.uuid4(), values={**VALUES, "fatigue": 7})
    assert not created
    assert log.fatigue == 7
    revision = DailyLogRevision.objects.get()
    assert revision.change == "corrected"
    assert revision.previous_values["fatigue"] == 4
    assert revision.previous_values["symptoms"] == ["cramps"]


def test_a_client_id_cannot_move_to_another_date(patient):
    client_id = uuid.uuid4()
    log_upsert(patient=patient, date=DAY, client_id=client_id, values=VALUES)
    with pytest.raises(ValidationError) as error:
        log_upsert(patient=patient, date=date(2026, 3, 2), client_id=client_id, values=VALUES)
    assert "client_id" in error.value.message_dict
    assert DailyLog.objects.get().date == DAY


def test_a_date_after_the_patients_local_today_is_rejected(patient):
    with pytest.raises(ValidationError) as error:
        log_upsert(
            patient=patient, date=date(2026, 3, 2), client_id=uuid.uuid4(), values=VALUES, local_today=date(2026, 3, 1)
        )
    assert "in the future" in error.value.message_dict["date"][0]


def test_deleting_keeps_what_was_deleted(patient):
    log, _ = log_upsert(patient=patient, date=DAY, client_id=uuid.uuid4(), values=VALUES)
    log_delete(log=log)
    assert not DailyLog.objects.exists()
    assert DailyLogRevision.objects.get().change == "deleted"


def test_update_records_a_revision_only_when_something_changed(patient):
    log, _ = log_upsert(patient=patient, date=DAY, client_id=uuid.uuid4(), values=VALUES)
    log_update(log=log, values={"note": ""})
    assert DailyLogRevision.objects.count() == 0
    log_update(log=log, values={"note": "walked to the shop"})
    assert DailyLogRevision.objects.count() == 1
