"""Request-body parsers that answer every malformed, oversized or too deeply nested body with a 400.

DRF's own parsers read the whole body whatever its size (they bypass DATA_UPLOAD_MAX_MEMORY_SIZE) and
let a RecursionError from a deeply nested JSON document (`[` x 100 000) escape as a 500.
"""

from django.conf import settings
from django.http import QueryDict
from rest_framework import parsers
from rest_framework.exceptions import ParseError
from rest_framework.utils import json


def read_body(stream, parser_context: dict | None) -> bytes:
    """The whole body, refused once it is longer than DATA_UPLOAD_MAX_MEMORY_SIZE."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    body = stream.read(limit + 1) if stream is not None else b""
    if len(body) > limit:
        raise ParseError(f"the request body is larger than {limit} bytes")
    return body


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        encoding = parsers.get_encoding(parser_context or {})
        body = read_body(stream, parser_context)
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError:
            raise ParseError(f"the request body is not valid {encoding} text") from None
        try:
            return json.loads(text, parse_constant=json.strict_constant if self.strict else None)
        except RecursionError:
            raise ParseError("the JSON is nested too deeply") from None
        except ValueError as error:
            raise ParseError(f"JSON parse error - {error}") from None


class FormParser(parsers.FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        return QueryDict(read_body(stream, parser_context), encoding=parsers.get_encoding(parser_context or {}))
