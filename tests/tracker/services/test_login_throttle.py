import time

import pytest
import redis
from django.test import Client
from rest_framework.test import APIClient

from tracker.services.login_throttle import login_failed, login_retry_after

PASSWORD = "a long enough passphrase 42"


@pytest.fixture(autouse=True)
def _fresh_login_counters(redis_url):
    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(match="*login:*"):
        client.delete(key)


def _token(client, username, password):
    return client.post("/api/auth/token/", {"username": username, "password": password}, format="json")


def test_the_token_endpoint_locks_a_username_after_five_failures_and_says_when_to_retry(patient, settings):
    client = APIClient()
    username = patient.user.username
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        assert _token(client, username, "wrong").status_code == 400
    locked = _token(client, username, PASSWORD)
    assert locked.status_code == 429
    assert locked.json() == {"errors": [{"field": None, "message": "too many failed sign-ins; try again later"}]}
    assert 0 < int(locked["Retry-After"]) <= settings.LOGIN_LOCKOUT_SECONDS
    # Another client network is locked out of this username too: the lock is on the account.
    elsewhere = APIClient(REMOTE_ADDR="198.51.100.7")
    assert _token(elsewhere, username.upper(), PASSWORD).status_code == 429


def test_a_success_before_the_limit_resets_the_count(patient, settings):
    client = APIClient()
    username = patient.user.username
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        _token(client, username, "wrong")
    assert _token(client, username, PASSWORD).status_code == 200
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        _token(client, username, "wrong")
    assert _token(client, username, PASSWORD).status_code == 200


def test_one_network_guessing_many_usernames_is_locked(make_patient, settings):
    settings.LOGIN_NETWORK_FAILURE_LIMIT = 6
    victim = make_patient()
    client = APIClient(REMOTE_ADDR="203.0.113.9")
    for number in range(6):
        _token(client, f"nobody{number}", "guess")
    assert _token(client, victim.user.username, PASSWORD).status_code == 429
    assert _token(APIClient(REMOTE_ADDR="192.0.2.1"), victim.user.username, PASSWORD).status_code == 200


def test_the_session_login_shares_the_lockout(patient, settings, django_user_model):
    staff = django_user_model.objects.create_user("staffer", password=PASSWORD, is_staff=True, is_superuser=True)
    browser = Client()
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        browser.post("/admin/login/", {"username": staff.username, "password": "wrong"})
    refused = browser.post("/admin/login/?next=/admin/", {"username": staff.username, "password": PASSWORD})
    assert refused.status_code == 200  # the form again, not the redirect of a signed-in staff member
    assert "_auth_user_id" not in browser.session


def test_a_lockout_expires(settings):
    settings.LOGIN_LOCKOUT_SECONDS = 1
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        login_failed(username="someone", remote_addr="192.0.2.5")
    assert login_retry_after(username="someone", remote_addr="192.0.2.5") >= 1
    time.sleep(1.1)
    assert login_retry_after(username="someone", remote_addr="192.0.2.5") == 0


def test_a_token_request_whose_body_is_not_an_object_is_a_400():
    """Found by schemathesis: a JSON array body was a 500."""
    response = APIClient().post("/api/auth/token/", [None, None], format="json")
    assert response.status_code == 400
    assert response.json()["errors"]
