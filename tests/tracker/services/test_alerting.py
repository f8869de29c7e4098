"""Save-time alerts against the stored ones (tracker/services/alerting.py), on the real database."""

import uuid
from datetime import timedelta

import pytest

from tests.conftest import save_steady_days
from tracker.models import Alert
from tracker.services import alerting
from tracker.services.logs import log_upsert

BLADDER_CHANGE = {"strength_left": 8, "strength_right": 8, "fatigue": 3, "symptoms": ["bladder_bowel_change"]}


def _save_and_check(patient, day, values):
    log, _ = log_upsert(patient=patient, date=day, client_id=uuid.uuid4(), values=values)
    return alerting.check_saved_log(log_id=log.pk)


@pytest.mark.django_db
def test_a_day_filled_in_late_does_not_repeat_an_alert_raised_since_for_the_same_concern(make_patient):
    """Today's bladder change raised its alert; filling in two days ago, with the same change, tells the person
    nothing new and stores nothing: the alert dated after that day already told them."""
    patient = make_patient()
    today = patient.local_today()
    save_steady_days(patient, today - timedelta(days=3), days=30)
    assert [a.code for a in _save_and_check(patient, today, BLADDER_CHANGE)] == ["bladder_bowel"]

    assert _save_and_check(patient, today - timedelta(days=2), BLADDER_CHANGE) == []
    assert Alert.objects.filter(patient=patient).count() == 1


@pytest.mark.django_db
def test_a_day_filled_in_late_with_a_more_severe_finding_still_alerts(make_patient):
    patient = make_patient()
    today = patient.local_today()
    save_steady_days(patient, today - timedelta(days=3), days=30)
    _save_and_check(patient, today, {"strength_left": 8, "strength_right": 8, "fatigue": 3, "symptoms": ["fall"]})

    stroke = {"strength_left": 8, "strength_right": 2, "fatigue": 3, "symptoms": ["face_arm_speech"]}
    raised = _save_and_check(patient, today - timedelta(days=2), stroke)
    assert [(a.code, a.severity, a.raised_on) for a in raised] == [
        ("sudden_weakness", "emergency", today - timedelta(days=2))
    ]
