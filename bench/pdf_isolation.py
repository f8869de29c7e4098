"""An unrelated API call while 20 doctors ask for 20 different shared-summary PDFs at once.

    .venv/bin/python bench/pdf_isolation.py [--pdfs 20] [--samples 100]

The README's production processes run as their own processes on a private redis-server: gunicorn
(`gunicorn tracker.wsgi --workers 3`, DEBUG off) and the worker (`celery -A tracker worker --concurrency 4`,
no -Q). A patient with 120 days of logs makes 20 share links with every section; 20 clients each ask for
their link's PDF at the same moment and come back as the "preparing" answer's Retry-After says, until
they have it. Meanwhile another client reads GET /api/logs/ with a token, one request after another. The
baseline is the same API reading with nothing else going on, in the same run. Share-link rate limits are
lifted (SHARE_RATE_LIMIT_REQUESTS) so that the 20 clients all come from 127.0.0.1.

Target: API p95 under PDF load <= 100 ms. Uses PostgreSQL (DATABASE_URL, a database `bench_pdf_isolation`).
"""

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_P95_MS = 100.0
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "bench-only",
    "ALLOWED_HOSTS": "localhost,127.0.0.1",
    "SECURE_SSL_REDIRECT": "0",
    "SESSION_COOKIE_SECURE": "0",
    "CSRF_COOKIE_SECURE": "0",
    "SECURE_HSTS_SECONDS": "0",
    "LOG_LEVEL": "WARNING",
    "SHARE_RATE_LIMIT_REQUESTS": "1000000",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pdfs", type=int, default=20)
    parser.add_argument("--samples", type=int, default=100, help="API requests for the baseline")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="pdf-isolation-")
    port = _free_port()
    redis_server = subprocess.Popen(
        [shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        cwd=workdir,
    )
    time.sleep(0.3)
    os.environ["REDIS_URL"] = f"redis://127.0.0.1:{port}/0"
    sys.path.insert(0, str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT))
    import _django

    _django.setup("bench_pdf_isolation")
    processes = []
    try:
        run(args, processes)
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=60)
        redis_server.terminate()
        shutil.rmtree(workdir, ignore_errors=True)


def run(args, processes: list) -> None:
    from django.db import connection

    from tests.conftest import add_logs, token_for
    from tests.tracker.charts.diary import known_diary
    from tracker.models.sharing import SHARE_SECTIONS
    from tracker.services.patients import register_patient
    from tracker.services.sharing import share_create

    patient = register_patient(
        username=f"b{uuid.uuid4().hex[:10]}",
        email="",
        password="a long enough passphrase 42",
        timezone="UTC",
        birth_year=1958,
        sex="female",
    )
    add_logs(patient, known_diary(end=patient.local_today(), days=120))
    token = token_for(patient.user)
    tokens = [
        share_create(patient=patient, sections=SHARE_SECTIONS, patient_label=f"Doctor {n}")[1] for n in range(args.pdfs)
    ]

    db = connection.settings_dict
    env = {
        **os.environ,
        **PRODUCTION_ENV,
        # The production settings with static files read from the app folders (no collectstatic needed).
        "DJANGO_SETTINGS_MODULE": "tracker.test_settings",
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        ),
    }
    web_port = _free_port()
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or "gunicorn"
    processes.append(
        subprocess.Popen(
            [gunicorn, "tracker.wsgi", "--workers", "3", "--bind", f"127.0.0.1:{web_port}", "--log-level", "warning"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
        )
    )
    processes.append(
        subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "tracker", "worker", "--concurrency", "4", "--loglevel", "WARNING"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
        )
    )
    origin = f"http://127.0.0.1:{web_port}"
    api_url, auth = f"{origin}/api/logs/", {"Authorization": f"Token {token}"}
    for _ in range(100):
        try:
            if _get(api_url, auth)[0] == 200:
                break
        except OSError:
            pass
        time.sleep(0.2)

    def api_call() -> float:
        started = time.monotonic()
        status, _, _ = _get(api_url, auth)
        assert status == 200, status
        return (time.monotonic() - started) * 1000

    for _ in range(10):
        api_call()
    baseline = [api_call() for _ in range(args.samples)]

    ready_after: list[float] = []
    first_answers: list[float] = []
    start = threading.Barrier(args.pdfs + 1)

    def doctor(share_token: str) -> None:
        start.wait()
        began = time.monotonic()
        first = True
        while True:
            status, headers, body = _get(f"{origin}/s/{share_token}/summary.pdf")
            if first:
                first_answers.append((time.monotonic() - began) * 1000)
                first = False
            if status == 200:
                assert body.startswith(b"%PDF-")
                ready_after.append(time.monotonic() - began)
                return
            assert status == 202, status
            time.sleep(float(headers.get("Retry-After", 2)))

    doctors = [threading.Thread(target=doctor, args=(share_token,)) for share_token in tokens]
    for thread in doctors:
        thread.start()
    start.wait()
    under_load = []
    while any(thread.is_alive() for thread in doctors):
        under_load.append(api_call())
    for thread in doctors:
        thread.join()

    print(
        f"GET /api/logs/ (token) one after another, gunicorn --workers 3 + celery worker --concurrency 4, "
        f"PostgreSQL + Redis, DEBUG off; {args.pdfs} doctors ask for {args.pdfs} different PDFs at once"
    )
    print(
        f"baseline        {len(baseline)} calls  p50 {statistics.median(baseline):.0f} ms  "
        f"p95 {_p95(baseline):.0f} ms  max {max(baseline):.0f} ms"
    )
    print(
        f"under PDF load  {len(under_load)} calls  p50 {statistics.median(under_load):.0f} ms  "
        f"p95 {_p95(under_load):.0f} ms  max {max(under_load):.0f} ms"
    )
    print(
        f"PDF requests: first answer p95 {_p95(first_answers):.0f} ms (202, preparing); "
        f"all {len(ready_after)} PDFs ready after {max(ready_after):.1f} s (first {min(ready_after):.1f} s)"
    )
    p95 = _p95(under_load)
    print(
        f"API p95 ratio under load / baseline: {p95 / _p95(baseline):.2f}   target p95 <= {TARGET_P95_MS:.0f} ms: "
        f"{'met' if p95 <= TARGET_P95_MS else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
