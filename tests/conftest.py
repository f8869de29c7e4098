"""Real services for the suite: the test Redis and a real Celery worker.

With REDIS_URL unset the session starts a private redis-server on a free port.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from datetime import timedelta

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from celery.worker import state as worker_state
from django.conf import settings
from kombu.exceptions import ChannelError
from rest_framework.test import APIClient

from tests.push_service import ca_bundle_path, start_push_service
from tracker.celery import app as celery_app
from tracker.notify.webpush import generate_vapid_key_pair
from tracker.services.email_verification import mark_email_verified
from tracker.services.patients import register_patient

_private_redis: subprocess.Popen | None = None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_private_redis() -> str:
    global _private_redis
    binary = shutil.which("redis-server")
    if binary is None:
        raise pytest.UsageError("REDIS_URL is unset and redis-server is not installed (apt-get install redis-server).")
    port = _free_port()
    _private_redis = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            tempfile.gettempdir(),
        ],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    for _ in range(100):
        try:
            client.ping()
            return url
        except redis.ConnectionError:
            time.sleep(0.05)
    raise RuntimeError("the private redis-server did not start")


def pytest_configure(config):
    # Senders (this process and the worker processes it starts) trust the local push service's certificate.
    os.environ["REQUESTS_CA_BUNDLE"] = ca_bundle_path()
    url = os.environ.get("REDIS_URL") or _start_private_redis()
    settings.REDIS_URL = url
    settings.CELERY_BROKER_URL = url
    settings.CACHES["default"]["LOCATION"] = url
    celery_app.conf.broker_url = url


def pytest_unconfigure(config):
    if _private_redis is not None:
        _private_redis.terminate()
        _private_redis.wait(timeout=10)


@pytest.fixture(scope="session")
def redis_url() -> str:
    return settings.REDIS_URL


@pytest.fixture(scope="session")
def _celery_worker_session(django_db_setup, django_db_blocker):
    celery_app.control.purge()
    with (
        django_db_blocker.unblock(),
        start_worker(
            celery_app, pool="solo", perform_ping_check=False, loglevel="WARNING", shutdown_timeout=30
        ) as worker,
    ):
        yield worker


@pytest.fixture
def celery_worker(_celery_worker_session, transactional_db):
    """A real worker consuming the test Redis; tests using it see committed data only."""
    yield _celery_worker_session
    # The database is emptied after the test: a task still writing then would deadlock with the
    # TRUNCATE, and a message still queued would run against the next test's data.
    _wait_until_worker_idle()
    celery_app.control.purge()


def _wait_until_worker_idle(timeout: float = 20.0, settle: float = 0.2) -> None:
    """Until the worker has run everything sent to it: nothing running or reserved and nothing queued, for `settle`
    seconds on end (a save's task is sent just after its commit, so a test can see the row a moment before the
    message exists)."""
    deadline = time.monotonic() + timeout
    idle_since = None
    with celery_app.connection_for_read() as connection:
        while time.monotonic() < deadline:
            if worker_state.active_requests or worker_state.reserved_requests or _queued_messages(connection):
                idle_since = None
            elif idle_since is None:
                idle_since = time.monotonic()
            elif time.monotonic() - idle_since >= settle:
                return
            time.sleep(0.05)


def _queued_messages(connection) -> int:
    return sum(_queue_length(connection.default_channel, queue.name) for queue in celery_app.conf.task_queues)


def _queue_length(channel, name: str) -> int:
    try:
        return channel.queue_declare(name, passive=True).message_count
    except ChannelError:  # nothing was ever sent to it
        return 0


@pytest.fixture
def make_patient(db):
    def make(
        username: str | None = None,
        timezone: str = "Europe/Berlin",
        email: str = "someone@example.org",
        email_verified: bool = True,
        **profile,
    ):
        patient = register_patient(
            username=username or f"p{uuid.uuid4().hex[:10]}",
            email=email,
            password="a long enough passphrase 42",
            timezone=timezone,
            **profile,
        )
        if email_verified:
            mark_email_verified(patient.user)
        return patient

    return make


@pytest.fixture
def patient(make_patient):
    return make_patient(country="DE")


def client_for(patient) -> APIClient:
    """An API client signed in as the patient with a token of its own (one device)."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_for(patient.user)}")
    return client


def token_for(user) -> str:
    from tracker.services.devices import issue_api_token

    return issue_api_token(user=user, device="test client")[1]


@pytest.fixture
def api(patient) -> APIClient:
    return client_for(patient)


def wait_until(condition, timeout: float = 10.0, interval: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout}s")


@pytest.fixture(autouse=True)
def _fresh_rate_limits(redis_url):
    """Each test starts with unspent rate limits and sign-in throttles (the counters live in the suite's Redis)."""
    client = redis.Redis.from_url(redis_url)
    for pattern in ("*ratelimit:*", "*login:*"):
        for key in client.scan_iter(match=pattern):
            client.delete(key)


def save_steady_days(patient, until, days: int = 30) -> None:
    """Unremarkable days before `until`, each saved through the service (so each is checked)."""
    from tracker.services.logs import log_upsert

    for offset in range(days, 0, -1):
        log_upsert(
            patient=patient,
            date=until - timedelta(days=offset),
            client_id=uuid.uuid4(),
            values={"strength_left": 8, "strength_right": 8, "fatigue": 3, "steps": 5000},
        )


def add_logs(patient, days) -> list:
    """Store DayEntry-like rows directly, as a diary already logged (no save-time checks run)."""
    from tracker.models import DailyLog
    from tracker.symptoms import symptoms_to_flags

    return DailyLog.objects.bulk_create(
        DailyLog(
            patient=patient,
            date=day.date,
            client_id=uuid.uuid4(),
            strength_left=day.strength_left,
            strength_right=day.strength_right,
            fatigue=day.fatigue,
            steps=day.steps,
            chair_stand_30s=day.chair_stand_30s,
            numbness_extent=day.numbness_extent,
            symptom_flags=symptoms_to_flags(sorted(day.symptoms)),
            note=getattr(day, "note", ""),
        )
        for day in days
    )


@pytest.fixture
def vapid(settings):
    private, public = generate_vapid_key_pair()
    settings.VAPID_PRIVATE_KEY = private
    settings.VAPID_PUBLIC_KEY = public
    settings.VAPID_SUBJECT = "mailto:alerts@example.org"
    return public


@pytest.fixture
def push_service(vapid):
    service, server = start_push_service()
    yield service
    service.release.set()
    server.shutdown()
    server.server_close()
