from django.db.models import Q, QuerySet
from django.utils import timezone

from tracker.models import Notification, PushSubscription, Snooze
from tracker.selectors.access import patients_visible_to


def inbox_for(*, user) -> QuerySet[Notification]:
    """The user's delivered messages; news of a patient shows only while the user may still see that patient."""
    return (
        Notification.objects.filter(recipient=user, channel=Notification.Channel.INBOX, status=Notification.Status.SENT)
        .filter(Q(alert__isnull=True) | Q(alert__patient__in=patients_visible_to(user)))
        .order_by("-created_at", "-id")
    )


def push_subscriptions_for(*, user) -> QuerySet[PushSubscription]:
    return PushSubscription.objects.filter(user=user)


def active_snoozes(*, user) -> QuerySet[Snooze]:
    return Snooze.objects.filter(user=user, until__gt=timezone.now())
