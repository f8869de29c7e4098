"""A patient shares their alerts, charts and logs with caregivers, read-only, and can stop any time."""

import hashlib
import logging
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from tracker.models import CaregiverLink, Patient
from tracker.services import delivery

logger = logging.getLogger(__name__)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite_caregiver(*, patient: Patient, email: str) -> CaregiverLink:
    """Store a pending invitation and email its one-time token; only the hash is kept."""
    if email.lower() == (patient.user.email or "").lower():
        raise ValidationError({"email": "you cannot invite yourself."})
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        link = CaregiverLink.objects.create(patient=patient, email=email, token_hash=_hash(token))
        transaction.on_commit(lambda: _send_invitation(patient, email, token))
    return link


def _send_invitation(patient: Patient, email: str, token: str) -> None:
    name = patient.user.get_username()
    try:
        send_mail(
            f"{name} invites you to follow their leg tracker",
            f"{name} would like you to receive their alerts and see their entries.\n\n"
            f"Sign in or create an account at {settings.SITE_URL}/, then open this link to accept:\n\n"
            f"{settings.SITE_URL}/following/?code={token}\n\n"
            f"or, under Following, enter this code:\n\n{token}\n",
            None,
            [email],
        )
    except OSError:
        # The invitation is saved; the patient sees it pending and can withdraw it and invite again.
        logger.warning("could not email the caregiver invitation %s", email)


def accept_invitation(*, user, token: str) -> CaregiverLink:
    link = CaregiverLink.objects.select_related("patient").filter(token_hash=_hash(token)).first()
    if link is None or link.status != CaregiverLink.Status.PENDING:
        raise ValidationError({"token": "this invitation is unknown, already used or withdrawn."})
    if link.patient.user_id == user.pk:
        raise ValidationError({"token": "you cannot follow yourself."})
    try:
        with transaction.atomic():
            accepted = CaregiverLink.objects.filter(pk=link.pk, status=CaregiverLink.Status.PENDING).update(
                status=CaregiverLink.Status.ACTIVE, caregiver=user, accepted_at=timezone.now()
            )
    except IntegrityError:
        raise ValidationError({"token": "you already follow this patient."}) from None
    if not accepted:
        raise ValidationError({"token": "this invitation is unknown, already used or withdrawn."})
    link.refresh_from_db()
    return link


def remove_caregiver(*, link: CaregiverLink) -> None:
    """End a carer's access (or withdraw an invitation); what was on its way to them about the patient stops."""
    with transaction.atomic():
        if link.caregiver_id is not None:
            delivery.cancel_for_former_caregiver(patient=link.patient, caregiver_id=link.caregiver_id)
        link.delete()
