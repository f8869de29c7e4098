"""Which accounts have proved their email address (only those are emailed anything but the proof link)."""

from django.contrib.auth import get_user_model
from django.db.models import F
from django.db.models.functions import Lower

from tracker.models import VerifiedEmail


def email_is_verified(user) -> bool:
    return bool(user.email) and VerifiedEmail.objects.filter(user=user, email__iexact=user.email).exists()


def verified_email_addresses(user_ids) -> dict[int, str]:
    """user id -> email, for those of the users whose current address is the one they verified."""
    return dict(
        get_user_model()
        .objects.filter(pk__in=user_ids, verified_email__isnull=False)
        .annotate(current=Lower("email"), proved=Lower("verified_email__email"))
        .filter(current=F("proved"))
        .values_list("pk", "email")
    )
