"""Secrets that travel in URLs never reach a log line, an error report or the 500 page.

Share links, carer invitations, password resets and email verification carry their secret in
the URL. Django logs the path of every 4xx/5xx ("Too Many Requests: /s/<token>/logs.csv"),
runserver logs every request line, and an error report shows the URL, the query string, the
POST fields and each frame's local variables. One list, SECRET_IN_URL, says where a secret sits;
the log filter and the error reporter below both redact through it. A new secret-bearing URL
adds one line there (tests/tracker/test_redaction.py fails for a route whose secret it misses).
"""

import copy
import logging
import re

from django.http import HttpRequest, QueryDict
from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

REDACTED = "[redacted]"
_SEGMENT = r"[^/?#&\s\"'<>]+"
_QUERY_START = r"(?:^|[?&;]|%3F|%26)"
_EQUALS = r"(?:=|%3D)"

# Each pattern's group "secret" is what gets replaced.
SECRET_IN_URL = [
    # A physician's share link: /s/<token>/, /s/<token>/summary.pdf, ...
    rf"/s/(?P<secret>{_SEGMENT})",
    # A password reset link (Django's PasswordResetConfirmView): /reset/<uidb64>/<token>/
    rf"/reset/{_SEGMENT}/(?P<secret>{_SEGMENT})",
    # An email verification link: /verify/<signed value>/, /verify-email/<signed value>/
    rf"/verify[\w-]*/(?P<secret>{_SEGMENT})",
    # A secret in a query string, plain or percent-encoded inside ?next=: ?code=<invitation code>, ?token=...
    rf"{_QUERY_START}(?:code|token|key|signature|password|secret){_EQUALS}(?P<secret>[^&#\s\"'<>%]+)",
]
_PATTERNS = [re.compile(pattern, re.IGNORECASE) for pattern in SECRET_IN_URL]
# Names of fields and variables whose values are secrets, whatever they hold.
SECRET_NAME = re.compile(r"token|code|key|secret|password|passwd|signature|auth|cookie|csrf", re.IGNORECASE)


def redact(text: str) -> str:
    for pattern in _PATTERNS:
        text = pattern.sub(_redact_match, text)
    return text


def _redact_match(match: re.Match) -> str:
    start, end = match.span("secret")
    whole = match.group(0)
    offset = match.start()
    return whole[: start - offset] + REDACTED + whole[end - offset :]


def redacted_request(request: HttpRequest) -> HttpRequest:
    """A copy of the request whose path, query string and headers carry no secret, for logs and reports."""
    clone = copy.copy(request)
    clone.path = redact(request.path)
    clone.path_info = redact(request.path_info)
    clone.META = {
        name: REDACTED if SECRET_NAME.search(name) else (redact(value) if isinstance(value, str) else value)
        for name, value in request.META.items()
    }
    clone.GET = QueryDict(clone.META.get("QUERY_STRING", ""))
    clone.POST = _redacted_fields(request.POST) if hasattr(request, "_post") else QueryDict()
    clone.COOKIES = {}
    return clone


def _redacted_fields(fields: QueryDict) -> QueryDict:
    clone = fields.copy()
    for name in clone:
        if SECRET_NAME.search(name):
            clone.setlist(name, [REDACTED])
        else:
            clone.setlist(name, [redact(value) if isinstance(value, str) else value for value in clone.getlist(name)])
    return clone


class RedactSecretsFilter(logging.Filter):
    """On every handler (settings.LOGGING): the message, its traceback and its request lose their secrets."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = redact(record.getMessage()), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        request = getattr(record, "request", None)
        if isinstance(request, HttpRequest):
            record.request = redacted_request(request)
        return True


class RedactingReporterFilter(SafeExceptionReporterFilter):
    """Each frame's local variables in an error report: secret-named ones hidden, secrets in URLs redacted."""

    def get_traceback_frame_variables(self, request, tb_frame):
        return [
            (name, REDACTED if SECRET_NAME.search(name) else value)
            for name, value in super().get_traceback_frame_variables(request, tb_frame)
        ]

    def cleanse_special_types(self, request, value):
        value = super().cleanse_special_types(request, value)
        if isinstance(value, HttpRequest):
            return redacted_request(value)
        if isinstance(value, str):
            return redact(value)
        if isinstance(value, dict):
            return {
                key: REDACTED
                if isinstance(key, str) and SECRET_NAME.search(key)
                else self.cleanse_special_types(request, item)
                for key, item in value.items()
            }
        if isinstance(value, (list, tuple)):
            return type(value)(self.cleanse_special_types(request, item) for item in value)
        return value


class RedactingExceptionReporter(ExceptionReporter):
    """Django's error report (the DEBUG 500 page, emails to ADMINS), its request and messages redacted too."""

    def __init__(self, request, exc_type, exc_value, tb, is_email=False):
        super().__init__(redacted_request(request) if request is not None else None, exc_type, exc_value, tb, is_email)

    def get_traceback_data(self):
        data = super().get_traceback_data()
        if "exception_value" in data:
            data["exception_value"] = redact(str(data["exception_value"]))
        for frame in data["frames"]:
            frame["vars"] = [(name, redact(value)) for name, value in frame.get("vars", [])]
            if frame.get("exc_cause") is not None:
                frame["exc_cause"] = redact(str(frame["exc_cause"]))
        return data
