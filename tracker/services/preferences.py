"""A user's push subscriptions, notification preferences, snoozes and inbox reads."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tracker.models import Notification, NotificationPreferences, PushSubscription, Snooze
from tracker.services import delivery


def subscribe_push(*, user, endpoint: str, p256dh: str, auth: str) -> tuple[PushSubscription, bool]:
    """Store a browser's subscription for this account; the same endpoint again updates its keys.

    An endpoint another account registered stays theirs: this account gets its own row, and the answer
    is the same as for an endpoint no one knew, so it reveals nothing about other accounts. Beyond
    PUSH_SUBSCRIPTIONS_PER_ACCOUNT, the account's oldest subscriptions go.
    """
    with transaction.atomic():
        subscription, created = PushSubscription.objects.select_for_update().get_or_create(
            user=user, endpoint=endpoint, defaults={"p256dh": p256dh, "auth": auth}
        )
        if not created and (subscription.p256dh, subscription.auth) != (p256dh, auth):
            subscription.p256dh, subscription.auth = p256dh, auth
            subscription.save(update_fields=["p256dh", "auth"])
        keep = settings.PUSH_SUBSCRIPTIONS_PER_ACCOUNT
        oldest = PushSubscription.objects.filter(user=user).order_by("-created_at", "-pk")[keep:]
        delivery.remove_subscriptions(PushSubscription.objects.filter(pk__in=list(oldest.values_list("pk", flat=True))))
    return subscription, created


def unsubscribe_push(*, subscription: PushSubscription) -> None:
    delivery.remove_subscriptions(PushSubscription.objects.filter(pk=subscription.pk))


def preferences_for(*, user) -> NotificationPreferences:
    return NotificationPreferences.objects.get_or_create(user=user)[0]


def update_preferences(*, user, **fields) -> NotificationPreferences:
    prefs = preferences_for(user=user)
    for name, value in fields.items():
        setattr(prefs, name, value)
    prefs.save(update_fields=list(fields) or None)
    return prefs


def snooze(*, user, code: str, days: int) -> Snooze:
    until = timezone.now() + timedelta(days=days)
    return Snooze.objects.update_or_create(user=user, code=code, defaults={"until": until})[0]


def mark_read(*, notification: Notification) -> Notification:
    Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=timezone.now())
    notification.refresh_from_db()
    return notification


def mark_all_read(*, user) -> int:
    """Marks every unread message of the user's inbox as read; returns how many were."""
    unread = Notification.objects.filter(recipient=user, channel=Notification.Channel.INBOX, read_at__isnull=True)
    return unread.update(read_at=timezone.now())
