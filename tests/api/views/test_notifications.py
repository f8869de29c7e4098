from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.conftest import client_for
from tracker.models import PushSubscription
from tracker.rules.types import Finding, Severity
from tracker.services import alerting, delivery

BROWSER = {
    "endpoint": "https://fcm.googleapis.com/fcm/send/abc123",
    "keys": {
        "p256dh": "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
        "auth": "tBHItJI5svbpez7KI4CCXg",
    },
}


OTHER_KEYS = {
    "p256dh": "BOLnMUv4VqU4JvyG8dnQJvXgm3pkj8nlXbYSUB9SXsKmNoKMV2fX9J2CPMRe5n0RpZ9s9cTZsY2MhrHvaLe-eSE",
    "auth": "Zq9ZTnnbE3KfJx9HNQ-1Vw",
}


@pytest.fixture(autouse=True)
def _production_push_services(settings):
    settings.PUSH_SERVICE_HOSTS = ["fcm.googleapis.com", "updates.push.services.mozilla.com", "*.push.apple.com"]


def test_subscribing_is_idempotent_per_endpoint(api, patient):
    first = api.post("/api/push-subscriptions/", BROWSER, format="json")
    assert first.status_code == 201
    assert set(first.json()) == {"id", "endpoint", "created_at"}
    again = api.post("/api/push-subscriptions/", BROWSER, format="json")
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert PushSubscription.objects.get().user == patient.user


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://127.0.0.1:6379/",
        "https://localhost:8000/admin/",
        "https://169.254.169.254/latest/meta-data/iam/",
        "https://[::1]/push",
        "http://fcm.googleapis.com/fcm/send/abc",
        "https://attacker.example/fcm/send/abc",
    ],
)
def test_an_endpoint_off_the_browsers_push_services_is_refused(api, endpoint):
    response = api.post("/api/push-subscriptions/", {**BROWSER, "endpoint": endpoint}, format="json")
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "endpoint"
    assert not PushSubscription.objects.exists()


def test_an_endpoint_another_account_registered_stays_theirs_and_the_answer_does_not_tell(api, patient, make_patient):
    assert api.post("/api/push-subscriptions/", BROWSER, format="json").status_code == 201
    intruder = client_for(make_patient())
    taken = intruder.post("/api/push-subscriptions/", {**BROWSER, "keys": OTHER_KEYS}, format="json")
    unknown_endpoint = {"endpoint": BROWSER["endpoint"] + "-unknown", "keys": OTHER_KEYS}
    fresh = intruder.post("/api/push-subscriptions/", unknown_endpoint, format="json")
    assert (
        (taken.status_code, set(taken.json()))
        == (fresh.status_code, set(fresh.json()))
        == (201, {"id", "endpoint", "created_at"})
    )
    mine = PushSubscription.objects.get(user=patient.user)
    assert (mine.endpoint, mine.p256dh, mine.auth) == (
        BROWSER["endpoint"],
        BROWSER["keys"]["p256dh"],
        BROWSER["keys"]["auth"],
    )


def test_an_account_keeps_ten_subscriptions_and_a_new_one_replaces_the_oldest(api, patient):
    for n in range(12):
        endpoint = {**BROWSER, "endpoint": f"{BROWSER['endpoint']}-{n}"}
        assert api.post("/api/push-subscriptions/", endpoint, format="json").status_code == 201
    kept = sorted(PushSubscription.objects.filter(user=patient.user).values_list("endpoint", flat=True))
    assert kept == sorted(f"{BROWSER['endpoint']}-{n}" for n in range(2, 12))


def test_a_bad_subscription_names_the_field(api):
    response = api.post("/api/push-subscriptions/", {"endpoint": BROWSER["endpoint"], "keys": {}}, format="json")
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {"keys.p256dh", "keys.auth"}


def test_unsubscribing_removes_only_your_own(api, make_patient):
    subscription_id = api.post("/api/push-subscriptions/", BROWSER, format="json").json()["id"]
    assert client_for(make_patient()).delete(f"/api/push-subscriptions/{subscription_id}/").status_code == 404
    assert api.delete(f"/api/push-subscriptions/{subscription_id}/").status_code == 204
    assert not PushSubscription.objects.exists()


def test_the_vapid_public_key_is_served(api, vapid):
    assert api.get("/api/push/vapid-public-key/").json() == {"public_key": vapid}


def test_preferences_read_update_and_snooze(api):
    assert api.get("/api/notification-preferences/").json() == {
        "push_enabled": True,
        "email_enabled": True,
        "quiet_hours_start": None,
        "quiet_hours_end": None,
        "reminder_time": None,
        "snoozes": [],
    }
    body = api.patch(
        "/api/notification-preferences/",
        {"email_enabled": False, "quiet_hours_start": "22:00", "quiet_hours_end": "07:30", "reminder_time": "20:00"},
        format="json",
    ).json()
    assert (body["email_enabled"], body["quiet_hours_start"], body["quiet_hours_end"]) == (False, "22:00", "07:30")
    assert body["reminder_time"] == "20:00"
    snooze = api.post("/api/notification-preferences/snooze/", {"code": "fatigue_trend", "days": 7}, format="json")
    assert snooze.status_code == 201
    assert [s["code"] for s in api.get("/api/notification-preferences/").json()["snoozes"]] == ["fatigue_trend"]


def test_preferences_reject_bad_times_and_half_quiet_hours(api):
    bad = api.patch("/api/notification-preferences/", {"reminder_time": "25:00"}, format="json")
    assert bad.json()["errors"][0]["field"] == "reminder_time"
    half = api.patch("/api/notification-preferences/", {"quiet_hours_start": "22:00"}, format="json")
    assert half.json()["errors"][0]["field"] == "quiet_hours_end"
    days = api.post("/api/notification-preferences/snooze/", {"code": "fall", "days": 0}, format="json")
    assert days.json()["errors"][0]["field"] == "days"


def test_the_inbox_lists_newest_first_and_marks_read(api, patient, make_patient):
    for code in ("fall", "fatigue_trend"):
        finding = Finding(code=code, severity=Severity.INFO, patient_text="x")
        alerting.raise_alerts(patient=patient, findings=[finding], raised_on=date(2026, 5, 1), days=[])
    for notification_id, _queue in delivery.due_deliveries().notifications:
        delivery.deliver(notification_id=notification_id)
    results = api.get("/api/notifications/").json()["results"]
    assert [n["kind"] for n in results] == ["alert", "alert"]
    assert results[0]["id"] > results[1]["id"]
    assert results[0]["read_at"] is None
    assert client_for(make_patient()).post(f"/api/notifications/{results[0]['id']}/read/").status_code == 404
    read = api.post(f"/api/notifications/{results[0]['id']}/read/").json()
    assert read["read_at"] is not None
    assert api.post(f"/api/notifications/{results[0]['id']}/read/").json()["read_at"] == read["read_at"]
    with CaptureQueriesContext(connection) as few:
        api.get("/api/notifications/")
    assert len(few) <= 5  # the token and knox's sweep of the user's expired tokens, then the page


def test_a_caregiver_only_account_gets_a_clear_403_on_patient_endpoints(db):
    user = get_user_model().objects.create_user(username="carer", email="carer@example.org")
    client = client_for(type("P", (), {"user": user})())
    for path in ("/api/profile/", "/api/logs/", "/api/alerts/", "/api/logs/2026-05-01/", "/api/caregivers/"):
        response = client.get(path)
        assert response.status_code == 403, path
        assert "no patient profile" in response.json()["errors"][0]["message"]
    assert client.get("/api/notifications/").status_code == 200
    assert client.get("/api/notification-preferences/").status_code == 200


@pytest.mark.django_db
def test_anonymous_gets_401():
    for path in ("/api/notifications/", "/api/notification-preferences/", "/api/patients/", "/api/caregivers/"):
        assert APIClient().get(path).status_code == 401, path
