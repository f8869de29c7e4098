"""What every page's frame needs to know about the signed-in person."""

from django.utils.functional import SimpleLazyObject

from tracker.selectors.accounts import email_is_verified


def navigation(request) -> dict:
    """Whether to say that alert emails are paused until the address is confirmed (asked only if drawn)."""
    user = request.user

    def email_unconfirmed() -> bool:
        return user.is_authenticated and bool(user.email) and not email_is_verified(user)

    return {"email_unconfirmed": SimpleLazyObject(email_unconfirmed)}
