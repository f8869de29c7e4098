"""Median server time of `POST /api/logs/` (create and resubmit) against PostgreSQL.

    .venv/bin/python bench/log_post.py [--requests 300]

Requests go through the whole Django stack in process (middleware, auth, DRF, services,
the triage check and the on-commit enqueue to Redis), so the figure is server time without
the network. The baseline is `GET /api/profile/` measured the same way in the same run.
"""

import argparse
import statistics
import time
import uuid
from datetime import date, timedelta

import _django


def timed(call) -> float:
    started = time.perf_counter()
    response = call()
    elapsed = time.perf_counter() - started
    assert response.status_code in (200, 201), response.content
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()

    _django.setup("tracker_bench_api")
    from rest_framework.test import APIClient

    from tracker.models import Patient
    from tracker.services.devices import issue_api_token
    from tracker.services.patients import register_patient

    Patient.objects.filter(user__username="bench-post").delete()
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username="bench-post").delete()
    patient = register_patient(
        username="bench-post", email="b@example.org", password="a long enough passphrase 42", timezone="UTC"
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {issue_api_token(user=patient.user, device='bench')[1]}")

    today = date.today()
    creates, resubmits, profile_reads = [], [], []
    for n in range(args.requests):
        payload = {
            "date": (today - timedelta(days=args.requests - n)).isoformat(),
            "client_id": str(uuid.uuid4()),
            "strength_left": 8,
            "strength_right": 7,
            "fatigue": 3,
            "steps": 4000 + n,
            "symptoms": ["cramps"],
        }
        creates.append(timed(lambda p=payload: client.post("/api/logs/", p, format="json")))
        resubmits.append(timed(lambda p=payload: client.post("/api/logs/", p, format="json")))
        profile_reads.append(timed(lambda: client.get("/api/profile/")))

    from tracker.celery import app as celery_app

    celery_app.control.purge()  # nobody consumes the bench's red-flag tasks
    baseline = statistics.median(profile_reads)
    for name, samples in (("POST /api/logs/ (create)", creates), ("POST /api/logs/ (resubmit)", resubmits)):
        median = statistics.median(samples)
        p95 = statistics.quantiles(samples, n=20)[-1]
        print(
            f"{name:28s} median {median * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms  {median / baseline:4.1f}x baseline"
        )
    print(f"{'GET /api/profile/ (baseline)':28s} median {baseline * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
