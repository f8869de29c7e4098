"""Pending caregiver invitations: the one a code opens."""

import hashlib

from tracker.models import CaregiverLink


def invitation_code_hash(code: str) -> str:
    return hashlib.sha256(code.strip().encode()).hexdigest()


def pending_invitation(code: str) -> CaregiverLink | None:
    """The still-pending invitation this code opens, with its patient; None for any other code."""
    if not code:
        return None
    return (
        CaregiverLink.objects.select_related("patient__user")
        .filter(token_hash=invitation_code_hash(code), status=CaregiverLink.Status.PENDING)
        .first()
    )
