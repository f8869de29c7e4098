from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from tracker.models import Patient, ShareAccess, ShareLink


def active_share_for_token(token: str) -> ShareLink | None:
    """The live link for a token, or None alike for a wrong, expired or revoked one."""
    return (
        ShareLink.objects.select_related("patient")
        .filter(token_hash=ShareLink.hash_token(token), revoked_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )


def shares_for(*, patient: Patient) -> QuerySet[ShareLink]:
    return ShareLink.objects.filter(patient=patient).prefetch_related(
        Prefetch("accesses", queryset=ShareAccess.objects.order_by("-accessed_at", "-id"))
    )
