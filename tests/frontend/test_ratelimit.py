"""Issue 14 item 14: sign-ups per client address and invitations per account and per address are limited."""

import pytest
from django.test import Client
from rest_framework.test import APIClient

from tests.conftest import client_for

PASSWORD = "a long enough passphrase 42"


def _register(client, number):
    return client.post(
        "/api/auth/register/",
        {"username": f"user{number}", "email": f"u{number}@example.org", "password": PASSWORD, "timezone": "UTC"},
        format="json",
    )


@pytest.mark.django_db
def test_sign_ups_from_one_address_are_limited_and_others_still_sign_up(settings):
    settings.SIGNUP_RATE_LIMIT_REQUESTS = 3
    robot = APIClient(REMOTE_ADDR="203.0.113.5")
    assert [_register(robot, n).status_code for n in range(4)] == [201, 201, 201, 429]
    refused = _register(robot, 9)
    message = refused.json()["errors"][0]["message"]
    assert message.startswith("Too many accounts were made from this connection. Try again in")
    assert 0 < int(refused["Retry-After"]) <= settings.SIGNUP_RATE_LIMIT_WINDOW_SECONDS
    assert _register(APIClient(REMOTE_ADDR="203.0.113.6"), 10).status_code == 201


@pytest.mark.django_db
def test_the_sign_up_page_shares_the_limit_and_says_so(settings):
    settings.SIGNUP_RATE_LIMIT_REQUESTS = 1
    browser = Client(REMOTE_ADDR="203.0.113.7")
    form = {"username": "first", "email": "f@example.org", "password": PASSWORD, "timezone": "UTC"}
    assert browser.post("/signup/", form).status_code == 302
    browser.post("/logout/")
    page = browser.post("/signup/", {**form, "username": "second"})
    assert page.status_code == 200
    assert "Too many accounts were made from this connection." in page.content.decode()


def test_invitations_are_limited_per_account_and_per_address(make_patient, settings):
    settings.INVITATION_RATE_LIMIT_PER_ACCOUNT = 3
    settings.INVITATION_RATE_LIMIT_PER_ADDRESS = 5
    first, second = client_for(make_patient()), client_for(make_patient())
    for client in (first, second):
        client.defaults["REMOTE_ADDR"] = "203.0.113.8"

    def invite(client, number):
        return client.post("/api/caregivers/", {"email": f"c{number}@example.org"}, format="json").status_code

    assert [invite(first, n) for n in range(4)] == [201, 201, 201, 429]
    assert [invite(second, n) for n in range(2)] == [201, 429], "the address has spent its five"
    refused = first.post("/api/caregivers/", {"email": "x@example.org"}, format="json")
    assert refused.json()["errors"][0]["message"].startswith("You have sent many invitations today.")
