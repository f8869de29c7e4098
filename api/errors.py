"""One error shape for the whole API:

    {"errors": [{"field": "strength_left", "message": "must be between 0 and 10"}]}

`field` is null for errors that belong to no single field (authentication, permissions).
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation, TooManyFieldsSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

# The database is down or restarting: say so and let the client retry, instead of a 500.
DATABASE_ERRORS = (OperationalError, InterfaceError)
DATABASE_UNAVAILABLE_MESSAGE = "the service is briefly unavailable; try again in a moment"
DATABASE_RETRY_AFTER_SECONDS = 5


def error_response_handler(exc, context):
    if isinstance(exc, DATABASE_ERRORS):
        response = error_response(None, DATABASE_UNAVAILABLE_MESSAGE, status.HTTP_503_SERVICE_UNAVAILABLE)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
        return response
    if isinstance(exc, SuspiciousOperation):
        # Django's own form and multipart parsing refuse a body this way; anything else suspicious is a 400 too.
        return error_response(None, _suspicious_body_message(exc))
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
    response = exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        errors = list(_flatten(exc.detail))
    else:
        errors = [{"field": None, "message": str(response.data.get("detail", response.status_text))}]
    response.data = {"errors": errors}
    return response


def _suspicious_body_message(exc: SuspiciousOperation) -> str:
    if isinstance(exc, RequestDataTooBig):
        return f"the request body is larger than {settings.DATA_UPLOAD_MAX_MEMORY_SIZE} bytes"
    if isinstance(exc, TooManyFieldsSent):
        return f"the request has more than {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS} fields"
    return "the request could not be read"


def error_response(field: str | None, message: str, status_code: int = status.HTTP_400_BAD_REQUEST) -> Response:
    return Response({"errors": [{"field": field, "message": message}]}, status=status_code)


def database_unavailable_response() -> JsonResponse:
    """The 503 for pages outside DRF, in the same shape."""
    response = JsonResponse({"errors": [{"field": None, "message": DATABASE_UNAVAILABLE_MESSAGE}]}, status=503)
    response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
    return response


def too_many_requests_response(retry_after: int, message: str) -> Response:
    response = error_response(None, message, status_code=status.HTTP_429_TOO_MANY_REQUESTS)
    response["Retry-After"] = str(retry_after)
    return response


def _flatten(detail, path: str | None = None):
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = None if key in ("non_field_errors", "__all__") else str(key)
            yield from _flatten(value, _join(path, name, key))
    elif isinstance(detail, list):
        if all(not isinstance(item, (dict, list)) for item in detail):
            for message in detail:
                yield {"field": path, "message": str(message)}
        else:
            for index, item in enumerate(detail):
                if item:
                    yield from _flatten(item, f"{path}[{index}]" if path else f"[{index}]")
    else:
        yield {"field": path, "message": str(detail)}


def _join(path, name, key):
    if name is None:
        return path
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{name}" if path else name
