"""A user's push subscriptions, notification preferences, snoozes and inbox reads."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from tracker.models import Notification, NotificationPreferences, PushSubscription, Snooze


def subscribe_push(*, user, endpoint: str, p256dh: str, auth: str) -> tuple[PushSubscription, bool]:
    """Store a browser's subscription; the same endpoint again updates it (keys rotate, or the user changed)."""
    with transaction.atomic():
        subscription, created = PushSubscription.objects.select_for_update().get_or_create(
            endpoint=endpoint, defaults={"user": user, "p256dh": p256dh, "auth": auth}
        )
        if not created and (subscription.user_id, subscription.p256dh, subscription.auth) != (user.pk, p256dh, auth):
            subscription.user, subscription.p256dh, subscription.auth = user, p256dh, auth
            subscription.save(update_fields=["user", "p256dh", "auth"])
    return subscription, created


def unsubscribe_push(*, subscription: PushSubscription) -> None:
    subscription.delete()


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
