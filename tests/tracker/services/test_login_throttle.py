import time

import pytest
import redis
from django.test import Client
from rest_framework.test import APIClient

from tracker.services.login_throttle import client_network, delay_after, login_failed, login_wait

PASSWORD = "a long enough passphrase 42"
ATTACKER, VICTIM_HOME = "203.0.113.66", "198.51.100.7"


@pytest.fixture(autouse=True)
def _fresh_login_counters(redis_url):
    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(match="*login:*"):
        client.delete(key)


def _token(client, username, password):
    return client.post("/api/auth/token/", {"username": username, "password": password}, format="json")


def test_wrong_passwords_from_one_address_never_lock_the_owner_out_elsewhere(patient, settings):
    """The attack of issue 14 item 6: five wrong passwords for bob from anywhere locked bob out everywhere."""
    attacker = APIClient(REMOTE_ADDR=ATTACKER)
    username = patient.user.username
    for _ in range(settings.LOGIN_FAILURE_LIMIT + 3):
        _token(attacker, username, "wrong")
    assert _token(APIClient(REMOTE_ADDR=VICTIM_HOME), username, PASSWORD).status_code == 200
    # The same /24 as the attacker (a hospital or carrier-grade NAT) is another address: not slowed either.
    assert _token(APIClient(REMOTE_ADDR="203.0.113.67"), username, PASSWORD).status_code == 200


def test_the_guessing_address_is_slowed_and_told_how_long_to_wait(patient, settings):
    attacker = APIClient(REMOTE_ADDR=ATTACKER)
    username = patient.user.username
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        assert _token(attacker, username, "wrong").status_code == 400
    assert _token(attacker, username, "wrong").status_code == 400  # the last free one starts the wait
    slowed = _token(attacker, username, PASSWORD)
    assert slowed.status_code == 429
    [error] = slowed.json()["errors"]
    assert error["message"].startswith("Too many wrong passwords for this account from this connection. Wait ")
    assert 1 <= int(slowed["Retry-After"]) <= 2


def test_each_failure_past_the_free_ones_doubles_the_wait_up_to_the_cap():
    assert [delay_after(n, free=5, cap=900) for n in range(1, 8)] == [0, 0, 0, 0, 1, 2, 4]
    assert delay_after(30, free=5, cap=900) == 900


def test_the_count_survives_the_wait_so_waiting_does_not_reset_it(settings):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        login_failed(username="someone", remote_addr=ATTACKER)
    first = login_wait(username="someone", remote_addr=ATTACKER)
    assert first is not None and first.seconds <= 2
    time.sleep(first.seconds)
    assert login_wait(username="someone", remote_addr=ATTACKER) is None
    login_failed(username="someone", remote_addr=ATTACKER)
    assert login_wait(username="someone", remote_addr=ATTACKER).seconds >= 2


def test_a_success_resets_that_address_only(patient, settings):
    client = APIClient(REMOTE_ADDR=ATTACKER)
    username = patient.user.username
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        _token(client, username, "wrong")
    assert _token(client, username, PASSWORD).status_code == 200
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        _token(client, username, "wrong")
    assert _token(client, username, PASSWORD).status_code == 200


def test_one_address_guessing_many_usernames_is_slowed_briefly_and_only_there(make_patient, settings):
    settings.LOGIN_NETWORK_FAILURE_LIMIT = 6
    victim = make_patient()
    client = APIClient(REMOTE_ADDR=ATTACKER)
    for number in range(6):
        _token(client, f"nobody{number}", "guess")
    slowed = _token(client, victim.user.username, PASSWORD)
    assert slowed.status_code == 429
    assert slowed.json()["errors"][0]["message"].startswith("Too many wrong passwords were typed from this connection.")
    assert int(slowed["Retry-After"]) <= settings.LOGIN_NETWORK_MAX_DELAY_SECONDS
    assert _token(APIClient(REMOTE_ADDR="192.0.2.1"), victim.user.username, PASSWORD).status_code == 200


def test_the_sign_in_page_says_how_long_to_wait(patient, settings):
    browser = Client(REMOTE_ADDR=ATTACKER)
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        browser.post("/login/", {"username": patient.user.username, "password": "wrong"})
    page = browser.post("/login/", {"username": patient.user.username, "password": PASSWORD})
    assert page.status_code == 200
    assert "Too many wrong passwords for this account from this connection." in page.content.decode()
    assert "_auth_user_id" not in browser.session
    elsewhere = Client(REMOTE_ADDR=VICTIM_HOME)
    assert elsewhere.post("/login/", {"username": patient.user.username, "password": PASSWORD})["Location"] == "/"


def test_the_admin_login_shares_the_throttle(settings, django_user_model):
    staff = django_user_model.objects.create_user("staffer", password=PASSWORD, is_staff=True, is_superuser=True)
    browser = Client(REMOTE_ADDR=ATTACKER)
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        browser.post("/admin/login/", {"username": staff.username, "password": "wrong"})
    refused = browser.post("/admin/login/?next=/admin/", {"username": staff.username, "password": PASSWORD})
    assert refused.status_code == 200  # the form again, not the redirect of a signed-in staff member
    assert "_auth_user_id" not in browser.session


@pytest.mark.parametrize(
    ("address", "network"),
    [
        ("203.0.113.66", "203.0.113.66"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("::ffff:203.0.113.66", "203.0.113.66"),
        ("", "unknown"),
    ],
)
def test_the_throttled_unit_is_one_host(address, network):
    assert client_network(address) == network


def test_a_token_request_whose_body_is_not_an_object_is_a_400():
    """Found by schemathesis: a JSON array body was a 500."""
    response = APIClient().post("/api/auth/token/", [None, None], format="json")
    assert response.status_code == 400
    assert response.json()["errors"]
