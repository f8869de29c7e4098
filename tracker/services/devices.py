"""Where an account is signed in: API tokens (one per device, hashed, expiring) and browser sessions.

Signing out, revoking a device, and ending every other sign-in when the password or email changes.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from knox.models import AuthToken

from tracker.models import ApiDevice, WebSession
from tracker.services.accounts import sessions_of

SEEN_EVERY = timedelta(minutes=5)


def describe_user_agent(user_agent: str) -> str:
    """ "Chrome on Android", "Safari on iPhone": enough for a person to recognise their own device."""
    text = user_agent or ""
    system = next(
        (name for marker, name in _SYSTEMS if marker in text),
        "",
    )
    browser = next((name for marker, name in _BROWSERS if marker in text), "")
    if browser and system:
        return f"{browser} on {system}"
    return browser or system or text[:60] or "Unknown device"


_SYSTEMS = (
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("Windows", "Windows"),
    ("Mac OS X", "Mac"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
)
# Order matters: Edge and Samsung's browser also say "Chrome", Chrome also says "Safari".
_BROWSERS = (
    ("Edg/", "Edge"),
    ("SamsungBrowser", "Samsung Internet"),
    ("Firefox/", "Firefox"),
    ("FxiOS", "Firefox"),
    ("CriOS", "Chrome"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
    ("python-requests", "A program (python-requests)"),
    ("okhttp", "An Android app"),
)


@transaction.atomic
def issue_api_token(*, user, device: str) -> tuple[AuthToken, str]:
    """A new token for one device; the raw token is returned once and never stored. The oldest go past the cap."""
    token, raw = AuthToken.objects.create(user=user, expiry=timedelta(days=settings.API_TOKEN_TTL_DAYS))
    ApiDevice.objects.create(token=token, name=device[:120])
    keep = (
        AuthToken.objects.filter(user=user)
        .order_by("-created")
        .values_list("pk", flat=True)[: settings.API_TOKENS_PER_ACCOUNT]
    )
    AuthToken.objects.filter(user=user).exclude(pk__in=list(keep)).delete()
    return token, raw


def web_session_seen(*, session_key: str, user_id, user_agent: str) -> None:
    """Record (at most every few minutes) that this browser session is in use, so Settings can list it."""
    now = timezone.now()
    updated = WebSession.objects.filter(session_id=session_key, user_id=user_id).update(last_used_at=now)
    if not updated and Session.objects.filter(pk=session_key).exists():
        WebSession.objects.get_or_create(
            session_id=session_key,
            defaults={"user_id": user_id, "device": describe_user_agent(user_agent), "last_used_at": now},
        )


def device_sign_out(*, user, public_id) -> bool:
    """Ends one of the user's sign-ins (an API token or a browser session); False if they have none by that id."""
    deleted, _ = AuthToken.objects.filter(user=user, device__public_id=public_id).delete()
    if deleted:
        return True
    session_ids = list(WebSession.objects.filter(user=user, public_id=public_id).values_list("session_id", flat=True))
    deleted, _ = Session.objects.filter(pk__in=session_ids).delete()
    return bool(deleted)


def end_other_sign_ins(*, user, keep_session_key: str | None = None, keep_token: AuthToken | None = None) -> None:
    """After a password or email change: every other browser and device must sign in again."""
    tokens = AuthToken.objects.filter(user=user)
    if keep_token is not None:
        tokens = tokens.exclude(pk=keep_token.pk)
    tokens.delete()
    Session.objects.filter(pk__in=[key for key in sessions_of(user.pk) if key != keep_session_key]).delete()
