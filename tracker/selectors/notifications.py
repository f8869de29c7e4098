from django.db.models import Q, QuerySet
from django.urls import reverse
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


INBOX_PAGE_SIZE = 50


def unread_count(*, user) -> int:
    return inbox_for(user=user).filter(read_at__isnull=True).count()


def inbox_page(*, user) -> list[Notification]:
    """The newest messages of the inbox with where each leads: the alert's own page for the patient,
    the followed person's page for a carer, else what the message named."""
    messages = list(inbox_for(user=user).select_related("alert__patient")[:INBOX_PAGE_SIZE])
    for message in messages:
        if message.alert is not None and message.alert.patient.user_id != user.pk:
            message.link = reverse("frontend:followed-patient", args=[message.alert.patient_id])
        else:
            message.link = message.payload.get("url")
    return messages


def push_subscriptions_for(*, user) -> QuerySet[PushSubscription]:
    return PushSubscription.objects.filter(user=user)


def active_snoozes(*, user) -> QuerySet[Snooze]:
    return Snooze.objects.filter(user=user, until__gt=timezone.now())
