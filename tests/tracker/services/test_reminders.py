"""Daily reminders at the patient's local time, across zones and DST changes, at most one a day."""

import uuid
from datetime import UTC, date, datetime, time, timedelta

import pytest

from tracker.models import Notification, NotificationPreferences, Patient
from tracker.services.logs import log_upsert
from tracker.services.reminders import send_due_reminders


def _patient(make_patient, zone: str, at: time, joined: datetime):
    patient = make_patient(timezone=zone)
    Patient.objects.filter(pk=patient.pk).update(created_at=joined)
    NotificationPreferences.objects.create(user=patient.user, reminder_time=at)
    return patient


def _log(patient, day: date):
    log_upsert(
        patient=patient,
        date=day,
        client_id=uuid.uuid4(),
        values={"strength_left": 8, "strength_right": 8, "fatigue": 3},
        local_today=day,
    )


def _kinds(patient) -> list[str]:
    return list(
        Notification.objects.filter(recipient=patient.user, channel="inbox")
        .order_by("id")
        .values_list("kind", flat=True)
    )


@pytest.mark.parametrize(
    ("zone", "at", "before", "after"),
    [
        # Berlin springs forward on 29 March 2026 (01:00 UTC): 08:00 local is 06:00 UTC that day.
        ("Europe/Berlin", time(8), datetime(2026, 3, 29, 5, 59), datetime(2026, 3, 29, 6, 0)),
        ("Europe/Berlin", time(8), datetime(2026, 3, 28, 6, 59), datetime(2026, 3, 28, 7, 0)),
        # 02:30 does not exist in Berlin on 29 March: the reminder comes at 03:00 CEST (01:00 UTC).
        ("Europe/Berlin", time(2, 30), datetime(2026, 3, 29, 0, 59), datetime(2026, 3, 29, 1, 0)),
        # New York falls back on 1 November 2026: 19:00 EST is 00:00 UTC the next day.
        ("America/New_York", time(19), datetime(2026, 11, 1, 23, 59), datetime(2026, 11, 2, 0, 0)),
        ("Asia/Kathmandu", time(20), datetime(2026, 6, 1, 14, 14), datetime(2026, 6, 1, 14, 15)),
        # Auckland falls back on 5 April 2026: 09:00 NZST that morning is 21:00 UTC, not 20:00.
        ("Pacific/Auckland", time(9), datetime(2026, 4, 4, 20, 59), datetime(2026, 4, 4, 21, 0)),
    ],
)
def test_the_reminder_comes_at_the_local_time(make_patient, zone, at, before, after):
    patient = _patient(make_patient, zone, at, joined=datetime(2026, 1, 1, tzinfo=UTC))
    today = after.replace(tzinfo=UTC).astimezone(patient.zone).date()
    _log(patient, today - timedelta(days=1))
    assert send_due_reminders(now=before.replace(tzinfo=UTC)) == 0
    assert send_due_reminders(now=after.replace(tzinfo=UTC)) == 1
    assert _kinds(patient) == ["reminder"]


def test_never_more_than_one_reminder_a_day_even_when_the_clock_repeats_an_hour(make_patient):
    # New York repeats 01:00-02:00 on 1 November 2026.
    patient = _patient(make_patient, "America/New_York", time(1, 30), joined=datetime(2026, 10, 30, tzinfo=UTC))
    _log(patient, date(2026, 10, 31))
    first = datetime(2026, 11, 1, 5, 30, tzinfo=UTC)
    for minutes in range(0, 180, 15):
        send_due_reminders(now=first + timedelta(minutes=minutes))
    assert _kinds(patient) == ["reminder"]
    assert len(Notification.objects.filter(recipient=patient.user, channel="inbox")) == 1


def test_no_reminder_when_today_is_logged(make_patient):
    patient = _patient(make_patient, "Europe/Berlin", time(8), joined=datetime(2026, 1, 1, tzinfo=UTC))
    _log(patient, date(2026, 6, 1))
    assert send_due_reminders(now=datetime(2026, 6, 1, 10, tzinfo=UTC)) == 0
    assert send_due_reminders(now=datetime(2026, 6, 1, 11, tzinfo=UTC)) == 0


def test_after_three_silent_days_one_gentle_message_instead(make_patient):
    patient = _patient(make_patient, "UTC", time(9), joined=datetime(2026, 1, 1, tzinfo=UTC))
    _log(patient, date(2026, 6, 1))
    for day in range(2, 8):
        send_due_reminders(now=datetime(2026, 6, day, 9, 30, tzinfo=UTC))
    assert _kinds(patient) == ["reminder", "reminder", "not_heard"]
    _log(patient, date(2026, 6, 8))
    for day in range(9, 13):
        send_due_reminders(now=datetime(2026, 6, day, 9, 30, tzinfo=UTC))
    assert _kinds(patient)[3:] == ["reminder", "reminder", "not_heard"]
    gentle = Notification.objects.filter(recipient=patient.user, kind="not_heard", channel="inbox").first()
    assert gentle.payload["alert_id"] is None and gentle.payload["url"] == "/"


def test_patients_without_a_reminder_time_get_none(make_patient):
    patient = make_patient(timezone="UTC")
    NotificationPreferences.objects.create(user=patient.user)
    assert send_due_reminders(now=datetime(2026, 6, 1, 23, tzinfo=UTC)) == 0
