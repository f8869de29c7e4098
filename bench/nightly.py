"""Nightly analysis of 10,000 patients x 365 days of logs on PostgreSQL.

    .venv/bin/python bench/nightly.py [--patients 10000] [--days 365] [--processes 2]

Prints the wall time of the analysis (all chunks, shared over worker processes as Celery
workers would) next to a plain read of the same rows, and their ratio. The data is generated
once into the database `tracker_bench_nightly` and kept for later runs.
"""

import argparse
import io
import multiprocessing
import random
import time
from datetime import UTC, date, datetime, timedelta

import _django

PASSWORD_UNUSABLE = "!bench"


def populate(patients: int, days: int, today: date) -> None:
    from django.db import connection

    from tracker.models import Patient

    if Patient.objects.count() >= patients:
        return
    print(f"generating {patients} patients x {days} days ...", flush=True)
    rng = random.Random(7)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE tracker_dailylog, tracker_alert, tracker_patient, auth_user CASCADE")
        users = io.StringIO()
        for n in range(patients):
            users.write(f"{n + 1}\tbench{n}\t{PASSWORD_UNUSABLE}\tf\t\t\t\tf\tt\t2026-01-01 00:00:00+00\n")
        users.seek(0)
        with cursor.copy(
            "COPY auth_user (id, username, password, is_superuser, first_name, last_name, email, is_staff,"
            " is_active, date_joined) FROM STDIN"
        ) as copy:
            copy.write(users.read())
        zones = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "UTC"]
        profiles = io.StringIO()
        for n in range(patients):
            profiles.write(
                f"{n + 1}\t{n + 1}\t{rng.randint(1935, 1995)}\tfemale\t{zones[n % len(zones)]}\tDE\t"
                f"{'t' if n % 20 == 0 else 'f'}\tf\tf\t\\N\t2026-01-01 00:00:00+00\n"
            )
        profiles.seek(0)
        with cursor.copy(
            "COPY tracker_patient (id, user_id, birth_year, sex, timezone, country, has_cancer, has_diabetes,"
            " had_spinal_surgery, analysed_through, created_at) FROM STDIN"
        ) as copy:
            copy.write(profiles.read())
        first = today - timedelta(days=days - 1)
        with cursor.copy(
            "COPY tracker_dailylog (patient_id, date, client_id, strength_left, strength_right, fatigue, steps,"
            " chair_stand_30s, numbness_extent, symptom_flags, note, created_at, updated_at, red_flags_checked_at)"
            " FROM STDIN"
        ) as copy:
            for n in range(patients):
                base = rng.randint(5, 9)
                declining = n % 10 == 0
                rows = []
                for d in range(days):
                    if rng.random() < 0.1:
                        continue
                    drift = (d - days + 60) * 0.05 if declining and d > days - 60 else 0
                    left = min(10, max(0, round(base + rng.gauss(0, 0.8))))
                    right = min(10, max(0, round(base - drift + rng.gauss(0, 0.8))))
                    day = first + timedelta(days=d)
                    chair = str(max(0, round(12 + rng.gauss(0, 2)))) if d % 3 == 0 else "\\N"
                    rows.append(
                        f"{n + 1}\t{day}\t{rng.getrandbits(128):032x}\t{left}\t{right}\t"
                        f"{min(10, max(0, round(3 + rng.gauss(0, 1))))}\t{max(0, int(rng.gauss(5000, 1500)))}\t"
                        f"{chair}\t0\t{4 if rng.random() < 0.1 else 0}\t\t2026-01-01 00:00:00+00\t"
                        "2026-01-01 00:00:00+00\t2026-01-01 00:00:00+00\n"
                    )
                copy.write("".join(rows))
        cursor.execute("ANALYZE")
    print(f"generated in {time.perf_counter() - started:.1f} s", flush=True)


def _analyse_chunk(chunk):
    from django.db import connections

    from tracker.services import nightly

    patient_ids, day = chunk
    analysed = nightly.analyse_patients(patient_ids=patient_ids, today=day)
    connections.close_all()
    return analysed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()

    _django.setup("tracker_bench_nightly")
    from django.db import connection, connections

    from tracker.models import Alert, Patient
    from tracker.services import nightly
    from tracker.services.alerting import analysis_window_start

    now = datetime(2026, 6, 1, 23, 30, tzinfo=UTC)
    today = date(2026, 5, 31)
    populate(args.patients, args.days, today)
    Patient.objects.update(analysed_through=today - timedelta(days=1))
    Alert.objects.filter(raised_on=today).delete()

    chunks = [(ids, day) for ids, day in nightly.due_patient_chunks(now=now)]
    days_by_chunk = {day for _, day in chunks}

    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT patient_id, date, strength_left, strength_right, fatigue, steps, chair_stand_30s,"
            " numbness_extent, symptom_flags FROM tracker_dailylog WHERE date > %s AND date <= %s",
            [analysis_window_start(max(days_by_chunk)) - timedelta(days=1), max(days_by_chunk)],
        )
        window_rows = len(cursor.fetchall())
    plain_read = time.perf_counter() - started

    connections.close_all()
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(args.processes) as pool:
        analysed = sum(pool.imap_unordered(_analyse_chunk, chunks))
    analysis = time.perf_counter() - started
    alerts = Alert.objects.filter(raised_on__gte=today - timedelta(days=1)).count()

    print(f"patients analysed       {analysed} in {len(chunks)} chunks over {args.processes} processes")
    print(f"rows in the windows     {window_rows}")
    print(f"plain read of the rows  {plain_read:.2f} s")
    print(f"nightly analysis        {analysis:.2f} s  (target <= 60 s)  alerts raised {alerts}")
    print(f"ratio analysis / read   {analysis / plain_read:.1f}x")


if __name__ == "__main__":
    main()
