"""What every page's frame needs to know about the signed-in person."""

from django.utils.functional import SimpleLazyObject

from tracker.models import CaregiverLink
from tracker.selectors.accounts import email_is_verified


def navigation(request) -> dict:
    """Whether to show Following (anyone who follows someone, diary or not) and the unconfirmed-email banner.

    Each is asked of the database only if the page draws it.
    """
    user = request.user

    def follows_someone() -> bool:
        return (
            user.is_authenticated
            and CaregiverLink.objects.filter(caregiver=user, status=CaregiverLink.Status.ACTIVE).exists()
        )

    def email_unconfirmed() -> bool:
        return user.is_authenticated and bool(user.email) and not email_is_verified(user)

    return {
        "follows_someone": SimpleLazyObject(follows_someone),
        "email_unconfirmed": SimpleLazyObject(email_unconfirmed),
    }
