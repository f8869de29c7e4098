"""Redis (the broker) stopped while phones save logs: every log saved, every alert raised and delivered later."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.conftest import _free_port, client_for, wait_until
from tests.faults.processes import start_worker, stop
from tests.tracker.test_tasks_delivery import _database_url, _publishing_to, _redis_server, _subscribe
from tracker import tasks
from tracker.models import Alert, DailyLog, Notification

PHONES = 6
EMERGENCIES = PHONES // 2


def _steady_history(patient, days=30):
    """A month of unremarkable logs, already checked, so only today's log is new."""
    today = patient.local_today()
    DailyLog.objects.bulk_create(
        DailyLog(
            patient=patient,
            date=today - timedelta(days=offset),
            client_id=uuid.uuid4(),
            strength_left=8,
            strength_right=8,
            fatigue=3,
            steps=5000,
            red_flags_checked_at=timezone.now(),
        )
        for offset in range(days, 0, -1)
    )


@pytest.mark.faults
@pytest.mark.django_db(transaction=True)
def test_logs_saved_while_redis_is_down_are_all_kept_and_their_alerts_delivered_once_it_returns(
    make_patient, push_service, monkeypatch, tmp_path, record_property
):
    patients = [make_patient() for _ in range(PHONES)]
    for patient in patients:
        _steady_history(patient)
        _subscribe(patient.user, push_service.new_device())
    port = _free_port()
    url = f"redis://127.0.0.1:{port}/0"
    broker = _redis_server(port)
    with _publishing_to(url):
        stop(broker)
        # Half the phones report a sudden one-sided weakness (an emergency), half an ordinary day.
        for number, patient in enumerate(patients):
            body = {"date": patient.local_today().isoformat(), "client_id": str(uuid.uuid4()), "fatigue": 4}
            if number % 2 == 0:
                body |= {"strength_left": 8, "strength_right": 2, "symptoms": ["sudden_onset"]}
            else:
                body |= {"strength_left": 8, "strength_right": 8}
            response = client_for(patient).post("/api/logs/", body, format="json")
            assert response.status_code == 201, response.content
            # The phone is told what to do at once, from the request itself, whatever the broker.
            assert bool(response.json().get("triage")) == (number % 2 == 0)
        assert DailyLog.objects.filter(red_flags_checked_at__isnull=True).count() == PHONES

        broker = _redis_server(port)
        worker = start_worker(url, _database_url(), tmp_path / "worker.log")
        try:
            # What beat does once Redis is back: the sweeps pick up the logs and messages that lost their task.
            monkeypatch.setattr(tasks, "UNCHECKED_LOG_GRACE", timedelta(0))
            tasks.sweep_unchecked_logs()
            wait_until(lambda: not DailyLog.objects.filter(red_flags_checked_at__isnull=True).exists(), 30)
            wait_until(lambda: Alert.objects.count() == EMERGENCIES, 10)
            tasks.sweep_notifications()
            push_service.wait_for(EMERGENCIES, timeout=30)
            # Escalation repeats wait their turn; every first message (push, email, inbox) is out.
            wait_until(lambda: not Notification.objects.filter(repeat=0).exclude(status="sent").exists(), 30)
            tasks.sweep_notifications()
        finally:
            stop(worker)
            stop(broker)
    record_property("logs_saved", DailyLog.objects.count() - PHONES * 30)
    record_property("alerts", Alert.objects.count())
    record_property("pushes_received", len(push_service.received))
    assert DailyLog.objects.count() == PHONES * 31
    assert sorted(received.payload["alert_id"] for received in push_service.received) == sorted(
        Alert.objects.values_list("pk", flat=True)
    )
    assert set(Alert.objects.values_list("severity", flat=True)) == {"emergency"}
    assert Notification.objects.filter(channel="inbox").count() == EMERGENCIES
