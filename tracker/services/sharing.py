"""Share links for a physician: create, revoke, and record each opening for the patient to see."""

import ipaddress
import secrets
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from tracker.models import Patient, ShareAccess, ShareLink
from tracker.models.sharing import DEFAULT_SHARE_SECTIONS, PATIENT_LABEL_MAX_LENGTH, SHARE_SECTIONS

DEFAULT_SHARE_DAYS = 30
MAX_SHARE_DAYS = 365
# 32 random bytes: guessing a live link is hopeless even without the rate limit.
TOKEN_BYTES = 32

_BROWSERS = (("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari"))
# Order matters: an Android agent also says Linux, an iPhone agent also says Mac OS X.
_SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "iOS"),
    ("iPad", "iOS"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("Linux", "Linux"),
)


def share_create(
    *,
    patient: Patient,
    expires_in_days: int = DEFAULT_SHARE_DAYS,
    period_start: date | None = None,
    period_end: date | None = None,
    sections=DEFAULT_SHARE_SECTIONS,
    patient_label: str = "",
) -> tuple[ShareLink, str]:
    """Returns the new link and its token; the token is shown this once and never stored. `patient_label` is how
    the summary names the patient (name or initials, as they choose); empty, it names no one."""
    if not 1 <= expires_in_days <= MAX_SHARE_DAYS:
        raise ValidationError({"expires_in_days": f"must be a whole number between 1 and {MAX_SHARE_DAYS}"})
    if period_start and period_end and period_start > period_end:
        raise ValidationError({"period_end": "must not be before period_start"})
    patient_label = patient_label.strip()
    if len(patient_label) > PATIENT_LABEL_MAX_LENGTH:
        raise ValidationError({"patient_label": f"must be at most {PATIENT_LABEL_MAX_LENGTH} characters"})
    unknown = sorted(set(sections) - set(SHARE_SECTIONS))
    if unknown:
        raise ValidationError({"sections": f"unknown section {unknown[0]!r}; allowed: {', '.join(SHARE_SECTIONS)}"})
    token = secrets.token_urlsafe(TOKEN_BYTES)
    share = ShareLink.objects.create(
        patient=patient,
        token_hash=ShareLink.hash_token(token),
        period_start=period_start,
        period_end=period_end,
        sections=[name for name in SHARE_SECTIONS if name in sections],
        patient_label=patient_label,
        expires_at=timezone.now() + timedelta(days=expires_in_days),
    )
    return share, token


def share_revoke(*, share: ShareLink) -> None:
    share.revoke()


def share_access_record(*, share: ShareLink, kind: str, user_agent: str, remote_addr: str) -> ShareAccess:
    return ShareAccess.objects.create(
        share=share, kind=kind, client=rough_client(user_agent), network=rough_network(remote_addr)
    )


def rough_client(user_agent: str) -> str:
    """Browser and system family only: enough for the patient to recognise their doctor's visit, no fingerprint."""
    browser = next((name for marker, name in _BROWSERS if marker in user_agent), "Unknown browser")
    system = next((name for marker, name in _SYSTEMS if marker in user_agent), "unknown system")
    return f"{browser} on {system}"


def rough_network(remote_addr: str) -> str:
    try:
        address = ipaddress.ip_address(remote_addr)
    except ValueError:
        return "unknown"
    prefix = 24 if address.version == 4 else 48
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))
