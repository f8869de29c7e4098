import time

from django.contrib.auth import SESSION_KEY
from django.db import DatabaseError

from tracker.services.devices import SEEN_EVERY, web_session_seen

SEEN = "_device_seen"


class SignedInBrowserMiddleware:
    """Keeps the list of browsers an account is signed in on (Settings > Your account) current.

    Sessions that existed before the list are added the first time they are used.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or SESSION_KEY not in session or not session.session_key:
            return response
        now = int(time.time())
        # A new key (signing in, or a password change, cycles it) is a new row, whenever it was last seen.
        seen_key, seen_at = session.get(SEEN, ("", 0))
        if seen_key != session.session_key or now - seen_at >= SEEN_EVERY.total_seconds():
            try:
                web_session_seen(
                    session_key=session.session_key,
                    user_id=session[SESSION_KEY],
                    user_agent=request.META.get("HTTP_USER_AGENT", ""),
                )
            except DatabaseError:
                # The database is down (the page already says so, a 503): the list can wait for the next request.
                return response
            session[SEEN] = (session.session_key, now)
        return response
