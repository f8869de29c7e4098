import logging

from api.errors import DATABASE_ERRORS, database_unavailable_response

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """A page whose database is unreachable answers 503 (the API does so in api/errors.py).

    Django closes the broken connection at the end of the request and, with CONN_HEALTH_CHECKS,
    the next request opens a fresh one: no restart of the app is needed once the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.warning("database unavailable during %s %s", request.method, request.path, exc_info=True)
            return database_unavailable_response()
        return None
