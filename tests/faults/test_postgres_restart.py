"""PostgreSQL restarted under load: requests fail cleanly with a 503 and recover without restarting the app.

Runs gunicorn against a private PostgreSQL cluster (never the machine's shared one) and restarts that.
"""

import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from datetime import date, timedelta

import pytest

from tests.conftest import _free_port
from tests.faults.processes import ROOT, PrivatePostgres, postgres_bin, stop, wait_for_http

pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif(postgres_bin() is None, reason="PostgreSQL server binaries are not installed"),
]


GUNICORN = [sys.executable, "-m", "gunicorn", "tracker.wsgi", "--workers", "2", "--threads", "4", "--timeout", "30"]


def _request(url: str, token: str | None = None, body: dict | None = None) -> tuple[int | str, dict]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Token {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers=headers, method="POST" if body is not None else "GET")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")
    except OSError as error:
        return f"no answer: {error}", {}


@pytest.fixture
def app_on_private_postgres(redis_url, tmp_path):
    database = PrivatePostgres()
    server = None
    try:
        database.init()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tracker.test_settings",
            "DATABASE_URL": database.url,
            "REDIS_URL": redis_url,
        }
        subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True, timeout=300)
        port = _free_port()
        with open(tmp_path / "gunicorn.log", "wb") as log:
            server = subprocess.Popen(
                [*GUNICORN, "--bind", f"127.0.0.1:{port}"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        origin = f"http://127.0.0.1:{port}"
        wait_for_http(origin + "/")
        yield origin, database
    finally:
        if server is not None:
            stop(server)
        database.destroy()


def test_a_postgres_restart_under_load_gives_clean_503s_and_the_app_recovers_by_itself(
    app_on_private_postgres, record_property
):
    origin, database = app_on_private_postgres
    status, body = _request(
        origin + "/api/auth/register/",
        body={"username": "loadpatient", "email": "l@example.org", "password": "pass phrase 4242", "timezone": "UTC"},
    )
    assert status == 201, body
    token = body["token"]
    statuses: Counter = Counter()
    unavailable_bodies = []
    stop_load = threading.Event()
    day = iter(range(10_000))

    def phone():
        while not stop_load.is_set():
            log_day = (date(2020, 1, 1) + timedelta(days=next(day))).isoformat()
            for status, body in (
                _request(
                    origin + "/api/logs/",
                    token,
                    {
                        "date": log_day,
                        "client_id": str(uuid.uuid4()),
                        "strength_left": 7,
                        "strength_right": 7,
                        "fatigue": 3,
                    },
                ),
                _request(origin + "/api/logs/?page_size=5", token),
            ):
                statuses[status] += 1
                if status == 503:
                    unavailable_bodies.append(body)

    phones = [threading.Thread(target=phone) for _ in range(4)]
    for thread in phones:
        thread.start()
    try:
        time.sleep(2)
        database.stop()
        time.sleep(2)
        database.start()
        time.sleep(3)
    finally:
        stop_load.set()
        for thread in phones:
            thread.join(timeout=30)

    record_property("statuses", dict(statuses))
    assert set(statuses) <= {200, 201, 503}, statuses
    assert statuses[503] > 0, "the database outage was not seen"
    assert statuses[200] + statuses[201] > 0
    assert all(
        body["errors"][0]["message"].startswith("the service is briefly unavailable") for body in unavailable_bodies
    )
    # The same app processes serve again, on fresh connections.
    status, body = _request(origin + "/api/logs/?page_size=1", token)
    assert status == 200, body
    status, body = _request(origin + "/api/profile/", token)
    assert (status, body["username"]) == (200, "loadpatient")
