import re
import uuid
from datetime import date

from django.contrib.auth import get_user_model
from django.core import mail

from tests.conftest import client_for
from tracker.models import CaregiverLink
from tracker.rules.types import Finding, Severity
from tracker.selectors.access import patients_visible_to
from tracker.services import alerting
from tracker.services.logs import log_upsert


def _carer(username="carer"):
    user = get_user_model().objects.create_user(username=username, email=f"{username}@example.org")
    return user, client_for(type("Account", (), {"user": user})())


def _invite_and_accept(api, carer_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite = api.post("/api/caregivers/", {"email": "carer@example.org"}, format="json")
    assert invite.status_code == 201
    token = re.search(r"code:\s+(\S+)", mail.outbox[-1].body).group(1)
    accepted = carer_client.post("/api/caregivers/accept/", {"token": token}, format="json")
    assert accepted.status_code == 200, accepted.json()
    return invite.json()["id"], token


def test_invite_accept_read_only_access_and_removal(api, patient, django_capture_on_commit_callbacks):
    _, carer_client = _carer()
    assert carer_client.get("/api/patients/").json() == []
    link_id, token = _invite_and_accept(api, carer_client, django_capture_on_commit_callbacks)
    assert mail.outbox[-1].to == ["carer@example.org"]
    [listed] = api.get("/api/caregivers/").json()
    assert (listed["status"], listed["username"], listed["email"]) == ("active", "carer", "carer@example.org")
    assert carer_client.get("/api/patients/").json() == [
        {"id": patient.pk, "username": patient.user.username, "timezone": patient.timezone}
    ]
    log_upsert(
        patient=patient,
        date=date(2026, 5, 1),
        client_id=uuid.uuid4(),
        values={"strength_left": 7, "strength_right": 7, "fatigue": 3},
    )
    finding = Finding(code="fall", severity=Severity.SOON, patient_text="x")
    [alert] = alerting.raise_alerts(patient=patient, findings=[finding], raised_on=date(2026, 5, 1), days=[])
    assert [a["id"] for a in carer_client.get(f"/api/patients/{patient.pk}/alerts/").json()["results"]] == [alert.pk]
    assert carer_client.get(f"/api/patients/{patient.pk}/logs/").json()["count"] == 1
    chart = carer_client.get(f"/api/patients/{patient.pk}/charts/strength/?range=30")
    assert chart.status_code == 200
    assert chart.json()["figure"]["data"]
    for own_data_only in ("/api/charts/strength/", "/api/shares/", "/api/exports/logs.csv"):
        assert carer_client.get(own_data_only).status_code == 403, own_data_only
    assert carer_client.post(f"/api/patients/{patient.pk}/alerts/").status_code == 405
    assert carer_client.post(f"/api/alerts/{alert.pk}/acknowledge/").status_code == 403
    again = carer_client.post("/api/caregivers/accept/", {"token": token}, format="json")
    assert again.json()["errors"][0]["field"] == "token"

    assert api.delete(f"/api/caregivers/{link_id}/").status_code == 204
    assert carer_client.get(f"/api/patients/{patient.pk}/alerts/").status_code == 404
    assert carer_client.get(f"/api/patients/{patient.pk}/charts/strength/").status_code == 404
    assert carer_client.get("/api/patients/").json() == []


def test_pending_invites_are_listed_and_can_be_withdrawn(api, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        link = api.post("/api/caregivers/", {"email": "someone.else@example.org"}, format="json").json()
    assert link["status"] == "pending" and link["username"] is None
    assert [c["id"] for c in api.get("/api/caregivers/").json()] == [link["id"]]
    assert api.delete(f"/api/caregivers/{link['id']}/").status_code == 204
    assert not CaregiverLink.objects.exists()


def test_strangers_see_nothing(api, patient, make_patient):
    _, stranger = _carer("stranger")
    assert stranger.get(f"/api/patients/{patient.pk}/alerts/").status_code == 404
    assert stranger.get(f"/api/patients/{patient.pk}/logs/").status_code == 404
    other = make_patient()
    assert client_for(other).get(f"/api/patients/{patient.pk}/logs/").status_code == 404
    bad = stranger.post("/api/caregivers/accept/", {"token": "nope"}, format="json")
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "token"


def test_a_patient_cannot_follow_themselves(api, patient, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        api.post("/api/caregivers/", {"email": "friend@example.org"}, format="json")
    token = re.search(r"code:\s+(\S+)", mail.outbox[-1].body).group(1)
    response = api.post("/api/caregivers/accept/", {"token": token}, format="json")
    assert response.status_code == 400


def test_patients_visible_to_is_own_plus_followed(patient, make_patient):
    carer_patient = make_patient()
    CaregiverLink.objects.create(
        patient=patient, email="x@example.org", token_hash="t", caregiver=carer_patient.user, status="active"
    )
    CaregiverLink.objects.create(patient=make_patient(), email="x@example.org", token_hash="u")
    assert set(patients_visible_to(carer_patient.user)) == {carer_patient, patient}
    assert list(patients_visible_to(patient.user)) == [patient]


def test_a_carer_reads_the_notes_only_once_the_patient_allows_it(api, patient, django_capture_on_commit_callbacks):
    _, carer_client = _carer()
    link_id, _ = _invite_and_accept(api, carer_client, django_capture_on_commit_callbacks)
    log_upsert(
        patient=patient,
        date=date(2026, 5, 1),
        client_id=uuid.uuid4(),
        values={"strength_left": 7, "strength_right": 7, "fatigue": 3, "note": "argued with my sister"},
    )
    [hidden] = carer_client.get(f"/api/patients/{patient.pk}/logs/").json()["results"]
    assert "note" not in hidden and hidden["strength_left"] == 7
    assert api.get("/api/caregivers/").json()[0]["sees_notes"] is False
    assert "argued" in api.get(f"/api/patients/{patient.pk}/logs/").content.decode()

    allowed = api.patch(f"/api/caregivers/{link_id}/", {"sees_notes": True}, format="json")
    assert allowed.status_code == 200 and allowed.json()["sees_notes"] is True
    [shown] = carer_client.get(f"/api/patients/{patient.pk}/logs/").json()["results"]
    assert shown["note"] == "argued with my sister"

    assert carer_client.patch(f"/api/caregivers/{link_id}/", {"sees_notes": False}, format="json").status_code == 403
    assert api.patch(f"/api/caregivers/{link_id}/", {"sees_notes": "maybe"}, format="json").status_code == 400
    api.patch(f"/api/caregivers/{link_id}/", {"sees_notes": False}, format="json")
    assert "argued" not in carer_client.get(f"/api/patients/{patient.pk}/logs/").content.decode()
