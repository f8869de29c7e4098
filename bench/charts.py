"""Chart JSON and the shared page: server time, compressed size and queries, against a plain read of the rows.
The diary has a year of treatments, tests and events on it, as the charts draw them.

    .venv/bin/python bench/charts.py                  # SQLite (a throwaway file in .run/)
    DATABASE_URL=postgres://... .venv/bin/python bench/charts.py

Requests go through Django's full stack in this process (middleware, auth, view, JSON rendering), so the
times are server times without the network. Targets: a 365-day chart <= 50 ms and <= 40 KB gzipped; the
shared page <= 300 ms. The baseline is a plain ORM read of the same 365 rows, measured in the same run.
"""

import gzip
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.test_settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

RUNS = 30
DAYS = 365 + 120


def _median_ms(action, runs: int = RUNS) -> float:
    action()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def noisy_diary(end, days: int, seed: int = 6):
    """Realistic noise (so the JSON does not compress better than real data would): ratings wander by a point
    or two, steps vary widely, one day in eight is missed, a chair stand every few days, a few symptoms."""
    from tracker.rules.types import DayEntry
    from tracker.symptoms import SYMPTOMS

    rng = random.Random(seed)
    entries = []
    for age in range(days - 1, -1, -1):
        if rng.random() < 0.125:
            continue
        entries.append(
            DayEntry(
                date=end - timedelta(days=age),
                strength_left=rng.choice((6, 7, 7, 8, 8, 8, 9)),
                strength_right=rng.choice((5, 6, 6, 7, 7, 8)),
                fatigue=rng.randint(1, 7),
                steps=rng.randint(900, 14_000) if rng.random() < 0.9 else None,
                chair_stand_30s=rng.randint(7, 16) if rng.random() < 0.35 else None,
                numbness_extent=rng.choice((0, 0, 0, 1, 2)),
                symptoms=frozenset(rng.sample(SYMPTOMS[:8], rng.choice((0, 0, 1, 2)))),
            )
        )
    return entries


def _add_records(patient, today) -> None:
    """A busy record, drawn on every time chart: a treatment course each quarter, a blood test with two results
    each month and an illness or a trip every two months."""
    from tracker.models import Investigation, LifeEvent, Treatment
    from tracker.services.records import record_create

    for age in range(0, 365, 30):
        results = [
            {"marker": "vitamin_b12", "value": 180 + age, "unit": "pg/mL", "reference_low": 200, "reference_high": 900},
            {"marker": "vitamin_d", "value": 25, "unit": "ng/mL"},
        ]
        values = {"kind": "blood_test", "date": today - timedelta(days=age), "results": results}
        record_create(model=Investigation, patient=patient, values=values)
    for age in range(0, 365, 90):
        start = today - timedelta(days=age + 40)
        values = {"name": "Vitamin B12", "dose": "1 mg", "start": start, "end": start + timedelta(days=30)}
        record_create(model=Treatment, patient=patient, values=values)
    for age in range(0, 365, 60):
        start = today - timedelta(days=age + 10)
        values = {"kind": "illness" if age % 120 else "travel", "start": start, "end": start + timedelta(days=6)}
        record_create(model=LifeEvent, patient=patient, values=values)


def _row(label: str, elapsed: float, baseline: float, body: bytes, queries: int) -> str:
    return (
        f"{label:<30}{elapsed:>8.1f}{elapsed / baseline:>8.1f}{len(body) / 1024:>9.1f}"
        f"{len(gzip.compress(body)) / 1024:>9.1f}{queries:>9}"
    )


def main() -> None:
    from tests.conftest import add_logs
    from tracker.charts import FIGURES
    from tracker.models import Alert, DailyLog
    from tracker.services.devices import issue_api_token
    from tracker.services.patients import register_patient
    from tracker.services.sharing import share_create

    patient = register_patient(
        username="bench",
        email="bench@example.org",
        password="a long enough passphrase 42",
        timezone="Europe/Berlin",
        birth_year=1950,
        sex="female",
    )
    today = patient.local_today()
    add_logs(patient, noisy_diary(today, DAYS))
    for age in range(0, 365, 30):
        day = today - timedelta(days=age)
        Alert.objects.create(
            patient=patient,
            code="fall",
            severity="soon",
            raised_on=day,
            patient_text="",
            physician_text="",
            advice="",
            dedup_key=f"fall:soon:{day}",
        )
    _add_records(patient, today)
    api = Client(HTTP_AUTHORIZATION=f"Token {issue_api_token(user=patient.user, device='bench')[1]}")
    since = today - timedelta(days=364)

    def plain_read():
        list(DailyLog.objects.filter(patient=patient, date__gte=since).values_list())

    baseline = _median_ms(plain_read)
    print(f"database: {connection.vendor}; median of {RUNS} runs each")
    print(f"baseline: plain read of the same 365 rows: {baseline:.2f} ms")
    print(f"{'request':<30}{'ms':>8}{'x base':>8}{'JSON KB':>9}{'gzip KB':>9}{'queries':>9}")
    for name in FIGURES:
        url = f"/api/charts/{name}/?range=365"
        elapsed = _median_ms(lambda url=url: api.get(url))
        with CaptureQueriesContext(connection) as queries:
            body = api.get(url).content
        print(_row(f"chart {name} (365)", elapsed, baseline, body, len(queries)))
    _, token = share_create(patient=patient)
    doctor = Client()
    elapsed = _median_ms(lambda: doctor.get(f"/s/{token}/"))
    with CaptureQueriesContext(connection) as queries:
        body = doctor.get(f"/s/{token}/").content
    print(_row(f"shared page (all, {DAYS} days)", elapsed, baseline, body, len(queries)))


if __name__ == "__main__":
    settings.SHARE_RATE_LIMIT_REQUESTS = 1_000_000
    setup_test_environment()
    if connection.vendor == "sqlite":
        (ROOT / ".run").mkdir(exist_ok=True)
        connection.settings_dict["TEST"]["NAME"] = str(ROOT / ".run" / "bench-charts.sqlite3")
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        main()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
