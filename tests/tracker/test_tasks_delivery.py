"""Delivery through real workers and a real Redis: the live path, retries, and a broker outage."""

import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis
from django.conf import settings as django_settings
from django.db import connection
from kombu import pools as kombu_pools

from tests.conftest import _free_port, client_for, save_steady_days, wait_until
from tracker import tasks
from tracker.celery import app as celery_app
from tracker.models import Alert, DeliveryAttempt, Notification, PushSubscription
from tracker.rules.types import Finding, Severity
from tracker.services import alerting, delivery

STROKE_SIGNS = ["sudden_onset"]
ROOT = Path(__file__).resolve().parents[2]


def _subscribe(user, device) -> PushSubscription:
    return PushSubscription.objects.create(user=user, endpoint=device.endpoint, p256dh=device.p256dh, auth=device.auth)


@pytest.mark.worker
def test_a_red_flag_log_reaches_the_phone_as_a_web_push(celery_worker, make_patient, push_service):
    patient = make_patient(timezone="Europe/Berlin", country="DE")
    device = push_service.new_device()
    client = client_for(patient)
    # The local push service is allowed through PUSH_SERVICE_HOSTS like the real ones, not bypassed.
    assert client.post("/api/push-subscriptions/", device.subscription_json(), format="json").status_code == 201
    today = patient.local_today()
    save_steady_days(patient, today)
    client.post(
        "/api/logs/",
        {
            "date": today.isoformat(),
            "strength_left": 8,
            "strength_right": 2,
            "fatigue": 4,
            "symptoms": ["sudden_onset"],
        },
        format="json",
    )
    [received] = push_service.wait_for(1, timeout=20)
    alert = Alert.objects.get(patient=patient, severity="emergency")
    assert received.payload["alert_id"] == alert.pk
    assert received.payload["url"] == f"/alerts/{alert.pk}/"
    assert "112" in received.payload["body"]
    inbox = wait_until(lambda: client.get("/api/notifications/").json()["results"])
    assert inbox[0]["alert_id"] == alert.pk


@pytest.mark.worker
def test_a_failing_push_service_is_retried_with_backoff_by_the_worker(celery_worker, patient, push_service, settings):
    settings.NOTIFICATION_RETRY_BASE_SECONDS = 0.3
    device = push_service.new_device()
    _subscribe(patient.user, device)
    push_service.scripted[device.endpoint.removeprefix(push_service.origin)] = [500, 503]
    finding = Finding(code="fall", severity=Severity.SOON, patient_text="You fell.")
    alerting.raise_alerts(patient=patient, findings=[finding], raised_on=patient.local_today(), days=[])
    push_service.wait_for(1, timeout=20)
    push = Notification.objects.get(recipient=patient.user, channel="push")
    wait_until(lambda: Notification.objects.get(pk=push.pk).status == "sent")
    attempts = list(DeliveryAttempt.objects.filter(notification=push).order_by("attempted_at"))
    assert [a.outcome for a in attempts] == ["temporary_error", "temporary_error", "sent"]
    gaps = [(b.attempted_at - a.attempted_at).total_seconds() for a, b in itertools.pairwise(attempts)]
    assert gaps[0] >= 0.3 and gaps[1] >= 0.6, gaps
    assert len(push_service.received) == 1


def _redis_server(port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        cwd=tempfile.gettempdir(),
    )
    client = redis.Redis(port=port)
    wait_until(lambda: _pings(client), timeout=5)
    return process


def _pings(client) -> bool:
    try:
        return client.ping()
    except redis.ConnectionError:
        return False


@contextmanager
def _publishing_to(url: str):
    """Point this process's Celery producer at another broker, then back."""
    previous = celery_app.conf.broker_url

    def switch(to):
        # kombu keeps one pool per broker URL process-wide: reset them all, or the URL switched back to
        # would get its closed pool again.
        kombu_pools.reset()
        celery_app._pool = None
        celery_app.amqp._producer_pool = None
        celery_app.conf.broker_url = to

    switch(url)
    try:
        yield
    finally:
        switch(previous)


def _database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_an_alert_raised_while_redis_is_down_is_delivered_once_after_it_returns(patient, push_service):
    _subscribe(patient.user, push_service.new_device())
    port = _free_port()
    url = f"redis://127.0.0.1:{port}/0"
    broker = _redis_server(port)
    with _publishing_to(url):
        broker.terminate()
        broker.wait(timeout=10)
        finding = Finding(code="fall", severity=Severity.SOON, patient_text="You fell.")
        [alert] = alerting.raise_alerts(patient=patient, findings=[finding], raised_on=patient.local_today(), days=[])
        assert Notification.objects.filter(alert=alert, status="pending").count() == 3

        broker = _redis_server(port)
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "tracker", "worker", "--pool", "solo", "--loglevel", "WARNING"],
            cwd=ROOT,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "tracker.test_settings",
                "REDIS_URL": url,
                "DATABASE_URL": _database_url(),
                "VAPID_PRIVATE_KEY": django_settings.VAPID_PRIVATE_KEY,
                "VAPID_SUBJECT": django_settings.VAPID_SUBJECT,
            },
        )
        try:
            tasks.sweep_notifications()
            tasks.sweep_notifications()
            push_service.wait_for(1, timeout=30)
            wait_until(lambda: not Notification.objects.filter(alert=alert).exclude(status="sent").exists(), 20)
            tasks.sweep_notifications()
            time.sleep(1)
        finally:
            worker.terminate()
            worker.wait(timeout=30)
            broker.terminate()
            broker.wait(timeout=10)
    assert len(push_service.received) == 1
    assert DeliveryAttempt.objects.filter(notification__alert=alert).count() == 3


@contextmanager
def _private_broker():
    """A redis-server of its own, this process publishing to it; yields its URL."""
    port = _free_port()
    url = f"redis://127.0.0.1:{port}/0"
    broker = _redis_server(port)
    try:
        with _publishing_to(url):
            yield url
    finally:
        broker.terminate()
        broker.wait(timeout=10)


@contextmanager
def _plain_worker(broker_url: str, *worker_args: str):
    """`celery -A tracker worker` with `worker_args` and no -Q: it consumes the queues settings declare (README)."""
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "tracker", "worker", *worker_args, "--loglevel", "WARNING"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tracker.test_settings",
            "REDIS_URL": broker_url,
            "DATABASE_URL": _database_url(),
            "VAPID_PRIVATE_KEY": django_settings.VAPID_PRIVATE_KEY,
            "VAPID_SUBJECT": django_settings.VAPID_SUBJECT,
        },
    )
    try:
        yield worker
    finally:
        worker.terminate()
        worker.wait(timeout=60)


def test_every_queue_a_task_can_be_sent_to_is_declared():
    declared = {queue.name for queue in django_settings.CELERY_TASK_QUEUES}
    assert django_settings.CELERY_TASK_DEFAULT_QUEUE in declared
    assert {route["queue"] for route in django_settings.CELERY_TASK_ROUTES.values()} <= declared
    delivery_queues = {delivery.queue_for(severity) for severity in ("emergency", "urgent", "soon", "info", None)}
    assert delivery_queues == declared - {django_settings.PDF_TASK_QUEUE}
    assert django_settings.CELERY_TASK_QUEUES[0].name == django_settings.URGENT_TASK_QUEUE
    assert django_settings.CELERY_BROKER_TRANSPORT_OPTIONS["queue_order_strategy"] == "priority"


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_plain_worker_consumes_every_queue_and_serves_the_urgent_one_first(patient):
    today = patient.local_today()
    with _private_broker() as broker_url:
        # Queued before any worker runs: five soft alerts' messages, then an emergency's.
        for n in range(5):
            finding = Finding(code=f"fatigue_trend_{n}", severity=Severity.INFO, patient_text="x")
            alerting.raise_alerts(patient=patient, findings=[finding], raised_on=today, days=[])
        emergency = Finding(code="sudden_weakness", severity=Severity.EMERGENCY, patient_text="x")
        [alert] = alerting.raise_alerts(patient=patient, findings=[emergency], raised_on=today, days=[])
        with _plain_worker(broker_url, "--concurrency", "1"):
            wait_until(lambda: not Notification.objects.exclude(status="sent").exists(), timeout=60)
    attempts = list(
        DeliveryAttempt.objects.order_by("attempted_at", "pk").values_list("notification__alert", flat=True)
    )
    assert len(attempts) == 12, "inbox and email of six alerts, from both queues"
    assert attempts[:2] == [alert.pk, alert.pk], "the emergency's messages went first"


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_a_hostile_account_with_stalling_endpoints_does_not_delay_another_persons_emergency(make_patient, push_service):
    hostile, victim = make_patient(), make_patient()
    hostile_client = client_for(hostile)
    for _ in range(30):
        device = push_service.new_stalled_device()
        assert (
            hostile_client.post("/api/push-subscriptions/", device.subscription_json(), format="json").status_code
            == 201
        )
    assert PushSubscription.objects.filter(user=hostile.user).count() == 10, "the oldest went as new ones came"
    victim_device = push_service.new_device()
    client_for(victim).post("/api/push-subscriptions/", victim_device.subscription_json(), format="json")
    today = victim.local_today()

    # The README's production worker: `celery -A tracker worker --concurrency 4`.
    with _private_broker() as broker_url, _plain_worker(broker_url, "--concurrency", "4"):
        for n in range(8):
            finding = Finding(code=f"hostile_{n}", severity=Severity.EMERGENCY, patient_text="x")
            alerting.raise_alerts(patient=hostile, findings=[finding], raised_on=today, days=[])
        wait_until(lambda: sum(push_service.requests.values()) >= 10, timeout=30)
        started = time.monotonic()
        emergency = Finding(code="sudden_weakness", severity=Severity.EMERGENCY, patient_text="x")
        alerting.raise_alerts(patient=victim, findings=[emergency], raised_on=today, days=[])
        [received] = push_service.wait_for(1, timeout=30)
        latency = received.at - started
        push_service.release.set()
    assert received.path == victim_device.endpoint.removeprefix(push_service.origin)
    assert latency < 5, f"the emergency arrived after {latency:.1f} s"
