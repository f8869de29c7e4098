"""The daily logging reminder, at each patient's chosen local time.

A reminder is decided once per local date, claimed with one conditional update, so any number
of beat runs or workers send at most one a day. After NOT_HEARD_AFTER_DAYS without a log the
patient gets one gentle "we haven't heard from you" message instead, once per silence.
"""

from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from tracker.models import DailyLog, Notification, NotificationPreferences, Patient
from tracker.services import delivery

NOT_HEARD_AFTER_DAYS = 3

REMINDER = delivery.Message(
    title="Time for today's entry",
    body="It takes a minute: how are your legs today?",
    payload={
        "title": "Time for today's entry",
        "body": "It takes a minute: how are your legs today?",
        "severity": "info",
        "code": "reminder",
        "alert_id": None,
        "url": "/",
        "tag": "reminder",
    },
    kind=Notification.Kind.REMINDER,
)
NOT_HEARD = delivery.Message(
    title="We haven't heard from you",
    body="No pressure. When you are ready, a short entry helps us keep an eye on your legs.",
    payload={
        "title": "We haven't heard from you",
        "body": "No pressure. When you are ready, a short entry helps us keep an eye on your legs.",
        "severity": "info",
        "code": "not_heard",
        "alert_id": None,
        "url": "/",
        "tag": "reminder",
    },
    kind=Notification.Kind.NOT_HEARD,
)


def send_due_reminders(*, now: datetime | None = None) -> int:
    """Remind every patient whose local reminder time has passed today; returns how many were sent."""
    now = now or timezone.now()
    sent = 0
    due = NotificationPreferences.objects.filter(reminder_time__isnull=False, user__patient__isnull=False)
    for prefs in due.select_related("user__patient"):
        patient = prefs.user.patient
        local = now.astimezone(patient.zone)
        if local.time() >= prefs.reminder_time and prefs.last_reminder_on != local.date():
            sent += remind(prefs=prefs, patient=patient, today=local.date(), now=now)
    return sent


def remind(*, prefs: NotificationPreferences, patient: Patient, today: date, now: datetime) -> bool:
    with transaction.atomic():
        claimed = (
            NotificationPreferences.objects.filter(pk=prefs.pk)
            .exclude(last_reminder_on=today)
            .update(last_reminder_on=today)
        )
        if not claimed:
            return False
        last_log = DailyLog.objects.filter(patient=patient, date__lte=today).aggregate(last=Max("date"))["last"]
        if last_log == today:
            return False
        silent_since = last_log or patient.created_at.astimezone(patient.zone).date() - timedelta(days=1)
        message = REMINDER
        if (today - silent_since).days >= NOT_HEARD_AFTER_DAYS:
            if prefs.last_gentle_on is not None and prefs.last_gentle_on > silent_since:
                return False
            NotificationPreferences.objects.filter(pk=prefs.pk).update(last_gentle_on=today)
            message = NOT_HEARD
        delivery.notify_user(user_id=patient.user_id, message=message, fallback_zone=patient.zone, now=now)
        return True
