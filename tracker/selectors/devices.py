"""The devices an account is signed in on, newest use first, for Settings and `GET /api/devices/`."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.conf import settings
from django.utils import timezone
from knox.models import AuthToken

from tracker.models import WebSession


@dataclass(frozen=True)
class Device:
    id: UUID
    kind: str  # "browser" (a signed-in web session) or "app" (an API token)
    name: str
    signed_in_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None
    current: bool


def devices_of(user, *, current_session_key: str | None = None, current_token: AuthToken | None = None) -> list[Device]:
    now = timezone.now()
    browsers = [
        Device(
            id=row.public_id,
            kind="browser",
            name=row.device,
            signed_in_at=row.created_at,
            last_used_at=row.last_used_at,
            expires_at=row.session.expire_date,
            current=row.session_id == current_session_key,
        )
        for row in WebSession.objects.filter(user=user, session__expire_date__gt=now).select_related("session")
    ]
    apps = [
        Device(
            id=row.device.public_id,
            kind="app",
            name=row.device.name,
            signed_in_at=row.created,
            # knox pushes the expiry on (at most hourly) each time the token is used: that says when, to the hour.
            last_used_at=row.expiry - settings.REST_KNOX["TOKEN_TTL"],
            expires_at=row.expiry,
            current=current_token is not None and row.pk == current_token.pk,
        )
        for row in AuthToken.objects.filter(user=user, expiry__gt=now, device__isnull=False).select_related("device")
    ]
    return sorted(browsers + apps, key=_this_one_then_latest_use)


def _this_one_then_latest_use(device: Device):
    return (not device.current, -(device.last_used_at or device.signed_in_at).timestamp())
