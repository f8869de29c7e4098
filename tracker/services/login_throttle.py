"""Lockout after repeated failed logins, counted in the shared cache (Redis) so every web process agrees.

A username is locked for LOGIN_LOCKOUT_SECONDS after LOGIN_FAILURE_LIMIT failures in that time; a client
network (IPv4 /24, IPv6 /48) after LOGIN_NETWORK_FAILURE_LIMIT failures, whatever the usernames it tries.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache

from tracker.services.sharing import rough_network

logger = logging.getLogger(__name__)


def login_retry_after(*, username: str, remote_addr: str) -> int:
    """Seconds until a login may be tried again for this username from this address; 0 when it may now."""
    try:
        until = max(
            cache.get(_lock_key("user", username.lower()), 0),
            cache.get(_lock_key("network", rough_network(remote_addr)), 0),
        )
    except Exception:
        # Redis down: let people sign in (Argon2 still makes guessing slow) rather than lock everyone out.
        logger.warning("login lockout skipped: cache unavailable", exc_info=True)
        return 0
    return max(0, int(until - time.time()) + 1) if until else 0


def login_failed(*, username: str, remote_addr: str) -> None:
    try:
        _count_failure("user", username.lower(), settings.LOGIN_FAILURE_LIMIT)
        _count_failure("network", rough_network(remote_addr), settings.LOGIN_NETWORK_FAILURE_LIMIT)
    except Exception:
        logger.warning("login failure not counted: cache unavailable", exc_info=True)


def login_succeeded(*, username: str) -> None:
    try:
        cache.delete(_failures_key("user", username.lower()))
    except Exception:
        logger.warning("login failures not reset: cache unavailable", exc_info=True)


def _count_failure(scope: str, subject: str, limit: int) -> None:
    window = settings.LOGIN_LOCKOUT_SECONDS
    key = _failures_key(scope, subject)
    cache.add(key, 0, timeout=window)
    if cache.incr(key) >= limit:
        # add, not set: failures during a lockout do not extend it.
        cache.add(_lock_key(scope, subject), time.time() + window, timeout=window)
        cache.delete(key)


def _failures_key(scope: str, subject: str) -> str:
    return f"login:failures:{scope}:{_digest(subject)}"


def _lock_key(scope: str, subject: str) -> str:
    return f"login:locked:{scope}:{_digest(subject)}"


def _digest(subject: str) -> str:
    # Any text can be typed as a username: a digest is a valid cache key and keeps names out of Redis.
    return hashlib.sha256(subject.encode()).hexdigest()
