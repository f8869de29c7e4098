"""The emails about the account itself: the address-proving link and the password-reset link.

Sent by a Celery task from the user's id, so the request answers the same whatever the address (no timing
tells whether an account exists) and no link or token passes through the broker.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from tracker.services.email_verification import verification_token

logger = logging.getLogger(__name__)


def send_verification_email(*, user_id: int) -> None:
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None or not user.email:
        return
    link = settings.SITE_URL + reverse("frontend:verify-email", args=[verification_token(user)])
    days = settings.EMAIL_VERIFICATION_MAX_AGE_SECONDS // 86400
    send_mail(
        _("Confirm your email address for the leg tracker"),
        _(
            "Hello %(name)s,\n\n"
            "Open this link to confirm that this is your email address:\n\n%(link)s\n\n"
            "Until you do, we send nothing else to this address: no alerts and no reminders by email.\n"
            "The link works for %(days)d days. If you did not make an account, ignore this email.\n"
        )
        % {"name": user.get_username(), "link": link, "days": days},
        None,
        [user.email],
    )


def send_password_reset_email(*, user_id: int) -> None:
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email or not user.has_usable_password():
        return
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    link = settings.SITE_URL + reverse(
        "frontend:password-reset-confirm", args=[uid, default_token_generator.make_token(user)]
    )
    hours = settings.PASSWORD_RESET_TIMEOUT // 3600
    send_mail(
        _("Choose a new password for the leg tracker"),
        _(
            "Hello %(name)s,\n\n"
            "Someone asked to choose a new password for your account. If it was you, open this link:\n\n"
            "%(link)s\n\n"
            "The link works once, for %(hours)d hours. If it was not you, ignore this email: "
            "your password stays as it is.\n"
        )
        % {"name": user.get_username(), "link": link, "hours": hours},
        None,
        [user.email],
    )
