"""Every request body the API cannot read answers 400 in the error shape, signed in or not."""

import pytest
from django.test import Client
from rest_framework.parsers import MultiPartParser

from tests.conftest import client_for

NESTED = b"[" * 100_000


def _assert_body_error(response, words: str):
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/json"
    [error] = response.json()["errors"]
    assert error["field"] is None
    assert words in error["message"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "words"),
    [
        (NESTED, "nested too deeply"),
        (b'{"username": "a", ', "JSON parse error"),
        (b'{"username": NaN}', "JSON parse error"),
        (b'{"username": "\xff\xfe"}', "not valid utf-8"),
        (b"1" * 5000, "JSON parse error"),
    ],
)
def test_a_body_that_is_no_json_gets_a_400_before_sign_in(body, words):
    response = Client().post("/api/auth/token/", body, content_type="application/json")
    _assert_body_error(response, words)


def test_a_deeply_nested_body_gets_a_400_when_signed_in_too(patient):
    response = client_for(patient).generic("POST", "/api/logs/", NESTED, content_type="application/json")
    _assert_body_error(response, "nested too deeply")


@pytest.mark.django_db
def test_an_oversized_json_body_is_refused_without_reading_it_all(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = Client().post(
        "/api/auth/register/", b'{"username": "' + b"a" * 5000 + b'"}', content_type="application/json"
    )
    _assert_body_error(response, "larger than 1000 bytes")


@pytest.mark.django_db
def test_an_oversized_form_body_is_refused(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = Client().post(
        "/api/auth/token/", "username=" + "a" * 5000, content_type="application/x-www-form-urlencoded"
    )
    _assert_body_error(response, "larger than 1000 bytes")


@pytest.mark.django_db
def test_a_form_with_too_many_fields_is_refused(settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    body = "&".join(f"f{n}=x" for n in range(50))
    response = Client().post("/api/auth/token/", body, content_type="application/x-www-form-urlencoded")
    _assert_body_error(response, "more than 10 fields")


@pytest.mark.django_db
def test_an_oversized_multipart_field_is_refused(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = Client().post("/api/auth/token/", {"username": "a" * 5000, "password": "x"})
    _assert_body_error(response, "larger than 1000 bytes")


@pytest.mark.django_db
def test_a_broken_multipart_body_is_refused():
    response = Client().post("/api/auth/token/", b"--nope\r\nnot a part", content_type="multipart/form-data")
    _assert_body_error(response, "Multipart form parse error")


def test_every_api_view_reads_bodies_with_the_bounded_parsers():
    from django.urls import get_resolver

    from api import parsers

    allowed = {parsers.JSONParser, parsers.FormParser, MultiPartParser}
    api_patterns = next(p for p in get_resolver().url_patterns if str(p.pattern) == "api/").url_patterns
    for pattern in api_patterns:
        view = getattr(pattern.callback, "cls", None)
        if view is not None and hasattr(view, "parser_classes"):
            assert set(view.parser_classes) <= allowed, f"{pattern.pattern}: {view.parser_classes}"
