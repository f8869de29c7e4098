"""Another person's emergency push while a hostile account's 30 stalling endpoints raise alerts.

    .venv/bin/python bench/push_isolation.py [--tries 20] [--hostile-alerts 12]

The README's production worker, `celery -A tracker worker --concurrency 4` (no -Q), runs as its own
process on a private redis-server; the web side runs in this process (the Django test client). A
local HTTPS push service (tests/push_service.py, allowed through PUSH_SERVICE_HOSTS=localhost like
the real ones) decrypts what it receives; the hostile account's endpoints on it never answer (a
tarpit). The hostile account subscribes 30 of them through the API (10 are kept) and raises
emergencies by saving red-flag logs, one per day it backfills, before and during the measurement.
Each try, a fresh person saves a red-flag log; the figure is from that POST to their push arriving.
The baseline is the same measurement without the hostile account, in the same run.

Target: p95 under attack < 5 s. Uses PostgreSQL (DATABASE_URL, a database `bench_push_isolation`).
"""

import argparse
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
TARGET_P95_SECONDS = 5.0
RED_FLAG = {"strength_left": 8, "strength_right": 2, "fatigue": 4, "symptoms": ["face_arm_speech", "sudden_onset"]}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_redis(workdir: str) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    process = subprocess.Popen(
        [shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        cwd=workdir,
    )
    time.sleep(0.3)
    return process, f"redis://127.0.0.1:{port}/0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tries", type=int, default=20)
    parser.add_argument("--hostile-alerts", type=int, default=12, help="red-flag days the hostile account saves")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="push-isolation-")
    redis_server, redis_url = _start_redis(workdir)
    os.environ["REDIS_URL"] = redis_url
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT))
    from tests.push_service import ca_bundle_path

    os.environ["REQUESTS_CA_BUNDLE"] = ca_bundle_path()
    import _django

    _django.setup("bench_push_isolation")
    worker = None
    try:
        worker = run(args)
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=60)
        redis_server.terminate()
        shutil.rmtree(workdir, ignore_errors=True)


def run(args) -> subprocess.Popen:
    from django.conf import settings
    from django.db import connection
    from django.utils import timezone

    from tests.conftest import client_for
    from tests.push_service import start_push_service
    from tracker.models import Alert, DailyLog, PushSubscription
    from tracker.notify.webpush import generate_vapid_key_pair
    from tracker.services.patients import register_patient

    settings.VAPID_PRIVATE_KEY, settings.VAPID_PUBLIC_KEY = generate_vapid_key_pair()
    service, server = start_push_service()

    def person(days_logged: int = 30):
        """A new account with `days_logged` unremarkable days before today."""
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
            for offset in range(days_logged, 0, -1)
        )
        return patient, client_for(patient)

    def emergency_latency(received_before: int) -> float:
        patient, client = person()
        device = service.new_device()
        assert client.post("/api/push-subscriptions/", device.subscription_json(), format="json").status_code == 201
        started = time.monotonic()
        response = client.post("/api/logs/", {"date": patient.local_today().isoformat(), **RED_FLAG}, format="json")
        assert response.status_code == 201, response.content
        path = device.endpoint.removeprefix(service.origin)
        arrived = next(r for r in service.wait_for(received_before + 1, timeout=120) if r.path == path)
        return arrived.at - started

    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "tracker", "worker", "--concurrency", "4", "--loglevel", "WARNING"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        env={
            **os.environ,
            "DATABASE_URL": database_url,
            "VAPID_PRIVATE_KEY": settings.VAPID_PRIVATE_KEY,
            "VAPID_SUBJECT": settings.VAPID_SUBJECT,
        },
    )
    # Warm-up: the worker's first task waits for it to start.
    emergency_latency(0)

    baseline = [emergency_latency(len(service.received)) for _ in range(args.tries)]

    hostile, hostile_client = person(days_logged=0)
    for _ in range(30):
        device = service.new_stalled_device()
        hostile_client.post("/api/push-subscriptions/", device.subscription_json(), format="json")
    kept = PushSubscription.objects.filter(user=hostile.user).count()
    hostile_day = hostile.local_today()

    def hostile_alert():
        nonlocal hostile_day
        hostile_client.post("/api/logs/", {"date": hostile_day.isoformat(), **RED_FLAG}, format="json")
        hostile_day -= timedelta(days=1)

    for _ in range(args.hostile_alerts):
        hostile_alert()
    deadline = time.monotonic() + 30
    while sum(service.requests.get(path, 0) for path in service.stalled) < kept and time.monotonic() < deadline:
        time.sleep(0.1)
    under_attack = []
    for _ in range(args.tries):
        hostile_alert()
        under_attack.append(emergency_latency(len(service.received)))
    stalled_requests = sum(service.requests.get(path, 0) for path in service.stalled)
    hostile_alerts = Alert.objects.filter(patient=hostile).count()
    service.release.set()
    server.shutdown()

    def figures(latencies):
        ordered = sorted(latencies)
        p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
        return statistics.median(ordered), p95, ordered[-1]

    base_p50, base_p95, base_max = figures(baseline)
    p50, p95, worst = figures(under_attack)
    print(
        f"red-flag log POST -> another person's Web Push, {args.tries} tries each, "
        f"worker `celery -A tracker worker --concurrency 4`, PostgreSQL + Redis"
    )
    print(
        f"hostile account: 30 stalling endpoints subscribed ({kept} kept), {hostile_alerts} emergency alerts raised, "
        f"{stalled_requests} pushes to its endpoints left hanging"
    )
    print(f"baseline      p50 {base_p50 * 1000:.0f} ms   p95 {base_p95 * 1000:.0f} ms   max {base_max * 1000:.0f} ms")
    print(f"under attack  p50 {p50 * 1000:.0f} ms   p95 {p95 * 1000:.0f} ms   max {worst * 1000:.0f} ms")
    print(
        f"p95 ratio under attack / baseline: {p95 / base_p95:.2f}   target p95 < {TARGET_P95_SECONDS:.0f} s: "
        f"{'met' if p95 < TARGET_P95_SECONDS else 'MISSED'}"
    )
    return worker


if __name__ == "__main__":
    main()
