"""Signed-in page sessions end after SESSION_IDLE_TIMEOUT_MINUTES without a request; each request restarts it."""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone


def _signed_in(patient) -> Client:
    client = Client()
    response = client.post("/login/", {"username": patient.user.username, "password": "a long enough passphrase 42"})
    assert response.status_code == 302
    return client


def _session_expiry(client) -> datetime:
    return Session.objects.get(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value).expire_date


def test_the_idle_timeout_is_half_an_hour_and_each_request_restarts_it(patient):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    client = _signed_in(patient)
    first = _session_expiry(client)
    assert timedelta(minutes=29) < first - timezone.now() <= timedelta(minutes=30)
    response = client.get("/settings/")
    assert response.status_code == 200
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 30 * 60
    assert _session_expiry(client) > first


def test_a_session_idle_past_the_timeout_must_sign_in_again(patient):
    client = _signed_in(patient)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get("/settings/")
    assert response.status_code == 302
    assert response["Location"].startswith(settings.LOGIN_URL)


def test_each_middleware_is_listed_once():
    assert len(settings.MIDDLEWARE) == len(set(settings.MIDDLEWARE))
    assert "django.middleware.csp.ContentSecurityPolicyMiddleware" in settings.MIDDLEWARE
