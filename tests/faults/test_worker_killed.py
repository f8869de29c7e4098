"""A worker killed (SIGKILL) in the middle of delivering: no alert lost, each alert once in the inbox."""

import signal

import pytest

from tests.conftest import _free_port, client_for, wait_until
from tests.faults.processes import start_worker, stop
from tests.tracker.test_tasks_delivery import _database_url, _publishing_to, _redis_server, _subscribe
from tracker import tasks
from tracker.models import Alert, Notification
from tracker.rules.types import Finding, Severity
from tracker.services import alerting

PATIENTS = 4


@pytest.mark.faults
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_delivery_loses_no_alert_and_duplicates_none_in_the_inbox(
    make_patient, push_service, settings, tmp_path, record_property
):
    push_service.answer_delay = 1.5
    patients = [make_patient() for _ in range(PATIENTS)]
    for patient in patients:
        _subscribe(patient.user, push_service.new_device())
    port = _free_port()
    url = f"redis://127.0.0.1:{port}/0"
    broker = _redis_server(port)
    with _publishing_to(url):
        first = start_worker(url, _database_url(), tmp_path / "first-worker.log")
        second = None
        try:
            finding = Finding(code="fall", severity=Severity.SOON, patient_text="You fell.")
            for patient in patients:
                alerting.raise_alerts(patient=patient, findings=[finding], raised_on=patient.local_today(), days=[])
            # The first push has reached the phone and the worker waits for the push service's answer: kill it.
            push_service.wait_for(1, timeout=30)
            assert Notification.objects.filter(status="sending").exists()
            stop(first, signal.SIGKILL)

            push_service.answer_delay = 0
            # A row left in `sending` by the dead worker is freed after the task time limit; short from here on.
            settings.CELERY_TASK_SOFT_TIME_LIMIT, settings.CELERY_TASK_TIME_LIMIT = 1, 2
            second = start_worker(url, _database_url(), tmp_path / "second-worker.log")
            expected = Notification.objects.count()

            def all_sent():
                tasks.sweep_notifications()
                return Notification.objects.filter(status="sent").count() == expected

            wait_until(all_sent, timeout=40, interval=1)
        finally:
            for worker in (first, second):
                if worker is not None:
                    stop(worker)
            stop(broker)

    alert_ids = set(Alert.objects.values_list("pk", flat=True))
    assert len(alert_ids) == PATIENTS
    pushed = [received.payload["alert_id"] for received in push_service.received]
    record_property("alerts", len(alert_ids))
    record_property("pushes_received", len(pushed))
    record_property("notifications_sent", Notification.objects.filter(status="sent").count())
    assert set(pushed) == alert_ids, "every alert reached its phone"
    # At-least-once: the push in flight when the worker died may arrive twice; nothing else does.
    assert len(pushed) - len(alert_ids) <= 1
    for patient in patients:
        inbox = client_for(patient).get("/api/notifications/").json()["results"]
        assert [item["alert_id"] for item in inbox] == [Alert.objects.get(patient=patient).pk]
