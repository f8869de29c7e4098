"""The notification outbox: planning rows when an alert is raised, and delivering them.

Rows are planned inside the transaction that stores the alert, so an alert and its messages
exist together or not at all. Delivery claims one row with one conditional update, records
every attempt, retries temporary errors with exponential backoff, and a periodic sweep sends
whatever lost its task (broker down, worker died) or was held until later.
"""

import zoneinfo
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from tracker.models import (
    Alert,
    CaregiverLink,
    DeliveryAttempt,
    Notification,
    NotificationPreferences,
    Patient,
    PushSubscription,
    Snooze,
)
from tracker.notify import transport_for
from tracker.notify.base import SubscriptionGone, TransportError

# Severities that must reach someone now: they ignore quiet hours and snoozes, repeat until
# acknowledged and go to caregivers too.
PRESSING_SEVERITIES = frozenset({"emergency", "urgent"})
MAX_RETRY_DELAY = timedelta(hours=1)
SWEEP_BATCH = 500

TITLES = {
    "emergency": "Emergency: act now",
    "urgent": "Please see a doctor today",
    "soon": "Please book an appointment",
    "info": "Something to mention to your doctor",
}


@dataclass(frozen=True)
class Message:
    title: str
    body: str
    payload: dict
    kind: str = Notification.Kind.ALERT
    severity: str = "info"
    code: str = ""
    alert: Alert | None = None
    repeat_push: int = 0


def notify_alert(*, alert: Alert, now: datetime | None = None) -> list[Notification]:
    """Plan the messages of a freshly stored alert; call inside the alert's transaction."""
    now = now or timezone.now()
    patient = alert.patient
    pressing = alert.severity in PRESSING_SEVERITIES
    recipients = {patient.user_id: _alert_message(alert, caregiver_of=None)}
    if pressing:
        caregiver_ids = CaregiverLink.objects.filter(patient=patient, status=CaregiverLink.Status.ACTIVE).values_list(
            "caregiver_id", flat=True
        )
        for caregiver_id in caregiver_ids:
            recipients[caregiver_id] = _alert_message(alert, caregiver_of=patient)
    return _plan(recipients, fallback_zone=patient.zone, now=now)


def notify_user(
    *, user_id: int, message: Message, fallback_zone: zoneinfo.ZoneInfo, now: datetime
) -> list[Notification]:
    return _plan({user_id: message}, fallback_zone=fallback_zone, now=now)


def _alert_message(alert: Alert, caregiver_of: Patient | None) -> Message:
    title = TITLES.get(alert.severity, "New alert")
    if caregiver_of is not None:
        title = f"{caregiver_of.user.get_username()}: {title}"
    pressing = alert.severity in PRESSING_SEVERITIES
    return Message(
        title=title,
        body=f"{alert.patient_text} {alert.advice}".strip(),
        payload={
            "title": title,
            "body": alert.advice,
            "severity": alert.severity,
            "code": alert.code,
            "alert_id": alert.pk,
            "url": f"/alerts/{alert.pk}/"
            if caregiver_of is None
            else f"/following/{caregiver_of.pk}/#alert-{alert.pk}",
            "tag": f"alert-{alert.pk}",
        },
        severity=alert.severity,
        code=alert.code,
        alert=alert,
        repeat_push=settings.ALERT_REPEAT_COUNT if pressing else 0,
    )


def _plan(messages: dict[int, Message], *, fallback_zone: zoneinfo.ZoneInfo, now: datetime) -> list[Notification]:
    ids = list(messages)
    emails = dict(get_user_model().objects.filter(pk__in=ids).values_list("pk", "email"))
    zones = dict(Patient.objects.filter(user_id__in=ids).values_list("user_id", "timezone"))
    preferences = {p.user_id: p for p in NotificationPreferences.objects.filter(user_id__in=ids)}
    codes = {m.code for m in messages.values() if m.code}
    snoozed = set(Snooze.objects.filter(user_id__in=ids, code__in=codes, until__gt=now).values_list("user_id", "code"))
    subscriptions: dict[int, list[int]] = {}
    for user_id, subscription_id in PushSubscription.objects.filter(user_id__in=ids).values_list("user_id", "pk"):
        subscriptions.setdefault(user_id, []).append(subscription_id)

    rows = []
    for user_id, message in messages.items():
        prefs = preferences.get(user_id) or NotificationPreferences(user_id=user_id)
        zone = zoneinfo.ZoneInfo(zones[user_id]) if user_id in zones else fallback_zone
        base = {
            "recipient_id": user_id,
            "alert": message.alert,
            "kind": message.kind,
            "title": message.title,
            "body": message.body,
            "payload": message.payload,
        }
        rows.append(Notification(channel=Notification.Channel.INBOX, next_attempt_at=now, **base))
        if message.severity in PRESSING_SEVERITIES:
            due = now
        elif (user_id, message.code) in snoozed:
            continue
        else:
            due = quiet_hours_end(now, prefs.quiet_hours_start, prefs.quiet_hours_end, zone) or now
        if prefs.push_enabled:
            interval = timedelta(minutes=settings.ALERT_REPEAT_INTERVAL_MINUTES)
            for subscription_id in subscriptions.get(user_id, []):
                for repeat in range(message.repeat_push + 1):
                    rows.append(
                        Notification(
                            channel=Notification.Channel.PUSH,
                            subscription_id=subscription_id,
                            repeat=repeat,
                            next_attempt_at=due + repeat * interval,
                            **base,
                        )
                    )
        if prefs.email_enabled and emails.get(user_id):
            body = f"{message.body}\n\n{settings.SITE_URL}{message.payload['url']}"
            rows.append(Notification(channel=Notification.Channel.EMAIL, next_attempt_at=due, **{**base, "body": body}))
    created = Notification.objects.bulk_create(rows)
    _enqueue_due(created, now)
    return created


def quiet_hours_end(now: datetime, start: time | None, end: time | None, zone: zoneinfo.ZoneInfo) -> datetime | None:
    """The instant the recipient's quiet hours end, if `now` falls inside them; else None.

    Hours are wall-clock times in the recipient's zone, so they follow daylight saving time.
    """
    if start is None or end is None or start == end:
        return None
    local = now.astimezone(zone)
    clock = local.time().replace(tzinfo=None)
    if start < end:
        inside, end_day = start <= clock < end, local.date()
    else:
        inside = clock >= start or clock < end
        end_day = local.date() + timedelta(days=1) if clock >= start else local.date()
    if not inside:
        return None
    return datetime.combine(end_day, end, tzinfo=zone).astimezone(UTC)


def _enqueue_due(notifications: list[Notification], now: datetime) -> None:
    from tracker.tasks import deliver_notification, enqueue_after_commit

    # Push first: it is the channel a person notices.
    order = {Notification.Channel.PUSH: 0, Notification.Channel.EMAIL: 1, Notification.Channel.INBOX: 2}
    for notification in sorted(notifications, key=lambda n: order[n.channel]):
        if notification.next_attempt_at <= now:
            enqueue_after_commit(deliver_notification, notification.pk)


def cancel_pending_for_alert(*, alert: Alert) -> int:
    """Stop the escalation repeats and held messages of an alert someone has seen."""
    return Notification.objects.filter(alert=alert, status=Notification.Status.PENDING).update(
        status=Notification.Status.CANCELLED
    )


def deliver(*, notification_id: int, now: datetime | None = None) -> float | None:
    """Send one due notification if no one else has claimed it.

    Returns the seconds until its retry is due after a temporary error, else None.
    """
    now = now or timezone.now()
    claimed = Notification.objects.filter(
        pk=notification_id, status=Notification.Status.PENDING, next_attempt_at__lte=now
    ).update(status=Notification.Status.SENDING, claimed_at=now)
    if not claimed:
        return None
    notification = Notification.objects.select_related("recipient", "subscription", "alert").get(pk=notification_id)
    if notification.repeat and notification.alert.status != Alert.Status.OPEN:
        _finish(notification, Notification.Status.CANCELLED)
        return None
    try:
        transport_for(notification.channel).send(notification)
    except SubscriptionGone as error:
        _record(notification, DeliveryAttempt.Outcome.PERMANENT_ERROR, error.message)
        with transaction.atomic():
            Notification.objects.filter(
                subscription_id=notification.subscription_id, status=Notification.Status.PENDING
            ).update(status=Notification.Status.CANCELLED)
            _finish(notification, Notification.Status.FAILED)
            PushSubscription.objects.filter(pk=notification.subscription_id).delete()
        return None
    except TransportError as error:
        attempts = notification.attempts + 1
        if error.permanent or attempts >= settings.NOTIFICATION_MAX_ATTEMPTS:
            _record(notification, DeliveryAttempt.Outcome.PERMANENT_ERROR, error.message)
            _finish(notification, Notification.Status.FAILED)
            return None
        _record(notification, DeliveryAttempt.Outcome.TEMPORARY_ERROR, error.message)
        delay = retry_delay(attempts)
        Notification.objects.filter(pk=notification.pk, status=Notification.Status.SENDING).update(
            status=Notification.Status.PENDING, attempts=attempts, next_attempt_at=timezone.now() + delay
        )
        return delay.total_seconds()
    _record(notification, DeliveryAttempt.Outcome.SENT, "")
    _finish(notification, Notification.Status.SENT, sent_at=timezone.now())
    return None


def retry_delay(attempts: int) -> timedelta:
    return min(timedelta(seconds=settings.NOTIFICATION_RETRY_BASE_SECONDS * 2 ** (attempts - 1)), MAX_RETRY_DELAY)


def _record(notification: Notification, outcome: str, error: str) -> None:
    DeliveryAttempt.objects.create(notification=notification, attempted_at=timezone.now(), outcome=outcome, error=error)


def _finish(notification: Notification, status: str, **fields) -> None:
    Notification.objects.filter(pk=notification.pk, status=Notification.Status.SENDING).update(
        status=status, attempts=notification.attempts + (status != Notification.Status.CANCELLED), **fields
    )


def due_notification_ids(*, now: datetime | None = None) -> list[int]:
    """Ids to hand to workers now; a row stuck in "sending" past the task time limit is freed first."""
    now = now or timezone.now()
    stuck_before = now - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    Notification.objects.filter(status=Notification.Status.SENDING, claimed_at__lt=stuck_before).update(
        status=Notification.Status.PENDING
    )
    return list(
        Notification.objects.filter(status=Notification.Status.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
