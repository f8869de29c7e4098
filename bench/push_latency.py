"""From the POST of a red-flag log to its Web Push arriving at a local push service.

A real Celery worker (solo pool, in this process like the test suite's) consumes a private
redis-server; the push service decrypts every payload and checks its VAPID signature.

    .venv/bin/python bench/push_latency.py [TRIES]      # default 100; target p95 <= 1 s

Uses a throwaway SQLite file unless DATABASE_URL is set (use a throwaway PostgreSQL database).
"""

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
workdir = tempfile.mkdtemp(prefix="push-bench-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.sqlite3")
os.environ["DJANGO_SETTINGS_MODULE"] = "tracker.test_settings"
os.environ.setdefault("LOG_LEVEL", "WARNING")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


port = _free_port()
redis_server = subprocess.Popen(
    [shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    stdout=subprocess.DEVNULL,
    cwd=workdir,
)
os.environ["REDIS_URL"] = f"redis://127.0.0.1:{port}/0"

from tests.push_service import ca_bundle_path, start_push_service  # noqa: E402

# The local push service is HTTPS on localhost (allowed by tracker.test_settings' PUSH_SERVICE_HOSTS).
os.environ["REQUESTS_CA_BUNDLE"] = ca_bundle_path()

import django  # noqa: E402

django.setup()

from celery.contrib.testing.worker import start_worker  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from tests.conftest import client_for  # noqa: E402
from tracker.celery import app as celery_app  # noqa: E402
from tracker.models import DailyLog, PushSubscription  # noqa: E402
from tracker.notify.webpush import generate_vapid_key_pair  # noqa: E402
from tracker.services.patients import register_patient  # noqa: E402


def main(tries: int) -> None:
    time.sleep(0.3)
    call_command("migrate", verbosity=0)
    settings.VAPID_PRIVATE_KEY, settings.VAPID_PUBLIC_KEY = generate_vapid_key_pair()
    service, server = start_push_service()
    patients = []
    for _ in range(tries):
        patient = register_patient(
            username=f"b{uuid.uuid4().hex[:10]}", email="", password="a long enough passphrase 42", timezone="UTC"
        )
        today = patient.local_today()
        DailyLog.objects.bulk_create(
            DailyLog(
                patient=patient,
                date=today - timedelta(days=offset),
                client_id=uuid.uuid4(),
                strength_left=8,
                strength_right=8,
                fatigue=3,
                red_flags_checked_at=timezone.now(),
            )
            for offset in range(30, 0, -1)
        )
        device = service.new_device()
        PushSubscription.objects.create(
            user=patient.user, endpoint=device.endpoint, p256dh=device.p256dh, auth=device.auth
        )
        patients.append((patient, today))

    latencies = []
    with start_worker(celery_app, pool="solo", perform_ping_check=False, loglevel="WARNING", shutdown_timeout=30):
        for count, (patient, today) in enumerate(patients, start=1):
            client = client_for(patient)
            started = time.monotonic()
            response = client.post(
                "/api/logs/",
                {
                    "date": today.isoformat(),
                    "strength_left": 8,
                    "strength_right": 2,
                    "fatigue": 4,
                    "symptoms": ["face_arm_speech", "sudden_onset"],
                },
                format="json",
            )
            assert response.status_code == 201, response.content
            latencies.append(service.wait_for(count, timeout=30)[-1].at - started)
    server.shutdown()

    latencies.sort()
    p50 = statistics.median(latencies)
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
    database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"red-flag log POST -> Web Push arrival, {tries} tries, {database}, real worker + Redis")
    print(
        f"p50 {p50 * 1000:.0f} ms   p95 {p95 * 1000:.0f} ms   max {latencies[-1] * 1000:.0f} ms   target p95 <= 1000 ms"
    )


if __name__ == "__main__":
    try:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
    finally:
        redis_server.terminate()
        shutil.rmtree(workdir, ignore_errors=True)
