"""Failed sign-ins slow the guesser down, counted in the shared cache (Redis) so every web process agrees.

What is throttled is the pair (username, client address), never the username alone: someone who types
wrong passwords for "bob" from their own connection makes *their* next tries wait, while bob, from any
address that has not failed, signs in at once. The first LOGIN_FAILURE_LIMIT failures of a pair cost
nothing (people mistype); each one after that doubles the wait before the next try, up to
LOGIN_LOCKOUT_SECONDS. The count is remembered for LOGIN_FAILURE_MEMORY_SECONDS, so waiting out one delay
does not reset it; a correct password from that address does.

One address spraying many usernames is slowed the same way, per address, after LOGIN_NETWORK_FAILURE_LIMIT
failures, with a short cap (LOGIN_NETWORK_MAX_DELAY_SECONDS): a hospital or carrier-grade NAT puts many
people behind one address, so they are at worst made to wait a minute, never locked out. The address is
exact for IPv4 and its /64 for IPv6 (one host), not a /24.
"""

import hashlib
import ipaddress
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Wait:
    seconds: int
    reason: str  # "account" (this username from here) or "network" (this address, any username)

    def message(self) -> str:
        """What the person is told, as a plain sentence."""
        wait = wait_in_words(self.seconds)
        if self.reason == "network":
            return _("Too many wrong passwords were typed from this connection. Wait %(wait)s, then try again.") % {
                "wait": wait
            }
        return _(
            "Too many wrong passwords for this account from this connection. Wait %(wait)s and try again, "
            "or reset your password."
        ) % {"wait": wait}


def wait_in_words(seconds: int) -> str:
    """ "45 seconds", "3 minutes", "2 hours": a wait as a person would say it, rounded up."""
    if seconds < 60:
        return ngettext("%(n)d second", "%(n)d seconds", seconds) % {"n": seconds}
    if seconds < 2 * 60 * 60:
        minutes = -(-seconds // 60)
        return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}
    hours = -(-seconds // 3600)
    return ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours}


def client_network(remote_addr: str) -> str:
    """The unit a sign-in is throttled per: one IPv4 address, or one IPv6 /64 (what one host is given)."""
    try:
        address = ipaddress.ip_address(remote_addr)
    except ValueError:
        return "unknown"
    if address.version == 6:
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def login_wait(*, username: str, remote_addr: str) -> Wait | None:
    """How long before this username may be tried again from this address; None when it may be now."""
    network = client_network(remote_addr)
    pair_key, network_key = _next_try_key("pair", username, network), _next_try_key("net", network)
    try:
        until = cache.get_many([pair_key, network_key])
    except Exception:
        # Redis down: let people sign in (Argon2 still makes guessing slow) rather than lock everyone out.
        logger.warning("sign-in throttle skipped: cache unavailable", exc_info=True)
        return None
    pair_until, network_until = until.get(pair_key, 0), until.get(network_key, 0)
    now = time.time()
    if pair_until > now:
        return Wait(int(pair_until - now) + 1, "account")
    if network_until > now:
        return Wait(int(network_until - now) + 1, "network")
    return None


def login_retry_after(*, username: str, remote_addr: str) -> int:
    wait = login_wait(username=username, remote_addr=remote_addr)
    return wait.seconds if wait else 0


def login_failed(*, username: str, remote_addr: str) -> None:
    network = client_network(remote_addr)
    try:
        _count_failure(("pair", username, network), settings.LOGIN_FAILURE_LIMIT, settings.LOGIN_LOCKOUT_SECONDS)
        _count_failure(("net", network), settings.LOGIN_NETWORK_FAILURE_LIMIT, settings.LOGIN_NETWORK_MAX_DELAY_SECONDS)
    except Exception:
        logger.warning("sign-in failure not counted: cache unavailable", exc_info=True)


def login_succeeded(*, username: str, remote_addr: str) -> None:
    network = client_network(remote_addr)
    try:
        cache.delete_many([_failures_key("pair", username, network), _next_try_key("pair", username, network)])
    except Exception:
        logger.warning("sign-in failures not reset: cache unavailable", exc_info=True)


def delay_after(failures: int, free: int, cap: int) -> int:
    """Seconds to wait after the given number of failures: none for the first `free`, then 1, 2, 4... up to cap."""
    if failures < free:
        return 0
    return min(cap, 2 ** (failures - free))


def _count_failure(subject: tuple[str, ...], free: int, cap: int) -> None:
    memory = settings.LOGIN_FAILURE_MEMORY_SECONDS
    key = _failures_key(*subject)
    cache.add(key, 0, timeout=memory)
    failures = cache.incr(key)
    cache.touch(key, memory)
    delay = delay_after(failures, free, cap)
    if delay:
        cache.set(_next_try_key(*subject), time.time() + delay, timeout=delay + 1)


def _failures_key(*subject: str) -> str:
    return f"login:failures:{_digest(subject)}"


def _next_try_key(*subject: str) -> str:
    return f"login:next-try:{_digest(subject)}"


def _digest(subject: tuple[str, ...]) -> str:
    # Any text can be typed as a username: a digest is a valid cache key and keeps names out of Redis.
    return hashlib.sha256("\0".join(part.lower() for part in subject).encode()).hexdigest()
