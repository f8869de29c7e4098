"""A fixed-window request counter in the shared cache (Redis), so every web process counts together."""

import logging
import time

from django.conf import settings
from django.core.cache import cache

from tracker.services.sharing import rough_network

logger = logging.getLogger(__name__)


def client_address(request) -> str:
    if settings.CLIENT_ADDRESS_FROM_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.rsplit(",", 1)[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


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
