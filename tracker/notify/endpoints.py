"""Which URLs a push subscription may point at: the browsers' push services (settings.PUSH_SERVICE_HOSTS).

An endpoint is whatever a client sends us, and the worker POSTs to it: without this check an account
could make the worker connect to Redis, the admin site or a cloud metadata address (server-side request
forgery), and learn from the outcome what answered there. Checked when a subscription is stored and
again before every send, so tightening the setting takes effect at once.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings


def endpoint_refusal(endpoint: str) -> str | None:
    """Why this endpoint is not one we send to, in words for the API's error; None when it is."""
    try:
        parts = urlsplit(endpoint)
        host = (parts.hostname or "").rstrip(".")
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return "must be a push service URL"
    if parts.scheme != "https":
        return "must be an https:// push service URL"
    if parts.username is not None or parts.password is not None:
        return "must not carry a user name or password"
    if not host:
        return "must name a push service"
    if is_ip_literal(host):
        return "must name a push service by its host name, not an IP address"
    if not host_allowed(host):
        return "is not on a browser push service this server sends to"
    return None


def is_ip_literal(host: str) -> bool:
    """IPv4 and IPv6 addresses, and the shorthand forms resolvers accept for IPv4 (127.1, 0x7f000001)."""
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    try:
        socket.inet_aton(host)
        return True
    except OSError:
        return False


def host_allowed(host: str) -> bool:
    host = host.lower()
    for pattern in settings.PUSH_SERVICE_HOSTS:
        pattern = pattern.lower().rstrip(".")
        if pattern.startswith("*."):
            if host.endswith(pattern[1:]) and len(host) > len(pattern) - 1:
                return True
        elif host == pattern:
            return True
    return False
