"""What every page's frame needs to know about the signed-in person."""

from django.utils.functional import SimpleLazyObject

from tracker.models import CaregiverLink


def navigation(request) -> dict:
    """Whether to show Following: for anyone who follows someone, diary or not (asked only if the nav is drawn)."""
    user = request.user

    def follows_someone() -> bool:
        return (
            user.is_authenticated
            and CaregiverLink.objects.filter(caregiver=user, status=CaregiverLink.Status.ACTIVE).exists()
        )

    return {"follows_someone": SimpleLazyObject(follows_someone)}
