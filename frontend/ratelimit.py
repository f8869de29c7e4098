"""Fixed-window request counters in the shared cache (Redis), so every web process counts together.

Each limit is counted per subject: a client network, an address, or an account. A request over any of its
limits is refused with how long to wait; when Redis is down nothing is refused (see each caller's reason).
"""

import hashlib
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from tracker.services.login_throttle import client_network, wait_in_words
from tracker.services.sharing import rough_network

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limit:
    name: str
    requests_setting: str
    window_setting: str

    @property
    def requests(self) -> int:
        return getattr(settings, self.requests_setting)

    @property
    def window(self) -> int:
        return getattr(settings, self.window_setting)


SIGNUP_PER_ADDRESS = Limit("signup-address", "SIGNUP_RATE_LIMIT_REQUESTS", "SIGNUP_RATE_LIMIT_WINDOW_SECONDS")
INVITATION_PER_ACCOUNT = Limit(
    "invitation-account", "INVITATION_RATE_LIMIT_PER_ACCOUNT", "INVITATION_RATE_LIMIT_WINDOW_SECONDS"
)
INVITATION_PER_ADDRESS = Limit(
    "invitation-address", "INVITATION_RATE_LIMIT_PER_ADDRESS", "INVITATION_RATE_LIMIT_WINDOW_SECONDS"
)
PASSWORD_RESET_PER_ADDRESS = Limit(
    "reset-address", "PASSWORD_RESET_RATE_LIMIT_PER_ADDRESS", "PASSWORD_RESET_RATE_LIMIT_WINDOW_SECONDS"
)
PASSWORD_RESET_PER_EMAIL = Limit(
    "reset-email", "PASSWORD_RESET_RATE_LIMIT_PER_EMAIL", "PASSWORD_RESET_RATE_LIMIT_WINDOW_SECONDS"
)
VERIFICATION_PER_ACCOUNT = Limit(
    "verification-account", "VERIFICATION_RATE_LIMIT_PER_ACCOUNT", "VERIFICATION_RATE_LIMIT_WINDOW_SECONDS"
)


def client_address(request) -> str:
    if settings.CLIENT_ADDRESS_FROM_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.rsplit(",", 1)[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def request_address(request) -> str:
    """The subject of per-address limits: one IPv4 address or IPv6 /64, as the sign-in throttle counts."""
    return client_network(client_address(request))


def spend(limit: Limit, subject: str) -> int:
    """Count one request against the limit; 0 when it is within it, else the seconds until the window ends."""
    window = limit.window
    now = time.time()
    # A digest: a subject may be an email address, which has no business in Redis.
    digest = hashlib.sha256(subject.encode()).hexdigest()[:32]
    key = f"ratelimit:{limit.name}:{digest}:{int(now // window)}"
    try:
        cache.add(key, 0, timeout=window)
        count = cache.incr(key)
    except Exception:
        logger.warning("%s rate limit skipped: cache unavailable", limit.name, exc_info=True)
        return 0
    if count <= limit.requests:
        return 0
    return max(1, int(window - now % window))


def spend_all(*limits: tuple[Limit, str]) -> int:
    """Count the request against every (limit, subject); the longest wait of those it is over, else 0."""
    return max((spend(limit, subject) for limit, subject in limits), default=0)


def wait_message(seconds: int) -> str:
    return _("You asked for this many times. Try again in %(wait)s.") % {"wait": wait_in_words(seconds)}


def signup_wait_message(seconds: int) -> str:
    return _("Too many accounts were made from this connection. Try again in %(wait)s.") % {
        "wait": wait_in_words(seconds)
    }


def invitation_wait_message(seconds: int) -> str:
    return _("You have sent many invitations today. You can send more in %(wait)s.") % {"wait": wait_in_words(seconds)}


def share_request_allowed(request) -> bool:
    window = settings.SHARE_RATE_LIMIT_WINDOW_SECONDS
    key = f"ratelimit:share:{rough_network(client_address(request))}:{int(time.time() // window)}"
    try:
        cache.add(key, 0, timeout=window)
        count = cache.incr(key)
    except Exception:
        # Redis down: serve the physician rather than lock them out; the token is unguessable anyway.
        logger.warning("share rate limit skipped: cache unavailable", exc_info=True)
        return True
    return count <= settings.SHARE_RATE_LIMIT_REQUESTS
