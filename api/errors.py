"""One error shape for the whole API:

    {"errors": [{"field": "strength_left", "message": "must be between 0 and 10"}]}

`field` is null for errors that belong to no single field (authentication, permissions).
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler


def error_response_handler(exc, context):
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


def error_response(field: str | None, message: str, status_code: int = status.HTTP_400_BAD_REQUEST) -> Response:
    return Response({"errors": [{"field": field, "message": message}]}, status=status_code)


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
