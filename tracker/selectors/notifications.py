from django.db.models import QuerySet
from django.utils import timezone

from tracker.models import Notification, PushSubscription, Snooze


def inbox_for(*, user) -> QuerySet[Notification]:
    return Notification.objects.filter(
        recipient=user, channel=Notification.Channel.INBOX, status=Notification.Status.SENT
    ).order_by("-created_at", "-id")


def push_subscriptions_for(*, user) -> QuerySet[PushSubscription]:
    return PushSubscription.objects.filter(user=user)


def active_snoozes(*, user) -> QuerySet[Snooze]:
    return Snooze.objects.filter(user=user, until__gt=timezone.now())
