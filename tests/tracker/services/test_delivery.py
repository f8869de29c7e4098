"""The outbox: rows planned with the alert, quiet hours, snoozes, escalation, claiming and retries."""

import time as time_module
import zoneinfo
from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import transaction
from django.utils import timezone

from tracker.models import Alert, CaregiverLink, DeliveryAttempt, Notification, PushLane, PushSubscription, Snooze
from tracker.rules.types import Finding, Severity
from tracker.selectors.notifications import inbox_for
from tracker.services import alerting, delivery
from tracker.services.email_verification import mark_email_verified
from tracker.services.preferences import update_preferences

DAY = date(2026, 4, 30)


def _raise(patient, severity: str, code: str = "fall") -> Alert:
    finding = Finding(code=code, severity=Severity(severity), evidence={"x": 1}, patient_text="You fell.")
    [alert] = alerting.raise_alerts(patient=patient, findings=[finding], raised_on=DAY, days=[])
    return alert


def _subscribe(user, device) -> PushSubscription:
    return PushSubscription.objects.create(user=user, endpoint=device.endpoint, p256dh=device.p256dh, auth=device.auth)


def _caregiver_of(patient, username="carer"):
    user = get_user_model().objects.create_user(username=username, email=f"{username}@example.org")
    mark_email_verified(user)  # only a proved address is emailed
    CaregiverLink.objects.create(
        patient=patient, email=user.email, token_hash=username, caregiver=user, status="active"
    )
    return user


def _deliver_due(now=None) -> None:
    """What the sweep hands to workers, run here: single rows, and each recipient's pushes together."""
    due = delivery.due_deliveries(now=now)
    for notification_id, _queue in due.notifications:
        delivery.deliver(notification_id=notification_id, now=now)
    for recipient_id, _queue in due.push_recipients:
        delivery.deliver_pushes(recipient_id=recipient_id, now=now)


def test_an_emergency_plans_inbox_email_and_repeating_push_for_patient_and_caregivers(patient, push_service, settings):
    settings.ALERT_REPEAT_COUNT = 6
    _subscribe(patient.user, push_service.new_device())
    carer = _caregiver_of(patient)
    _subscribe(carer, push_service.new_device())
    alert = _raise(patient, "emergency")
    rows = Notification.objects.filter(alert=alert)
    for user in (patient.user, carer):
        mine = rows.filter(recipient=user)
        assert mine.filter(channel="inbox").count() == 1
        assert mine.filter(channel="email").count() == 1
        pushes = mine.filter(channel="push").order_by("repeat")
        assert [p.repeat for p in pushes] == list(range(7))
        assert [p.next_attempt_at - pushes[0].next_attempt_at for p in pushes] == [
            timedelta(minutes=10 * n) for n in range(7)
        ]
    push = rows.filter(recipient=patient.user, channel="push").first()
    assert push.payload == {
        "title": "A fall",  # the service worker puts "Emergency" in front
        "body": alert.advice,
        "severity": "emergency",
        "code": "fall",
        "alert_id": alert.pk,
        "url": f"/alerts/{alert.pk}/",
        "tag": f"alert-{alert.pk}",
    }
    assert rows.get(recipient=patient.user, channel="inbox").title == "A fall. Emergency: call now"
    assert rows.get(recipient=carer, channel="inbox").title.startswith(patient.user.username)
    carer_push = rows.filter(recipient=carer, channel="push").first()
    assert carer_push.payload["url"] == f"/following/{patient.pk}/#alert-{alert.pk}", "a carer opens the carer's page"


def test_soft_alerts_go_to_the_patient_only_and_do_not_repeat(patient, push_service):
    _subscribe(patient.user, push_service.new_device())
    _caregiver_of(patient)
    alert = _raise(patient, "soon")
    rows = Notification.objects.filter(alert=alert)
    assert set(rows.values_list("recipient_id", flat=True)) == {patient.user_id}
    assert rows.filter(channel="push").count() == 1


def test_the_outbox_rows_roll_back_with_the_alert(patient, push_service):
    _subscribe(patient.user, push_service.new_device())
    with pytest.raises(RuntimeError), transaction.atomic():
        _raise(patient, "urgent")
        raise RuntimeError("the task died before commit")
    assert not Alert.objects.exists()
    assert not Notification.objects.exists()


@pytest.mark.parametrize(
    ("zone", "start", "end", "now", "held_until"),
    [
        # Europe springs forward at 01:00 UTC on 29 March 2026: 07:00 that morning is 05:00 UTC.
        ("Europe/Berlin", time(22), time(7), datetime(2026, 3, 28, 23, 0, tzinfo=UTC), datetime(2026, 3, 29, 5, 0)),
        ("Europe/Berlin", time(22), time(7), datetime(2026, 3, 27, 23, 0, tzinfo=UTC), datetime(2026, 3, 28, 6, 0)),
        # The US springs forward on 8 March 2026: held from EST into EDT.
        ("America/New_York", time(21), time(6), datetime(2026, 3, 8, 3, 0, tzinfo=UTC), datetime(2026, 3, 8, 10, 0)),
        # Sydney falls back on 5 April 2026: held from AEDT into AEST.
        ("Australia/Sydney", time(22), time(7), datetime(2026, 4, 4, 12, 0, tzinfo=UTC), datetime(2026, 4, 4, 21, 0)),
        ("Asia/Kolkata", time(13), time(15), datetime(2026, 6, 1, 8, 0, tzinfo=UTC), datetime(2026, 6, 1, 9, 30)),
        ("Asia/Kolkata", time(13), time(15), datetime(2026, 6, 1, 10, 0, tzinfo=UTC), None),
        ("Europe/Berlin", time(22), time(7), datetime(2026, 6, 1, 12, 0, tzinfo=UTC), None),
    ],
)
def test_quiet_hours_end_follows_the_local_clock(zone, start, end, now, held_until):
    expected = held_until.replace(tzinfo=UTC) if held_until else None
    assert delivery.quiet_hours_end(now, start, end, zoneinfo.ZoneInfo(zone)) == expected


def test_quiet_hours_hold_soft_alerts_but_not_urgent_ones(make_patient, push_service):
    patient = make_patient(timezone="America/Los_Angeles")
    _subscribe(patient.user, push_service.new_device())
    local_now = timezone.now().astimezone(patient.zone)
    start = (local_now - timedelta(hours=1)).time().replace(second=0, microsecond=0)
    end = (local_now + timedelta(hours=2)).time().replace(second=0, microsecond=0)
    update_preferences(user=patient.user, quiet_hours_start=start, quiet_hours_end=end)
    soft = _raise(patient, "info", code="fatigue_trend")
    urgent = _raise(patient, "urgent", code="rapid_progression")
    held = Notification.objects.get(alert=soft, channel="push")
    assert held.next_attempt_at > timezone.now() + timedelta(hours=1)
    assert Notification.objects.get(alert=soft, channel="inbox").next_attempt_at <= timezone.now()
    assert Notification.objects.get(alert=urgent, channel="push", repeat=0).next_attempt_at <= timezone.now()


def test_a_snoozed_code_reaches_only_the_inbox_unless_it_is_urgent(patient, push_service):
    _subscribe(patient.user, push_service.new_device())
    Snooze.objects.create(user=patient.user, code="fall", until=timezone.now() + timedelta(days=3))
    soft = _raise(patient, "soon", code="fall")
    assert list(Notification.objects.filter(alert=soft).values_list("channel", flat=True)) == ["inbox"]
    Alert.objects.all().delete()
    urgent = _raise(patient, "urgent", code="fall")
    assert Notification.objects.filter(alert=urgent, channel="push").exists()


def test_disabled_channels_are_not_planned(patient, push_service):
    _subscribe(patient.user, push_service.new_device())
    update_preferences(user=patient.user, push_enabled=False, email_enabled=False)
    alert = _raise(patient, "emergency")
    assert list(Notification.objects.filter(alert=alert).values_list("channel", flat=True)) == ["inbox"]


def test_a_claimed_notification_is_sent_once(patient, push_service):
    _subscribe(patient.user, push_service.new_device())
    alert = _raise(patient, "soon")
    push = Notification.objects.get(alert=alert, channel="push")
    delivery.deliver(notification_id=push.pk)
    delivery.deliver(notification_id=push.pk)
    push_service.wait_for(1)
    push.refresh_from_db()
    assert push.status == "sent" and push.attempts == 1 and push.sent_at
    assert list(push.delivery_attempts.values_list("outcome", flat=True)) == ["sent"]
    assert len(push_service.received) == 1


def test_escalation_repeats_until_acknowledged(patient, push_service):
    _subscribe(patient.user, push_service.new_device())
    alert = _raise(patient, "emergency")
    _deliver_due()
    _deliver_due(now=timezone.now() + timedelta(minutes=21))
    assert len(push_service.wait_for(3)) == 3
    alerting.acknowledge_alert(alert=alert)
    _deliver_due(now=timezone.now() + timedelta(hours=2))
    assert len(push_service.received) == 3
    statuses = dict(
        Notification.objects.filter(alert=alert, channel="push").values_list("repeat", "status").order_by("repeat")
    )
    assert statuses == {0: "sent", 1: "sent", 2: "sent", 3: "cancelled", 4: "cancelled", 5: "cancelled", 6: "cancelled"}


def test_a_repeat_claimed_after_acknowledgement_is_not_sent(patient, push_service):
    _subscribe(patient.user, push_service.new_device())
    alert = _raise(patient, "urgent")
    Alert.objects.filter(pk=alert.pk).update(status="acknowledged")
    repeat = Notification.objects.get(alert=alert, channel="push", repeat=1)
    delivery.deliver(notification_id=repeat.pk, now=timezone.now() + timedelta(minutes=11))
    repeat.refresh_from_db()
    assert repeat.status == "cancelled"
    assert push_service.requests == {}


def test_email_goes_through_the_configured_mail_backend(patient):
    carer = _caregiver_of(patient)
    alert = _raise(patient, "urgent")
    _deliver_due()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([patient.user.email, carer.email])
    message = next(m for m in mail.outbox if m.to == [patient.user.email])
    assert message.subject == "A fall. See a doctor today"
    assert f"/alerts/{alert.pk}/" in message.body and alert.advice in message.body


def test_410_removes_that_one_subscription_and_its_pending_repeats(patient, push_service):
    gone, alive = push_service.new_device(), push_service.new_device()
    gone_subscription = _subscribe(patient.user, gone)
    _subscribe(patient.user, alive)
    push_service.scripted[gone.endpoint.removeprefix(push_service.origin)] = [410]
    alert = _raise(patient, "emergency")
    _deliver_due()
    assert list(PushSubscription.objects.values_list("endpoint", flat=True)) == [alive.endpoint]
    failed = Notification.objects.get(alert=alert, channel="push", repeat=0, subscription__isnull=True, status="failed")
    assert list(failed.delivery_attempts.values_list("outcome", flat=True)) == ["permanent_error"]
    assert Notification.objects.filter(alert=alert, channel="push", status="cancelled").count() == 6
    assert push_service.wait_for(1)[0].path == alive.endpoint.removeprefix(push_service.origin)
    assert not PushSubscription.objects.filter(pk=gone_subscription.pk).exists()


def test_a_temporary_error_is_retried_with_exponential_backoff(patient, push_service, settings):
    settings.NOTIFICATION_RETRY_BASE_SECONDS = 30
    settings.NOTIFICATION_MAX_ATTEMPTS = 3
    device = push_service.new_device()
    _subscribe(patient.user, device)
    push_service.scripted[device.endpoint.removeprefix(push_service.origin)] = [500, 503, 500]
    push = Notification.objects.get(alert=_raise(patient, "soon"), channel="push")
    assert delivery.deliver(notification_id=push.pk) == 30
    push.refresh_from_db()
    assert push.status == "pending" and push.attempts == 1
    assert delivery.deliver(notification_id=push.pk) is None, "not due yet"
    assert delivery.deliver(notification_id=push.pk, now=push.next_attempt_at) == 60
    push.refresh_from_db()
    assert delivery.deliver(notification_id=push.pk, now=push.next_attempt_at) is None
    push.refresh_from_db()
    assert push.status == "failed" and push.attempts == 3
    assert list(push.delivery_attempts.values_list("outcome", flat=True)) == [
        "temporary_error",
        "temporary_error",
        "permanent_error",
    ]


def test_the_sweep_frees_a_row_stuck_in_sending_past_the_task_time_limit(patient, settings):
    alert = _raise(patient, "info")
    inbox = Notification.objects.get(alert=alert, channel="inbox")
    Notification.objects.filter(pk=inbox.pk).update(status="sending", claimed_at=timezone.now())
    assert inbox.pk not in dict(delivery.due_deliveries().notifications)
    later = timezone.now() + timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 1)
    assert inbox.pk in dict(delivery.due_deliveries(now=later).notifications)


def test_delivery_attempts_are_recorded(patient):
    alert = _raise(patient, "info")
    _deliver_due()
    assert DeliveryAttempt.objects.filter(notification__alert=alert, outcome="sent").count() == 2


def test_one_recipients_pushes_go_out_together_and_a_stalling_device_costs_one_deadline(
    patient, push_service, settings
):
    settings.PUSH_DEADLINE_SECONDS = 1
    stalled = [_subscribe(patient.user, push_service.new_stalled_device()) for _ in range(3)]
    _subscribe(patient.user, push_service.new_device())
    alert = _raise(patient, "emergency")
    started = time_module.monotonic()
    retry_in = delivery.deliver_pushes(recipient_id=patient.user_id)
    elapsed = time_module.monotonic() - started
    assert 1 <= elapsed < 3, "the three stalls ran side by side, within one deadline"
    assert len(push_service.wait_for(1)) == 1
    assert retry_in == settings.NOTIFICATION_RETRY_BASE_SECONDS
    first_sends = Notification.objects.filter(alert=alert, channel="push", repeat=0)
    assert sorted(first_sends.values_list("status", flat=True)) == ["pending", "pending", "pending", "sent"]
    for row in first_sends.filter(subscription__in=stalled):
        assert row.attempts == 1
        assert list(row.delivery_attempts.values_list("error", flat=True)) == ["no answer within 1 s"]


def test_a_recipient_is_sent_to_by_one_worker_at_a_time(patient, push_service):
    _subscribe(patient.user, push_service.new_device())
    _raise(patient, "urgent")
    PushLane.objects.create(user=patient.user, held_until=timezone.now() + timedelta(seconds=30))
    assert delivery.deliver_pushes(recipient_id=patient.user_id) is None
    assert push_service.requests == {}, "another worker holds this recipient; it sends what is due"
    PushLane.objects.filter(user=patient.user).update(held_until=timezone.now() - timedelta(seconds=1))
    delivery.deliver_pushes(recipient_id=patient.user_id)
    assert len(push_service.wait_for(1)) == 1, "a holder that died loses the lane when its time is up"
    assert PushLane.objects.get(user=patient.user).held_until is None


def test_an_unexpected_error_in_a_transport_is_recorded_and_ends_the_row(patient, push_service, settings, caplog):
    settings.NOTIFICATION_MAX_ATTEMPTS = 3
    device = push_service.new_device()
    PushSubscription.objects.create(user=patient.user, endpoint=device.endpoint, p256dh="not-a-key", auth=device.auth)
    push = Notification.objects.get(alert=_raise(patient, "soon"), channel="push")
    now = timezone.now()
    for _ in range(5):
        delivery.deliver_pushes(recipient_id=patient.user_id, now=now)
        push.refresh_from_db()
        now = push.next_attempt_at
    assert (push.status, push.attempts) == ("failed", 3)
    errors = list(push.delivery_attempts.values_list("outcome", "error"))
    assert [outcome for outcome, _ in errors] == ["temporary_error", "temporary_error", "permanent_error"]
    assert all(error.startswith("unexpected ") for _, error in errors)
    assert "unexpected error sending notification" in caplog.text


def test_an_ip_literal_endpoint_stored_earlier_fails_once_and_never_loops(patient, push_service):
    PushSubscription.objects.create(user=patient.user, endpoint="https://[::1]:8443/push/x", p256dh="k", auth="a")
    push = Notification.objects.get(alert=_raise(patient, "soon"), channel="push")
    delivery.deliver_pushes(recipient_id=patient.user_id)
    push.refresh_from_db()
    assert (push.status, push.attempts) == ("failed", 1)
    assert "not an IP address" in push.delivery_attempts.get().error
    assert push_service.requests == {}


def test_a_removed_caregiver_gets_no_more_repeats_and_loses_the_inbox_entries(patient, push_service, api):
    _subscribe(patient.user, push_service.new_device())
    carer = _caregiver_of(patient)
    carer_device = push_service.new_device()
    _subscribe(carer, carer_device)
    alert = _raise(patient, "emergency")
    _deliver_due()
    assert len(push_service.wait_for(2)) == 2
    assert Notification.objects.filter(recipient=carer, channel="inbox", status="sent").exists()

    link = CaregiverLink.objects.get(patient=patient, caregiver=carer)
    assert api.delete(f"/api/caregivers/{link.pk}/").status_code == 204
    _deliver_due(now=timezone.now() + timedelta(hours=2))
    carer_path = carer_device.endpoint.removeprefix(push_service.origin)
    assert [r.path for r in push_service.wait_for(8)].count(carer_path) == 1, (
        "the patient's 6 repeats, none for the carer"
    )
    to_carer = Notification.objects.filter(recipient=carer, alert=alert)
    assert not to_carer.filter(channel="inbox").exists()
    assert not to_carer.filter(status="pending").exists()
    assert to_carer.filter(channel="push", status="cancelled").count() == 6


def test_news_of_a_patient_is_not_sent_to_someone_who_no_longer_follows_them(patient, push_service):
    """However the link ended (here deleted outright, not through remove_caregiver): checked at send and read time."""
    carer = _caregiver_of(patient)
    _subscribe(carer, push_service.new_device())
    alert = _raise(patient, "urgent")
    _deliver_due()
    assert [n.alert_id for n in inbox_for(user=carer)] == [alert.pk]
    CaregiverLink.objects.filter(caregiver=carer).delete()
    assert not inbox_for(user=carer).exists(), "the inbox hides what the carer may no longer see"
    _deliver_due(now=timezone.now() + timedelta(hours=2))
    assert len(push_service.requests) == 1, "the first push only"
    repeats = Notification.objects.filter(recipient=carer, alert=alert, channel="push", repeat__gt=0)
    assert set(repeats.values_list("status", flat=True)) == {"cancelled"}


def test_more_than_a_tasks_rounds_can_send_is_handed_to_a_fresh_task_at_once(patient, push_service):
    for _ in range(10):
        _subscribe(patient.user, push_service.new_device())
    alert = _raise(patient, "emergency")
    later = timezone.now() + timedelta(hours=2)
    assert delivery.deliver_pushes(recipient_id=patient.user_id, now=later) == 0, "70 due, 60 sent in three rounds"
    assert len(push_service.wait_for(60)) == 60
    assert delivery.deliver_pushes(recipient_id=patient.user_id, now=later) is None
    assert len(push_service.wait_for(70)) == 70
    assert set(Notification.objects.filter(alert=alert, channel="push").values_list("status", flat=True)) == {"sent"}


def test_one_entry_and_its_correction_send_one_email_to_each_person(patient):
    """Issue 12 point 2: a day with several emergency signs, saved and then corrected, never two "Emergency"
    emails to the same person."""
    import uuid

    from tests.conftest import save_steady_days
    from tracker.services.logs import log_upsert

    carer = _caregiver_of(patient)
    save_steady_days(patient, DAY, days=20)
    signs = {"strength_left": 2, "strength_right": 8, "fatigue": 5}
    symptoms = ["face_arm_speech", "bladder_bowel_change", "back_pain"]
    for values in (signs, signs | {"strength_left": 1}):
        log, _ = log_upsert(patient=patient, date=DAY, client_id=uuid.uuid4(), values=values | {"symptoms": symptoms})
        alerting.check_saved_log(log_id=log.pk)
    assert Alert.objects.filter(patient=patient, raised_on=DAY).count() == 1
    _deliver_due()
    emailed = sorted(message.to[0] for message in mail.outbox)
    assert emailed == sorted([patient.user.email, carer.email])
