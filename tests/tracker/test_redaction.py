"""No share token, invitation code or password reaches a log line, an error report or the 500 page."""

import io
import logging
import re
import threading
import urllib.request
from urllib.error import HTTPError

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tracker.redaction import REDACTED, SECRET_NAME, RedactSecretsFilter, redact
from tracker.services.sharing import share_create

SECRET = "SeCrEt0123456789abcdef"


@pytest.fixture
def app_log():
    """What the app's configured log handlers write (settings.LOGGING), as text."""
    stream = io.StringIO()
    handlers = [
        handler
        for logger in (logging.getLogger(), logging.getLogger("django.server"))
        for handler in logger.handlers
        if any(isinstance(f, RedactSecretsFilter) for f in handler.filters)
        and isinstance(handler, logging.StreamHandler)
    ]
    assert handlers, "settings.LOGGING configures no redacting stream handler"
    previous = [handler.setStream(stream) for handler in handlers]
    yield stream
    for handler, old in zip(handlers, previous, strict=True):
        handler.setStream(old)


@pytest.fixture
def error_reports(settings):
    """Django's error reports (the mail_admins handler of settings.LOGGING) go to mail.outbox."""
    settings.ADMINS = ["ops@example.org"]
    return mail.outbox


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Too Many Requests: /s/abc-DEF_1/logs.csv", f"Too Many Requests: /s/{REDACTED}/logs.csv"),
        ('"GET /s/abc/ HTTP/1.1" 404 10', f'"GET /s/{REDACTED}/ HTTP/1.1" 404 10'),
        ("/following/?code=abc123&x=1", f"/following/?code={REDACTED}&x=1"),
        ("code=abc123&x=1", f"code={REDACTED}&x=1"),
        ("/login/?next=/following/%3Fcode%3Dabc123", f"/login/?next=/following/%3Fcode%3D{REDACTED}"),
        ("/reset/MQ/c4x-9a8b7c/", f"/reset/MQ/{REDACTED}/"),
        ("/verify-email/eyJ1IjoxfQ:1t:sig/", f"/verify-email/{REDACTED}/"),
        ("/api/shares/12/ and /static/s.css", "/api/shares/12/ and /static/s.css"),
    ],
)
def test_redact_replaces_the_secret_and_keeps_the_rest(text, expected):
    assert redact(text) == expected


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def test_every_route_with_a_secret_in_its_path_is_redacted():
    """A new URL whose parameter is named like a secret (token, code, key...) must match SECRET_IN_URL."""
    checked = 0
    for route in _routes(get_resolver().url_patterns):
        names = re.findall(r"<(?:\w+:)?(\w+)>", route)
        if not any(SECRET_NAME.search(name) for name in names):
            continue
        path = "/" + re.sub(
            r"<(?:\w+:)?(\w+)>", lambda m: SECRET if SECRET_NAME.search(m.group(1)) else "1", route.lstrip("^")
        )
        assert SECRET not in redact(path), f"{route}: add its secret to tracker.redaction.SECRET_IN_URL"
        checked += 1
    assert checked >= 4, "the share-link routes at least"


def test_a_share_token_never_reaches_the_log_the_error_report_or_the_500_page(
    patient, settings, monkeypatch, app_log, error_reports
):
    token = share_create(patient=patient)[1]
    client = Client(raise_request_exception=False)

    assert client.get(f"/s/{token[:-2]}xy/").status_code == 404

    def printer_fails(**page):
        raise RuntimeError(f"could not print /s/{token}/summary.pdf")

    monkeypatch.setattr("tracker.services.summary_pdf.summary_pdf", printer_fails)
    assert client.get(f"/s/{token}/summary.pdf", HTTP_AUTHORIZATION=f"Token {SECRET}").status_code == 500

    settings.DEBUG = True
    page = client.get(f"/s/{token}/summary.pdf").content.decode()
    settings.DEBUG = False
    assert "could not print" in page, "the DEBUG page is the error report itself"
    assert token not in page

    settings.SHARE_RATE_LIMIT_REQUESTS = 3
    statuses = [client.get(f"/s/{token}/logs.csv").status_code for _ in range(4)]
    assert statuses[-1] == 429

    log = app_log.getvalue()
    assert f"Not Found: /s/{REDACTED}/" in log
    assert f"Internal Server Error: /s/{REDACTED}/summary.pdf" in log
    assert f"RuntimeError: could not print /s/{REDACTED}/summary.pdf" in log
    assert f"Too Many Requests: /s/{REDACTED}/logs.csv" in log
    [report] = [m for m in error_reports if "Internal Server Error" in m.subject]
    assert f"/s/{REDACTED}/summary.pdf" in report.subject + report.body
    for text in (log, report.subject, report.body):
        assert token not in text and token[:-2] not in text
        assert SECRET not in text


@pytest.mark.django_db
def test_an_invitation_code_never_reaches_the_log_or_the_error_report(monkeypatch, app_log, error_reports):
    carer = get_user_model().objects.create_user(username="carer", password="a long enough passphrase 42")
    client = Client(raise_request_exception=False)
    client.force_login(carer)

    def page_fails(request, code):
        raise RuntimeError("the page broke")

    monkeypatch.setattr("frontend.views.following.remember_invitation", page_fails)
    assert client.get(f"/following/?code={SECRET}").status_code == 500
    assert client.post("/api/caregivers/accept/", {"token": SECRET}, content_type="application/json").status_code in (
        400,
        403,
    )

    log = app_log.getvalue()
    assert "Internal Server Error: /following/" in log
    [report] = [m for m in error_reports if "Internal Server Error" in m.subject]
    assert f"code={REDACTED}" in report.body
    for text in (log, report.subject, report.body):
        assert SECRET not in text


@pytest.mark.django_db
def test_a_password_never_reaches_the_log(make_patient, app_log):
    make_patient(username="frank")
    assert Client().post("/login/", {"username": "frank", "password": SECRET}).status_code == 200
    response = Client().post(
        "/api/auth/token/", {"username": "frank", "password": SECRET}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "Bad Request: /api/auth/token/" in app_log.getvalue()
    assert SECRET not in app_log.getvalue()


def test_the_development_server_request_line_is_redacted(app_log):
    server = WSGIServer(("127.0.0.1", 0), WSGIRequestHandler)
    server.set_app(WSGIHandler())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        # Signed out, the page redirects to sign-in without touching the database (an invitation link keeps its
        # code in the session, which would).
        request = urllib.request.Request(f"http://127.0.0.1:{server.server_port}/history/?code={SECRET}")
        with pytest.raises(HTTPError) as answer:
            urllib.request.build_opener(_NoRedirect).open(request, timeout=10)
        assert answer.value.code == 302
        answer.value.close()
    finally:
        server.shutdown()
        server.server_close()
    log = app_log.getvalue()
    assert f"GET /history/?code={REDACTED} HTTP/1.1" in log
    assert SECRET not in log


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
