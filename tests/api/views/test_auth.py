"""Issue 14 items 10-12: hashed, expiring, per-device API tokens that logout revokes; password change and
reset; email change and proof. Each attack of the review is a test here."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from tests.conftest import client_for
from tracker.models import Notification, VerifiedEmail
from tracker.rules.types import Finding, Severity
from tracker.services import alerting
from tracker.services.account_emails import send_password_reset_email, send_verification_email
from tracker.services.email_verification import verification_token

PASSWORD = "a long enough passphrase 42"
NEW_PASSWORD = "another long passphrase 43"


def _sign_in(username, password=PASSWORD, device=""):
    return APIClient().post(
        "/api/auth/token/", {"username": username, "password": password, "device": device}, format="json"
    )


def _as(token) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def test_a_token_is_stored_only_as_a_digest_and_expires(patient):
    signed_in = _sign_in(patient.user.username, device="Ada's phone")
    assert signed_in.status_code == 200
    token = signed_in.json()["token"]
    [row] = AuthToken.objects.filter(user=patient.user)
    assert row.digest == hashlib.sha512(token.encode()).hexdigest()
    assert token not in (row.digest, row.token_key) and row.device.name == "Ada's phone"
    assert row.expiry > timezone.now() + timedelta(days=29)
    assert _as(token).get("/api/profile/").status_code == 200
    AuthToken.objects.filter(pk=row.pk).update(expiry=timezone.now() - timedelta(seconds=1))
    assert _as(token).get("/api/profile/").status_code == 401


def test_logout_revokes_the_token_used_and_no_other(patient):
    phone, laptop = (_sign_in(patient.user.username).json()["token"] for _ in range(2))
    assert _as(phone).post("/api/auth/logout/").status_code == 204
    assert _as(phone).get("/api/profile/").status_code == 401
    assert _as(laptop).get("/api/profile/").status_code == 200


def test_devices_are_listed_and_one_can_be_signed_out_from_another(patient):
    phone = _sign_in(patient.user.username, device="phone").json()["token"]
    tablet = _sign_in(patient.user.username, device="tablet").json()["token"]
    devices = _as(phone).get("/api/devices/").json()
    assert {(d["name"], d["kind"], d["current"]) for d in devices} == {("phone", "app", True), ("tablet", "app", False)}
    [tablet_row] = [d for d in devices if d["name"] == "tablet"]
    assert _as(phone).delete(f"/api/devices/{tablet_row['id']}/").status_code == 204
    assert _as(tablet).get("/api/profile/").status_code == 401
    assert _as(phone).get("/api/profile/").status_code == 200


def test_nobody_signs_out_another_persons_device(patient, make_patient):
    victim_token = _sign_in(patient.user.username).json()["token"]
    [victim_device] = _as(victim_token).get("/api/devices/").json()
    attacker = client_for(make_patient())
    assert attacker.delete(f"/api/devices/{victim_device['id']}/").status_code == 404
    assert _as(victim_token).get("/api/profile/").status_code == 200


def test_plaintext_tokens_of_before_are_hashed_by_the_migration_and_keep_working(patient):
    migration = __import__("tracker.migrations.0007_accounts_devices", fromlist=["hash_plaintext_tokens"])
    old_key = "0123456789abcdef0123456789abcdef01234567"
    with connection.schema_editor() as editor:
        editor.execute("CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, user_id integer, created timestamp)")
        editor.execute(
            "INSERT INTO authtoken_token (key, user_id, created) VALUES (%s, %s, %s)",
            [old_key, patient.user_id, timezone.now()],
        )
    with connection.schema_editor() as editor:
        from django.apps import apps

        migration.hash_plaintext_tokens(apps, editor)
    assert "authtoken_token" not in connection.introspection.table_names(), "the plain-text keys are gone"
    assert _as(old_key).get("/api/profile/").status_code == 200
    assert AuthToken.objects.get(user=patient.user).expiry is not None


def test_changing_the_password_needs_the_current_one_and_signs_out_every_other_device(patient, client):
    here, elsewhere = (_sign_in(patient.user.username).json()["token"] for _ in range(2))
    client.force_login(patient.user)
    wrong = _as(here).post(
        "/api/auth/password/", {"current_password": "guess", "new_password": NEW_PASSWORD}, format="json"
    )
    assert wrong.json()["errors"] == [{"field": "current_password", "message": "This is not your current password."}]
    changed = _as(here).post(
        "/api/auth/password/", {"current_password": PASSWORD, "new_password": NEW_PASSWORD}, format="json"
    )
    assert changed.status_code == 204
    assert _as(here).get("/api/profile/").status_code == 200
    assert _as(elsewhere).get("/api/profile/").status_code == 401
    assert client.get("/history/")["Location"].startswith("/login/"), "the browser elsewhere is signed out"
    assert _sign_in(patient.user.username, NEW_PASSWORD).status_code == 200


def test_changing_the_email_needs_the_password_leaves_it_unproved_and_signs_out_the_rest(
    patient, django_capture_on_commit_callbacks
):
    here, elsewhere = (_sign_in(patient.user.username).json()["token"] for _ in range(2))
    refused = _as(here).put("/api/auth/email/", {"email": "new@example.org", "password": "guess"}, format="json")
    assert refused.json()["errors"] == [{"field": "password", "message": "This is not your password."}]
    with django_capture_on_commit_callbacks() as queued:
        changed = _as(here).put("/api/auth/email/", {"email": "new@example.org", "password": PASSWORD}, format="json")
    assert changed.json() == {"email": "new@example.org", "verified": False}
    assert len(queued) == 1, "the link to prove the new address is queued"
    assert _as(elsewhere).get("/api/profile/").status_code == 401
    assert _as(here).get("/api/profile/").json()["email_verified"] is False
    unchanged = _as(here).patch("/api/profile/", {"email": "sneaky@example.org"}, format="json")
    assert unchanged.json()["email"] == "new@example.org", "the profile cannot change the email without the password"


def test_the_signed_link_proves_the_address_once_it_is_the_accounts(patient):
    send_verification_email(user_id=patient.user_id)
    link = re.search(r"/verify-email/(\S+)/", mail.outbox[-1].body)
    token = link.group(1)
    assert APIClient().post("/api/auth/email/verify/", {"token": token + "x"}, format="json").status_code == 400
    assert APIClient().post("/api/auth/email/verify/", {"token": token}, format="json").json() == {
        "email": patient.user.email,
        "verified": True,
    }
    stale = verification_token(patient.user)
    get_user_model().objects.filter(pk=patient.user_id).update(email="other@example.org")
    refused = APIClient().post("/api/auth/email/verify/", {"token": stale}, format="json")
    assert refused.json()["errors"][0]["message"].startswith("This link was for an email address this account no")


def test_an_unproved_address_gets_no_alert_email_until_it_is_proved(make_patient):
    patient = make_patient(email_verified=False)
    finding = Finding(code="fall", severity=Severity.URGENT, patient_text="You fell.")
    [first] = alerting.raise_alerts(patient=patient, findings=[finding], raised_on=patient.local_today(), days=[])
    assert not Notification.objects.filter(alert=first, channel="email").exists()
    VerifiedEmail.objects.update_or_create(
        user=patient.user, defaults={"email": patient.user.email, "verified_at": timezone.now()}
    )
    later = Finding(code="sudden_weakness", severity=Severity.URGENT, patient_text="Weaker.")
    [second] = alerting.raise_alerts(patient=patient, findings=[later], raised_on=patient.local_today(), days=[])
    assert Notification.objects.filter(alert=second, channel="email").exists()


def test_a_password_reset_link_works_once_proves_the_address_and_signs_everything_out(make_patient):
    patient = make_patient(email_verified=False)
    token = _sign_in(patient.user.username).json()["token"]
    assert (
        APIClient().post("/api/auth/password-reset/", {"email": "nobody@example.org"}, format="json").status_code == 202
    )
    assert (
        APIClient().post("/api/auth/password-reset/", {"email": patient.user.email}, format="json").status_code == 202
    )
    send_password_reset_email(user_id=patient.user_id)
    uid, reset_token = re.search(r"/reset/([^/]+)/([^/]+)/", mail.outbox[-1].body).groups()
    body = {"uid": uid, "token": reset_token, "new_password": NEW_PASSWORD}
    assert APIClient().post("/api/auth/password-reset/confirm/", body, format="json").status_code == 204
    assert _as(token).get("/api/profile/").status_code == 401
    assert VerifiedEmail.objects.filter(user=patient.user).exists()
    again = APIClient().post(
        "/api/auth/password-reset/confirm/", {**body, "new_password": "third passphrase 44"}, format="json"
    )
    assert again.status_code == 400, "the link works once"
    assert _sign_in(patient.user.username, NEW_PASSWORD).status_code == 200


@pytest.mark.django_db
def test_password_reset_requests_are_rate_limited_per_email_address(settings):
    settings.PASSWORD_RESET_RATE_LIMIT_PER_EMAIL = 2
    client = APIClient(REMOTE_ADDR="203.0.113.20")
    answers = [
        client.post("/api/auth/password-reset/", {"email": "Victim@example.org"}, format="json").status_code
        for _ in range(3)
    ]
    assert answers == [202, 202, 429]
    other = APIClient(REMOTE_ADDR="203.0.113.21")
    assert other.post("/api/auth/password-reset/", {"email": "victim@example.org"}, format="json").status_code == 429
