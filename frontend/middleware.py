import contextlib
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
        # A new key (a password change cycles it) is a new row, whenever it was last seen.
        seen_key, seen_at = session.get(SEEN, ("", 0))
        if seen_key != session.session_key or time.time() - seen_at >= SEEN_EVERY.total_seconds():
            # The database down: the page already says so (a 503), and the list can wait.
            with contextlib.suppress(DatabaseError):
                record_browser(request, user_id=session[SESSION_KEY])
        return response


def record_browser(request, *, user_id) -> None:
    """Lists this browser under the account (now, and again after SEEN_EVERY), noting it in the session."""
    session = request.session
    web_session_seen(
        session_key=session.session_key, user_id=user_id, user_agent=request.META.get("HTTP_USER_AGENT", "")
    )
    session[SEEN] = (session.session_key, int(time.time()))


def record_sign_in(sender, request, user, **kwargs) -> None:
    """At sign-in, so the first page after it does not also write (connected in FrontendConfig.ready)."""
    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        record_browser(request, user_id=str(user.pk))
