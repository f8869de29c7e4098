"""The notification outbox: planning rows when an alert is raised, and delivering them.

Rows are planned inside the transaction that stores the alert, so an alert and its messages
exist together or not at all. Delivery claims rows with one conditional update, records every
attempt, retries temporary errors with exponential backoff, and a periodic sweep sends whatever
lost its task (broker down, worker died) or was held until later.

Pushes go out per recipient: one task sends everything due to one person's devices together,
within PUSH_DEADLINE_SECONDS, while holding that person's PushLane. However many alerts an
account raises and however slowly its endpoints answer, it occupies at most one worker, for at
most that long a round. Emergencies and urgent alerts travel on their own queue
(settings.URGENT_TASK_QUEUE), which every worker reads first.
"""

import logging
import zoneinfo
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from tracker.labels import alert_label, severity_label
from tracker.models import (
    Alert,
    CaregiverLink,
    DeliveryAttempt,
    Notification,
    NotificationPreferences,
    Patient,
    PushLane,
    PushSubscription,
    Snooze,
)
from tracker.notify import transport_for
from tracker.notify.base import SubscriptionGone, TransportError
from tracker.rules.types import PRESSING_SEVERITIES
from tracker.selectors.access import patients_visible_to
from tracker.selectors.accounts import verified_email_addresses

logger = logging.getLogger(__name__)

MAX_RETRY_DELAY = timedelta(hours=1)
SWEEP_BATCH = 500
# Pushes of one recipient sent in one round, each on its own thread; more wait for the next round.
PUSH_BATCH = 20
# Rounds one task sends before it hands the recipient to a fresh task, so others get a turn.
PUSH_ROUNDS = 3


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
    whose = "" if caregiver_of is None else f"{caregiver_of.user.get_username()}: "
    about = f"{whose}{alert_label(alert.code)}"
    title = f"{about}. {severity_label(alert.severity)}"
    pressing = alert.severity in PRESSING_SEVERITIES
    return Message(
        title=title,
        body=f"{alert.patient_text} {alert.advice}".strip(),
        payload={
            # The service worker puts the severity's own words in front (frontend/sw.js).
            "title": about,
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
    # Only to an address its account has proved it reads (issue 14 item 10).
    emails = verified_email_addresses(ids)
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


def queue_for(severity: str | None) -> str:
    """Emergencies and urgent alerts have their own queue, read first by every worker."""
    return settings.URGENT_TASK_QUEUE if severity in PRESSING_SEVERITIES else settings.CELERY_TASK_DEFAULT_QUEUE


def _enqueue_due(notifications: list[Notification], now: datetime) -> None:
    from tracker.tasks import deliver_notification, deliver_pushes, enqueue_after_commit

    due = [n for n in notifications if n.next_attempt_at <= now]
    # Push first: it is the channel a person notices. One task per recipient sends to all their devices.
    push_queues: dict[int, str] = {}
    for notification in due:
        if notification.channel == Notification.Channel.PUSH:
            queue = queue_for(notification.payload.get("severity"))
            if push_queues.get(notification.recipient_id) != settings.URGENT_TASK_QUEUE:
                push_queues[notification.recipient_id] = queue
    for recipient_id, queue in push_queues.items():
        enqueue_after_commit(deliver_pushes, recipient_id, queue=queue)
    order = {Notification.Channel.EMAIL: 0, Notification.Channel.INBOX: 1}
    for notification in sorted(due, key=lambda n: order.get(n.channel, -1)):
        if notification.channel != Notification.Channel.PUSH:
            queue = queue_for(notification.payload.get("severity"))
            enqueue_after_commit(deliver_notification, notification.pk, queue=queue)


def cancel_pending_for_alert(*, alert: Alert) -> int:
    """Stop the escalation repeats and held messages of an alert someone has seen."""
    return Notification.objects.filter(alert=alert, status=Notification.Status.PENDING).update(
        status=Notification.Status.CANCELLED
    )


def cancel_for_former_caregiver(*, patient: Patient, caregiver_id: int) -> int:
    """A carer who no longer follows `patient` gets nothing more about them, and keeps nothing in their inbox.

    Call in the transaction that ends the link. Returns how many messages were withdrawn.
    """
    about_patient = Notification.objects.filter(recipient_id=caregiver_id, alert__patient=patient)
    withdrawn, _ = about_patient.filter(channel=Notification.Channel.INBOX).delete()
    withdrawn += about_patient.filter(status=Notification.Status.PENDING).update(status=Notification.Status.CANCELLED)
    return withdrawn


@dataclass(frozen=True)
class Outcome:
    """What one send came to: sent, gone (remove the subscription), or an error, temporary or not."""

    SENT = "sent"
    GONE = "gone"
    TEMPORARY = "temporary"
    PERMANENT = "permanent"

    kind: str
    error: str = ""


def deliver(*, notification_id: int, now: datetime | None = None) -> float | None:
    """Send one due notification if no one else has claimed it.

    Returns the seconds until its retry is due after a temporary error, else None.
    """
    now = now or timezone.now()
    claimed = Notification.objects.filter(
        pk=notification_id, status=Notification.Status.PENDING, next_attempt_at__lte=now
    ).update(status=Notification.Status.SENDING, claimed_at=timezone.now())
    if not claimed:
        return None
    notification = Notification.objects.select_related("recipient", "subscription", "alert__patient").get(
        pk=notification_id
    )
    if not _still_wanted(notification):
        _finish(notification, Notification.Status.CANCELLED)
        return None
    return _settle(notification, _attempt(notification))


def deliver_pushes(*, recipient_id: int, now: datetime | None = None) -> float | None:
    """Send every push due to one recipient, to all their devices at once, holding their PushLane.

    A task that finds the lane held returns at once: the holder sends what is due before it lets go.
    Returns the seconds until this recipient's next send is due (a retry, or 0 when more is due now).
    """

    def clock() -> datetime:
        return now or timezone.now()

    if not _take_lane(recipient_id):
        return None
    retries: list[float] = []
    try:
        for _ in range(PUSH_ROUNDS):
            batch = _claim_due_pushes(recipient_id, clock())
            if not batch:
                break
            retries.extend(_send_together(batch))
            _take_lane(recipient_id, renew=True)
    finally:
        PushLane.objects.filter(user_id=recipient_id).update(held_until=None)
    # What came due meanwhile: its own task found the lane held and left it to us.
    if _due_pushes(recipient_id, clock()).exists():
        retries.append(0)
    return min(retries) if retries else None


def _take_lane(recipient_id: int, renew: bool = False) -> bool:
    """Hold the recipient's lane for one round; a holder that died loses it when the round's time is up."""
    now = timezone.now()
    held_until = now + timedelta(seconds=settings.PUSH_DEADLINE_SECONDS + 30)
    lane = PushLane.objects.filter(user_id=recipient_id)
    if renew:
        return bool(lane.update(held_until=held_until))
    PushLane.objects.bulk_create([PushLane(user_id=recipient_id)], ignore_conflicts=True)
    return bool(lane.filter(Q(held_until__isnull=True) | Q(held_until__lte=now)).update(held_until=held_until))


def _due_pushes(recipient_id: int, now: datetime):
    return Notification.objects.filter(
        recipient_id=recipient_id,
        channel=Notification.Channel.PUSH,
        status=Notification.Status.PENDING,
        next_attempt_at__lte=now,
    )


def _claim_due_pushes(recipient_id: int, now: datetime) -> list[Notification]:
    ids = list(
        _due_pushes(recipient_id, now).order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:PUSH_BATCH]
    )
    claimed_at = timezone.now()
    Notification.objects.filter(pk__in=ids, status=Notification.Status.PENDING).update(
        status=Notification.Status.SENDING, claimed_at=claimed_at
    )
    return list(
        Notification.objects.select_related("recipient", "subscription", "alert__patient").filter(
            pk__in=ids, status=Notification.Status.SENDING, claimed_at=claimed_at
        )
    )


def _send_together(batch: list[Notification]) -> list[float]:
    """Send a batch concurrently; whatever has not answered by PUSH_DEADLINE_SECONDS counts as a temporary error."""
    wanted = []
    for notification in batch:
        if _still_wanted(notification):
            wanted.append(notification)
        else:
            _finish(notification, Notification.Status.CANCELLED)
    if not wanted:
        return []
    deadline = settings.PUSH_DEADLINE_SECONDS
    pool = ThreadPoolExecutor(max_workers=len(wanted), thread_name_prefix="push")
    futures = {pool.submit(_attempt, notification): notification for notification in wanted}
    done, _ = wait(futures, timeout=deadline)
    # A send still waiting ends by its own connect/read timeouts; its outcome no longer matters here.
    pool.shutdown(wait=False, cancel_futures=True)
    retries = []
    for future, notification in futures.items():
        outcome = future.result() if future in done else Outcome(Outcome.TEMPORARY, f"no answer within {deadline} s")
        retry_in = _settle(notification, outcome)
        if retry_in is not None:
            retries.append(retry_in)
    return retries


def _still_wanted(notification: Notification) -> bool:
    """Not a repeat of an alert someone has seen, nor news of a patient the recipient no longer follows."""
    alert = notification.alert
    if alert is None:
        return True
    if notification.repeat and alert.status != Alert.Status.OPEN:
        return False
    if notification.recipient_id == alert.patient.user_id:
        return True
    return patients_visible_to(notification.recipient).filter(pk=alert.patient_id).exists()


def _attempt(notification: Notification) -> Outcome:
    """One send through the channel's transport; touches no database, so it may run on any thread."""
    try:
        transport_for(notification.channel).send(notification)
    except SubscriptionGone as error:
        return Outcome(Outcome.GONE, error.message)
    except TransportError as error:
        return Outcome(Outcome.PERMANENT if error.permanent else Outcome.TEMPORARY, error.message)
    except Exception as error:
        # A bug, or a library's surprise (the VAPID signer refusing an IPv6-literal audience was one), must
        # not leave the row looping: it is recorded and retried like a temporary error, so it ends as failed
        # after NOTIFICATION_MAX_ATTEMPTS.
        logger.exception("unexpected error sending notification %s", notification.pk)
        return Outcome(Outcome.TEMPORARY, f"unexpected {type(error).__name__}: {error}")
    return Outcome(Outcome.SENT)


def _settle(notification: Notification, outcome: Outcome) -> float | None:
    """Record the attempt and move the row on; returns the seconds until its retry, if it has one."""
    if outcome.kind == Outcome.SENT:
        _record(notification, DeliveryAttempt.Outcome.SENT, "")
        _finish(notification, Notification.Status.SENT, sent_at=timezone.now())
        return None
    if outcome.kind == Outcome.GONE:
        _record(notification, DeliveryAttempt.Outcome.PERMANENT_ERROR, outcome.error)
        with transaction.atomic():
            _finish(notification, Notification.Status.FAILED)
            remove_subscriptions(PushSubscription.objects.filter(pk=notification.subscription_id))
        return None
    attempts = notification.attempts + 1
    if outcome.kind == Outcome.PERMANENT or attempts >= settings.NOTIFICATION_MAX_ATTEMPTS:
        _record(notification, DeliveryAttempt.Outcome.PERMANENT_ERROR, outcome.error)
        _finish(notification, Notification.Status.FAILED)
        return None
    _record(notification, DeliveryAttempt.Outcome.TEMPORARY_ERROR, outcome.error)
    delay = retry_delay(attempts)
    Notification.objects.filter(pk=notification.pk, status=Notification.Status.SENDING).update(
        status=Notification.Status.PENDING, attempts=attempts, next_attempt_at=timezone.now() + delay
    )
    return delay.total_seconds()


def remove_subscriptions(subscriptions) -> None:
    """Delete push subscriptions and withdraw what was still waiting to go to them."""
    ids = list(subscriptions.values_list("pk", flat=True))
    with transaction.atomic():
        Notification.objects.filter(subscription_id__in=ids, status=Notification.Status.PENDING).update(
            status=Notification.Status.CANCELLED
        )
        PushSubscription.objects.filter(pk__in=ids).delete()


def retry_delay(attempts: int) -> timedelta:
    return min(timedelta(seconds=settings.NOTIFICATION_RETRY_BASE_SECONDS * 2 ** (attempts - 1)), MAX_RETRY_DELAY)


def _record(notification: Notification, outcome: str, error: str) -> None:
    DeliveryAttempt.objects.create(notification=notification, attempted_at=timezone.now(), outcome=outcome, error=error)


def _finish(notification: Notification, status: str, **fields) -> None:
    Notification.objects.filter(pk=notification.pk, status=Notification.Status.SENDING).update(
        status=status, attempts=notification.attempts + (status != Notification.Status.CANCELLED), **fields
    )


@dataclass(frozen=True)
class DueDeliveries:
    """What a sweep hands to workers: single rows (inbox, email) and recipients with pushes due, with their queue."""

    notifications: list[tuple[int, str]] = field(default_factory=list)
    push_recipients: list[tuple[int, str]] = field(default_factory=list)


def due_deliveries(*, now: datetime | None = None) -> DueDeliveries:
    """What to hand to workers now; a row stuck in "sending" past the task time limit is freed first."""
    now = now or timezone.now()
    stuck_before = now - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    Notification.objects.filter(status=Notification.Status.SENDING, claimed_at__lt=stuck_before).update(
        status=Notification.Status.PENDING
    )
    rows = (
        Notification.objects.filter(status=Notification.Status.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("pk", "recipient_id", "channel", "payload__severity")[:SWEEP_BATCH]
    )
    due = DueDeliveries()
    push_queues: dict[int, str] = {}
    for pk, recipient_id, channel, severity in rows:
        queue = queue_for(severity)
        if channel != Notification.Channel.PUSH:
            due.notifications.append((pk, queue))
        elif push_queues.get(recipient_id) != settings.URGENT_TASK_QUEUE:
            push_queues[recipient_id] = queue
    due.push_recipients.extend(push_queues.items())
    return due
