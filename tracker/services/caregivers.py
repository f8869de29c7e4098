"""A patient shares their alerts, charts and logs with caregivers, read-only, and can stop any time."""

import logging
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tracker.models import CaregiverLink, Patient
from tracker.selectors.accounts import email_is_verified
from tracker.selectors.invitations import invitation_code_hash, pending_invitation
from tracker.services import delivery
from tracker.services.email_verification import mark_email_verified

logger = logging.getLogger(__name__)

INVITATION_GONE = gettext_lazy(
    "This invitation has already been used or was withdrawn. Ask the person who invited you to send a new one."
)


def invite_caregiver(*, patient: Patient, email: str) -> CaregiverLink:
    """Store a pending invitation and email its one-time token; only the hash is kept."""
    if email.lower() == (patient.user.email or "").lower():
        raise ValidationError({"email": _("This is your own email address. Invite someone else's.")})
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        link = CaregiverLink.objects.create(patient=patient, email=email, token_hash=invitation_code_hash(token))
        transaction.on_commit(lambda: _send_invitation(patient, email, token))
    return link


def _send_invitation(patient: Patient, email: str, token: str) -> None:
    name = patient.user.get_username()
    try:
        send_mail(
            f"{name} invites you to follow their leg tracker",
            f"{name} would like you to receive their alerts and see their entries.\n\n"
            f"Open this link to accept; you can create an account there if you have none:\n\n"
            f"{settings.SITE_URL}/invite/?code={token}\n\n"
            f"If the link does not open, sign in at {settings.SITE_URL}/ and, under Following, enter this code:\n\n"
            f"{token}\n",
            None,
            [email],
        )
    except OSError:
        # The invitation is saved; the patient sees it pending and can withdraw it and invite again.
        logger.warning("could not email the caregiver invitation %s", email)


def accept_invitation(*, user, token: str) -> CaregiverLink:
    link = pending_invitation(token)
    if link is None:
        raise ValidationError({"token": INVITATION_GONE})
    if link.patient.user_id == user.pk:
        raise ValidationError({"token": _("This is your own invitation: you cannot follow yourself.")})
    if (user.email or "").lower() != link.email.lower():
        # Only the account whose address was invited may take the invitation, whoever else holds the code.
        raise ValidationError(
            {
                "token": _(
                    "This invitation was sent to %(invited)s, and your account uses another email address. "
                    "Sign in with the account that uses %(invited)s, or ask %(name)s to invite %(yours)s."
                )
                % {"invited": link.email, "name": link.patient.user.get_username(), "yours": user.email or _("yours")}
            }
        )
    if CaregiverLink.objects.filter(patient=link.patient, caregiver=user).exists():
        raise ValidationError({"token": _("You already follow %(name)s.") % {"name": link.patient.user.get_username()}})
    try:
        with transaction.atomic():
            accepted = CaregiverLink.objects.filter(pk=link.pk, status=CaregiverLink.Status.PENDING).update(
                status=CaregiverLink.Status.ACTIVE, caregiver=user, accepted_at=timezone.now()
            )
    except IntegrityError:
        raise ValidationError(
            {"token": _("You already follow %(name)s.") % {"name": link.patient.user.get_username()}}
        ) from None
    if not accepted:
        raise ValidationError({"token": INVITATION_GONE})
    if not email_is_verified(user):
        mark_email_verified(user)  # the code was emailed to this address: whoever has it reads that mailbox
    link.refresh_from_db()
    return link


def remove_caregiver(*, link: CaregiverLink) -> None:
    """End a carer's access (or withdraw an invitation); what was on its way to them about the patient stops."""
    with transaction.atomic():
        if link.caregiver_id is not None:
            delivery.cancel_for_former_caregiver(patient=link.patient, caregiver_id=link.caregiver_id)
        link.delete()


def caregiver_choices_set(*, link: CaregiverLink, sees_notes: bool) -> CaregiverLink:
    """What the patient lets this caregiver see beyond alerts and charts."""
    link.sees_notes = sees_notes
    link.save(update_fields=["sees_notes"])
    return link
