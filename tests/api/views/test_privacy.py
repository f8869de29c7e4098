"""The audit log, the full export and account deletion."""

import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from tests.conftest import client_for
from tests.test_authorization_matrix import _link, _user
from tracker.models import (
    AccessEvent,
    Alert,
    CaregiverLink,
    DailyLog,
    Investigation,
    LifeEvent,
    Notification,
    PushLane,
    PushSubscription,
    ShareAccess,
    Treatment,
)
from tracker.services.accounts import personal_data_left
from tracker.services.logs import log_delete, log_upsert
from tracker.services.patients import register_patient
from tracker.services.preferences import snooze
from tracker.services.records import record_create, record_delete, record_update
from tracker.services.sharing import share_create

PASSWORD = "a long enough passphrase 42"
FIREFOX_ON_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:140.0) Gecko/140.0 Firefox/140.0"


def _rich_patient(patient):
    """A patient with something in every table that can name them."""
    day = patient.local_today()
    log, _ = log_upsert(
        patient=patient,
        date=day,
        client_id=uuid.uuid4(),
        values={"strength_left": 6, "strength_right": 7, "fatigue": 4},
    )
    log_upsert(patient=patient, date=day, client_id=log.client_id, values={"strength_left": 5})
    old, _ = log_upsert(
        patient=patient,
        date=day - timedelta(days=1),
        client_id=uuid.uuid4(),
        values={"strength_left": 6, "strength_right": 7, "fatigue": 4},
    )
    log_delete(log=old)
    alert = Alert.objects.create(
        patient=patient,
        code="fall",
        severity="soon",
        raised_on=day,
        patient_text="p",
        physician_text="d",
        advice="",
        dedup_key="fall",
    )
    Notification.objects.create(
        recipient=patient.user,
        alert=alert,
        channel="inbox",
        status="sent",
        title="t",
        body="b",
        next_attempt_at=timezone.now(),
    )
    PushSubscription.objects.create(
        user=patient.user, endpoint=f"https://push.example.org/{uuid.uuid4()}", p256dh="k", auth="a"
    )
    PushLane.objects.create(user=patient.user)
    snooze(user=patient.user, code="fall", days=3)
    treatment, _ = record_create(model=Treatment, patient=patient, values={"name": "Vitamin B12", "start": day})
    record_update(record=treatment, values={"dose": "1 mg"})
    blood = {"marker": "vitamin_b12", "value": 150, "unit": "pg/mL"}
    record_create(model=Investigation, patient=patient, values={"kind": "blood_test", "date": day, "results": [blood]})
    flu, _ = record_create(model=LifeEvent, patient=patient, values={"kind": "illness", "start": day})
    record_delete(record=flu)
    share, token = share_create(patient=patient)
    carer = _user("carer-of-rich")
    _link(patient, carer)
    other = register_patient(username="other-rich", email="o@example.org", password=PASSWORD, timezone="UTC")
    _link(other, patient.user)
    CaregiverLink.objects.create(patient=other, email=patient.user.email, token_hash=uuid.uuid4().hex)
    return carer, share, token


def test_caregiver_and_share_link_views_are_in_the_patients_audit_log(api, patient):
    carer = _user("carer")
    _link(patient, carer)
    carer_api = client_for(type("Account", (), {"user": carer})())
    carer_api.get(f"/api/patients/{patient.pk}/alerts/", HTTP_USER_AGENT=FIREFOX_ON_ANDROID)
    carer_api.get(f"/api/patients/{patient.pk}/charts/strength/")
    _, token = share_create(patient=patient)
    Client().get(f"/s/{token}/", HTTP_USER_AGENT=FIREFOX_ON_ANDROID)
    api.get(f"/api/patients/{patient.pk}/logs/")  # the patient reading their own data is not audited

    entries = api.get("/api/audit/").json()["results"]
    assert [(e["viewer_kind"], e["viewer"], e["what"]) for e in entries] == [
        ("share", f"share link {ShareAccess.objects.get().share_id}", "page"),
        ("caregiver", "carer", "chart strength"),
        ("caregiver", "carer", "alerts"),
    ]
    assert entries[2]["client"] == "Firefox on Android"
    assert entries[2]["network"] == "127.0.0.0/24"
    assert carer_api.get("/api/audit/").status_code == 403


def test_a_deleted_caregiver_still_shows_in_the_audit_log(api, patient):
    carer = _user("gone")
    _link(patient, carer)
    client_for(type("Account", (), {"user": carer})()).get(f"/api/patients/{patient.pk}/logs/")
    carer.delete()
    [entry] = api.get("/api/audit/").json()["results"]
    assert entry["viewer"] == "a deleted account"


def test_the_full_export_holds_everything_about_the_patient_and_no_secrets(api, patient):
    _, share, token = _rich_patient(patient)
    Client().get(f"/s/{token}/")
    response = api.get("/api/export/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="leg-tracker-export.json"'
    export = response.json()
    assert export["account"]["username"] == patient.user.username
    assert export["profile"]["timezone"] == "Europe/Berlin"
    assert len(export["logs"]) == 1 and export["logs"][0]["strength_left"] == 5
    assert {r["change"] for r in export["log_revisions"]} == {"corrected", "deleted"}
    assert len(export["alerts"]) == len(export["notifications"]) == len(export["push_subscriptions"]) == 1
    assert [s["code"] for s in export["snoozes"]] == ["fall"]
    assert export["share_links"][0]["id"] == share.pk and len(export["share_link_views"]) == 1
    assert len(export["caregivers"]) == 1 and len(export["following_as_caregiver"]) == 1
    assert export["audit_log"][0]["viewer_kind"] == "share"
    assert [t["dose"] for t in export["treatments"]] == ["1 mg"]
    assert [t["kind"] for t in export["investigations"]] == ["blood_test"]
    assert [(r["marker"], r["value"]) for r in export["lab_results"]] == [("vitamin_b12", 150)]
    assert export["life_events"] == []
    assert {(r["record_type"], r["change"]) for r in export["record_revisions"]} == {
        ("treatment", "corrected"),
        ("life_event", "deleted"),
    }
    assert export["account"]["email_verified"] is True
    assert [(d["kind"], d["name"]) for d in export["signed_in_devices"]] == [("app", "test client")]
    text = response.content.decode()
    assert token not in text and share.token_hash not in text and "p256dh" not in text


def test_deleting_the_account_needs_the_password_and_removes_all_personal_data(api, patient):
    carer, _, _ = _rich_patient(patient)
    browser = Client()
    browser.force_login(patient.user)
    client_for(type("Account", (), {"user": carer})()).get(f"/api/patients/{patient.pk}/logs/")
    user_id, patient_id, email = patient.user.pk, patient.pk, patient.user.email
    assert set(personal_data_left(user_id=user_id, patient_id=patient_id, email=email)) >= {
        "logs",
        "log revisions",
        "alerts",
        "notifications",
        "push subscriptions",
        "snoozes",
        "share links",
        "caregiver links as patient",
        "caregiver links as caregiver",
        "tokens",
        "sessions",
        "views of their data",
        "pending invitations to their email",
        "treatments",
        "tests",
        "blood results",
        "record revisions",
    }

    wrong = api.delete("/api/profile/", {"password": "not it"}, format="json")
    assert wrong.status_code == 400 and wrong.json()["errors"][0]["field"] == "password"
    assert DailyLog.objects.filter(patient_id=patient_id).exists()

    assert api.delete("/api/profile/", {"password": PASSWORD}, format="json").status_code == 204
    assert personal_data_left(user_id=user_id, patient_id=patient_id, email=email) == {}
    assert not get_user_model().objects.filter(pk=user_id).exists()
    assert not Session.objects.exists()
    assert api.get("/api/logs/").status_code == 401
    # The other patient keeps their own data, and the caregiver their account.
    assert get_user_model().objects.filter(pk=carer.pk).exists()
    assert not AccessEvent.objects.exists()


def test_a_caregiver_only_account_can_delete_itself(api, patient):
    carer = _user("leaving")
    carer.set_password(PASSWORD)
    carer.save()
    _link(patient, carer)
    carer_api = client_for(type("Account", (), {"user": carer})())
    carer_api.get(f"/api/patients/{patient.pk}/alerts/")
    assert carer_api.delete("/api/profile/", {"password": PASSWORD}, format="json").status_code == 204
    assert personal_data_left(user_id=carer.pk, patient_id=None, email=carer.email) == {}
    assert api.get("/api/caregivers/").json() == []
    assert api.get("/api/audit/").json()["results"][0]["viewer"] == "a deleted account"
