"""Headers, password hashing and the 503 of an unreachable database."""

import pytest
from django.contrib.auth.hashers import check_password, make_password
from django.db import OperationalError
from django.test import Client

import tracker.settings as production


def test_production_hashes_passwords_with_argon2(settings):
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    encoded = make_password("a long enough passphrase 42", hasher="argon2")
    assert encoded.startswith("argon2$argon2id$")
    assert check_password("a long enough passphrase 42", encoded)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/api/schema/", "/admin/login/"])
def test_every_page_sends_the_security_headers(path):
    response = Client().get(path, secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"


def test_a_database_outage_is_a_503_in_the_error_shape_for_the_api(api, monkeypatch):
    def unreachable(**kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("api.views.logs.logs_for", unreachable)
    response = api.get("/api/logs/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response.json() == {
        "errors": [{"field": None, "message": "the service is briefly unavailable; try again in a moment"}]
    }


def test_a_database_outage_is_a_503_for_a_page(monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("frontend.views.pages.render", unreachable)
    response = Client(raise_request_exception=False).get("/learn/")
    assert response.status_code == 503
    assert response.json()["errors"][0]["message"].startswith("the service is briefly unavailable")
