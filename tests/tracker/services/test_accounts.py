import uuid
from datetime import date

from django.contrib.auth import get_user_model
from knox.models import AuthToken

from tracker.models import Alert, DailyLog, DailyLogRevision, Patient
from tracker.services.accounts import account_delete
from tracker.services.devices import issue_api_token
from tracker.services.logs import log_upsert


def test_deleting_an_account_removes_everything_the_person_owns(make_patient):
    patient = make_patient()
    other = make_patient()
    values = {"strength_left": 8, "strength_right": 8, "fatigue": 3}
    for owner in (patient, other):
        log, _ = log_upsert(patient=owner, date=date(2026, 1, 5), client_id=uuid.uuid4(), values=values)
        log_upsert(patient=owner, date=log.date, client_id=log.client_id, values=values | {"fatigue": 5})
        Alert.objects.create(patient=owner, code="fall", severity="soon", raised_on=log.date, dedup_key="k")
        issue_api_token(user=owner.user, device="phone")

    account_delete(user=patient.user, password="a long enough passphrase 42")

    assert not get_user_model().objects.filter(pk=patient.user_id).exists()
    for model in (Patient, DailyLog, DailyLogRevision, Alert):
        assert not model.objects.filter(**{"patient_id" if model is not Patient else "pk": patient.pk}).exists()
    assert not AuthToken.objects.filter(user_id=patient.user_id).exists()
    assert DailyLog.objects.filter(patient=other).count() == 1
    assert Alert.objects.filter(patient=other).count() == 1
