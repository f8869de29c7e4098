"""Proving an account reads its email address, by a signed link (Django's signing, no table of codes).

Until the address is proved, nothing is emailed to it but the link itself: no alerts, no reminders, and no
caregiver invitation is matched to it (tracker/selectors/accounts.py says who is verified).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from tracker.models import VerifiedEmail

SALT = "tracker.email-verification"


def verification_token(user) -> str:
    """Signed and timestamped: says which account and which address, so a changed address needs a new link."""
    return signing.dumps({"user": user.pk, "email": user.email.lower()}, salt=SALT, compress=True)


def verify_email(token: str):
    """Marks the address in the token verified for its account; the account, or ValidationError saying why not."""
    try:
        claim = signing.loads(token, salt=SALT, max_age=settings.EMAIL_VERIFICATION_MAX_AGE_SECONDS)
    except signing.SignatureExpired:
        raise ValidationError(
            {"token": _("This link is too old. Send yourself a new one from your account page.")}
        ) from None
    except signing.BadSignature:
        raise ValidationError(
            {"token": _("This link is not complete. Open it again from the email, or send yourself a new one.")}
        ) from None
    user = get_user_model().objects.filter(pk=claim.get("user")).first()
    if user is None or user.email.lower() != claim.get("email"):
        raise ValidationError(
            {"token": _("This link was for an email address this account no longer uses. Send yourself a new one.")}
        )
    mark_email_verified(user)
    return user


def mark_email_verified(user) -> None:
    VerifiedEmail.objects.update_or_create(user=user, defaults={"email": user.email, "verified_at": timezone.now()})
