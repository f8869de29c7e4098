"""Load: simulated phones logging and reading charts against gunicorn + PostgreSQL + Redis + a Celery worker.

    .venv/bin/python bench/load/run.py [--phones 200] [--seconds 60] [--background-patients 1000]

Everything runs on 127.0.0.1 and is private to the run: a PostgreSQL cluster in a temp dir (the machine's
shared one is never touched), a redis-server on a free port, gunicorn and one worker. After `--warmup`
seconds, two phases of `--seconds` each: plain load, then the same load while the nightly analysis runs
over every patient (the phones' own and `--background-patients` more, each with a year of logs), started
over each time it finishes so that it runs through the whole phase. Each phone, in a loop with a short
pause: saves today's log (a resubmission after the first), reads its strength chart, reads its last 30 logs.
Prints requests, errors, requests per second and latency percentiles per phase and per kind of request.
"""

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from datetime import timedelta
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.faults.processes import PrivatePostgres, free_port, stop, wait_for_http  # noqa: E402

HISTORY_DAYS = 365
THINK_SECONDS = (0.5, 1.5)


def seed(phones: int, background: int) -> list[str]:
    """Patients with a year of steady logs; returns the phones' API tokens."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from tracker.models import DailyLog
    from tracker.services.devices import issue_api_token
    from tracker.services.patients import register_patient

    call_command("migrate", verbosity=0)
    rng = random.Random(7)
    tokens = []
    started = time.perf_counter()
    for number in range(phones + background):
        patient = register_patient(
            username=f"load{number}", email="", password="a long enough passphrase 42", timezone="Europe/Berlin"
        )
        today = patient.local_today()
        left, right = rng.randint(4, 9), rng.randint(4, 9)
        DailyLog.objects.bulk_create(
            DailyLog(
                patient=patient,
                date=today - timedelta(days=offset),
                client_id=uuid.uuid4(),
                strength_left=left + rng.randint(-1, 1),
                strength_right=right + rng.randint(-1, 1),
                fatigue=rng.randint(2, 5),
                steps=rng.randint(2000, 8000),
                chair_stand_30s=rng.randint(8, 14),
                red_flags_checked_at=timezone.now(),
            )
            for offset in range(HISTORY_DAYS, 0, -1)
        )
        if number < phones:
            tokens.append(issue_api_token(user=patient.user, device="load script")[1])
    print(f"seeded {phones + background} patients x {HISTORY_DAYS} days in {time.perf_counter() - started:.0f} s")
    return tokens


async def phone(session, origin: str, token: str, deadline: float, results: dict, errors: list, saved: dict) -> None:
    headers = {"Authorization": f"Token {token}"}
    client_id = str(uuid.uuid4())
    rng = random.Random(token)
    await asyncio.sleep(rng.uniform(0, THINK_SECONDS[1]))
    while time.monotonic() < deadline:
        log = {
            "date": time.strftime("%Y-%m-%d"),
            "client_id": client_id,
            "strength_left": rng.randint(6, 8),
            "strength_right": rng.randint(6, 8),
            "fatigue": rng.randint(2, 5),
            "steps": rng.randint(2000, 8000),
        }
        for kind, method, path, body in (
            ("POST /api/logs/", "POST", "/api/logs/", log),
            ("GET /api/charts/strength/", "GET", "/api/charts/strength/?range=90", None),
            ("GET /api/logs/", "GET", "/api/logs/?page_size=30", None),
        ):
            if time.monotonic() >= deadline:
                return
            started = time.monotonic()
            try:
                async with session.request(method, origin + path, json=body, headers=headers) as response:
                    await response.read()
                    status = response.status
            except (aiohttp.ClientError, TimeoutError) as error:
                status = f"{type(error).__name__}: {error}"
            results[kind].append(time.monotonic() - started)
            if kind.startswith("POST") and status in (200, 201):
                saved[token] = (log["date"], log["strength_left"])
            if not isinstance(status, int) or status >= 400:
                errors.append(f"{kind}: {status}")
            await asyncio.sleep(rng.uniform(*THINK_SECONDS))


async def load(origin: str, tokens: list[str], seconds: float, saved: dict, watch=None) -> dict:
    results: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    deadline = time.monotonic() + seconds
    connector = aiohttp.TCPConnector(limit=len(tokens))
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        started = time.monotonic()
        phones = [phone(session, origin, token, deadline, results, errors, saved) for token in tokens]
        await asyncio.gather(*phones, *([watch(deadline)] if watch else []))
        elapsed = time.monotonic() - started
    return summary(results, errors, elapsed)


def nightly_rounds(progress: dict):
    """Keeps the nightly analysis running for the whole phase: each time every patient is analysed, starts over."""
    from tracker import tasks
    from tracker.models import Patient

    def analysed() -> int:
        return Patient.objects.filter(analysed_through__isnull=False).count()

    def start_round() -> None:
        Patient.objects.update(analysed_through=None)
        tasks.dispatch_nightly_analysis.delay()

    async def run(deadline: float) -> None:
        total = await asyncio.to_thread(Patient.objects.count)
        await asyncio.to_thread(start_round)
        started = time.monotonic()
        while time.monotonic() < deadline:
            await asyncio.sleep(0.5)
            if await asyncio.to_thread(analysed) == total:
                progress.setdefault("round_seconds", []).append(round(time.monotonic() - started, 1))
                await asyncio.to_thread(start_round)
                started = time.monotonic()
        progress["patients"] = total

    return run


def lost_logs(saved: dict) -> int:
    """Acknowledged saves whose last values are not what is stored for that phone's day."""
    from tracker.models import DailyLog

    lost = 0
    for token, (day, strength_left) in saved.items():
        # By date: a phone that sends the day's log again with a new client id updates the same row.
        stored = DailyLog.objects.filter(patient__user__auth_token__key=token, date=day)
        lost += not (stored.count() == 1 and stored.filter(strength_left=strength_left).exists())
    return lost


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def summary(results: dict, errors: list, elapsed: float) -> dict:
    every = [latency for latencies in results.values() for latency in latencies]
    report = {
        "requests": len(every),
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:5],
        "seconds": round(elapsed, 1),
        "requests_per_second": round(len(every) / elapsed, 1),
        "p50_ms": round(statistics.median(every) * 1000, 1),
        "p95_ms": round(_percentile(every, 0.95), 1),
        "p99_ms": round(_percentile(every, 0.99), 1),
        "by_request": {
            kind: {"requests": len(values), "p50_ms": round(statistics.median(values) * 1000, 1)}
            | {"p95_ms": round(_percentile(values, 0.95), 1)}
            for kind, values in results.items()
        },
    }
    return report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--phones", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--background-patients", type=int, default=1000)
    parser.add_argument("--web-workers", type=int, default=4)
    parser.add_argument("--warmup", type=float, default=10, help="seconds of unmeasured load first")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="load-"))
    database = PrivatePostgres()
    redis_port = free_port()
    processes = []
    try:
        database.init()
        redis_server = subprocess.Popen(
            [shutil.which("redis-server"), "--port", str(redis_port), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
            cwd=workdir,
        )
        processes.append(redis_server)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tracker.test_settings",
            "DATABASE_URL": database.url,
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "LOG_LEVEL": "WARNING",
        }
        os.environ.update(env)
        tokens = seed(args.phones, args.background_patients)
        from django.db import connections

        connections.close_all()

        port = free_port()
        origin = f"http://127.0.0.1:{port}"
        log = open(workdir / "services.log", "wb")  # noqa: SIM115 - kept open for the child processes
        gunicorn = [sys.executable, "-m", "gunicorn", "tracker.wsgi", "--workers", str(args.web_workers)]
        processes.append(
            subprocess.Popen(
                [*gunicorn, "--threads", "2", "--bind", f"127.0.0.1:{port}", "--timeout", "60"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        worker = [sys.executable, "-m", "celery", "-A", "tracker", "worker", "--concurrency", "2", "-l", "WARNING"]
        processes.append(subprocess.Popen(worker, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
        wait_for_http(origin + "/")

        saved = {}
        asyncio.run(load(origin, tokens, args.warmup, saved))
        plain = asyncio.run(load(origin, tokens, args.seconds, saved))
        print("plain load:", json.dumps(plain, indent=2))

        nightly = {}
        during = asyncio.run(load(origin, tokens, args.seconds, saved, nightly_rounds(nightly)))
        print("during the nightly analysis:", json.dumps(during, indent=2))
        rounds = nightly.get("round_seconds", [])
        print(
            f"nightly analysis: {len(rounds)} complete rounds over {nightly['patients']} patients during the phase, "
            f"each {min(rounds, default=0)}-{max(rounds, default=0)} s (a new one starts as each ends)"
        )
        print(f"logs lost: {lost_logs(saved)} of the {len(saved)} phones' last acknowledged saves")
    finally:
        for process in reversed(processes):
            stop(process)
        database.destroy()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
