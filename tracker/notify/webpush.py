"""Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm payload encryption (RFC 8291)."""

import base64
import json

import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings

from tracker.models import Notification
from tracker.notify.base import SubscriptionGone, Transport, TransportError
from tracker.notify.endpoints import endpoint_refusal

# Long enough to reach a phone that is off for a night, short enough that a stale alert is dropped.
PUSH_TTL_SECONDS = 24 * 60 * 60


class WebPushTransport(Transport):
    def send(self, notification: Notification) -> None:
        subscription = notification.subscription
        if subscription is None:
            raise TransportError("the push subscription was removed", permanent=True)
        if not settings.VAPID_PRIVATE_KEY:
            raise TransportError("VAPID_PRIVATE_KEY is not set", permanent=True)
        refusal = endpoint_refusal(subscription.endpoint)
        if refusal:
            raise TransportError(f"not sent: the endpoint {refusal}", permanent=True)
        # pywebpush brings aiohttp with it (half a second to import): loaded by the first push, not by every
        # process that merely might send one (a replay, the web server).
        from pywebpush import WebPushException, webpush

        try:
            webpush(
                subscription_info=subscription.as_subscription_info(),
                data=json.dumps(notification.payload),
                vapid_private_key=settings.VAPID_PRIVATE_KEY,
                # A fresh dict every time: pywebpush writes `aud` and `exp` into the one it gets.
                vapid_claims={"sub": settings.VAPID_SUBJECT},
                content_encoding="aes128gcm",
                ttl=PUSH_TTL_SECONDS,
                timeout=(settings.PUSH_CONNECT_TIMEOUT_SECONDS, settings.PUSH_READ_TIMEOUT_SECONDS),
                headers={
                    "Urgency": "high" if notification.payload.get("severity") in ("emergency", "urgent") else "normal"
                },
                requests_session=NoRedirectSession(),
            )
        except WebPushException as error:
            status = getattr(error.response, "status_code", None)
            if status in (404, 410):
                raise SubscriptionGone(f"push service answered {status}") from error
            if status is not None and 300 <= status < 400:
                raise TransportError(
                    f"push service answered {status}; redirects are not followed", permanent=True
                ) from error
            # 413 (payload too large) and other 4xx but 429 will fail the same way again.
            permanent = status is not None and 400 <= status < 500 and status != 429
            raise TransportError(f"push service answered {status}: {error.message}", permanent=permanent) from error
        except requests.RequestException as error:
            raise TransportError(f"push service unreachable: {error}") from error


class NoRedirectSession(requests.Session):
    """A push service never redirects: a redirect is answered, not followed (it could point anywhere)."""

    def request(self, method, url, **kwargs):
        with self:
            return super().request(method, url, **{**kwargs, "allow_redirects": False})


def generate_vapid_key_pair() -> tuple[str, str]:
    """(private, public): the raw 32-byte P-256 scalar and the uncompressed point, base64url."""
    key = ec.generate_private_key(ec.SECP256R1())
    private = key.private_numbers().private_value.to_bytes(32, "big")
    public = key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    return _b64url(private), _b64url(public)


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
