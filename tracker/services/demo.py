"""A demo patient with about four months of plausible logs, a vitamin B12 course, the blood test that led
to it and a week of flu, for a local run."""

import math
import random
import secrets
import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model

from tracker.models import Investigation, LifeEvent, Patient, Treatment
from tracker.services import nightly
from tracker.services.logs import log_upsert
from tracker.services.patients import create_patient
from tracker.services.records import record_create

DEMO_USERNAME = "demo"
DEMO_DAYS = 120
# Days ago: the flu week (first and last day), the blood test, the start of the B12 course.
FLU_DAYS_AGO = (78, 72)
BLOOD_TEST_DAYS_AGO = 30
B12_STARTED_DAYS_AGO = 26


def seed_demo_patient() -> tuple[Patient, str]:
    """Create (or refresh the password of) the demo patient; returns it and its new password."""
    password = secrets.token_urlsafe(9)
    user = get_user_model().objects.filter(username=DEMO_USERNAME).first()
    if user is None:
        user = get_user_model()(username=DEMO_USERNAME, email="demo@example.org")
        user.set_password(password)
        patient = create_patient(
            user=user, timezone="Europe/London", country="GB", birth_year=1961, sex="female", history=["diabetes"]
        )
    else:
        user.set_password(password)
        user.save(update_fields=["password"])
        patient = user.patient
    if not patient.logs.exists():
        _record_demo_events(patient)
        _log_demo_days(patient)
        _analyse_demo_nights(patient)
    return patient, password


def _record_demo_events(patient: Patient) -> None:
    today = patient.local_today()
    flu_start, flu_end = (today - timedelta(days=days_ago) for days_ago in FLU_DAYS_AGO)
    record_create(
        model=LifeEvent,
        patient=patient,
        values={"kind": "illness", "start": flu_start, "end": flu_end, "note": "Flu, in bed for three days"},
    )
    results = [
        {"marker": "vitamin_b12", "value": 148, "unit": "pg/mL", "reference_low": 180, "reference_high": 914},
        {"marker": "vitamin_d", "value": 42, "unit": "nmol/L", "reference_low": 50, "reference_high": 175},
        {"marker": "tsh", "value": 2.1, "unit": "mIU/L", "reference_low": 0.4, "reference_high": 4.0},
        {"marker": "hba1c", "value": 53, "unit": "mmol/mol", "reference_high": 42},
        {"marker": "haemoglobin", "value": 128, "unit": "g/L", "reference_low": 120, "reference_high": 150},
    ]
    record_create(
        model=Investigation,
        patient=patient,
        values={
            "kind": "blood_test",
            "date": today - timedelta(days=BLOOD_TEST_DAYS_AGO),
            "finding": "B12 low, the GP starts injections",
            "results": results,
        },
    )
    record_create(
        model=Treatment,
        patient=patient,
        values={
            "name": "Vitamin B12",
            "dose": "1 mg injection, every other day for 2 weeks, then every 2 months",
            "start": today - timedelta(days=B12_STARTED_DAYS_AGO),
            "note": "Injections at the surgery",
        },
    )


def _log_demo_days(patient: Patient) -> None:
    """Stable, noisy months with weekend dips and a week of flu, then a slow right-leg decline over the last
    five weeks."""
    rng = random.Random(20261124)
    today = patient.local_today()
    for days_ago in range(DEMO_DAYS, 0, -1):
        if rng.random() < 0.08:
            continue
        day = today - timedelta(days=days_ago)
        decline = max(0.0, (35 - days_ago) * 0.09)
        # Flu leaves the legs as they were but the person tired and mostly in bed.
        flu = FLU_DAYS_AGO[1] <= days_ago <= FLU_DAYS_AGO[0]
        weekend = day.weekday() >= 5
        symptoms = [
            name for name, chance in (("tingling", 0.2), ("cramps", 0.12), ("stiffness", 0.1)) if rng.random() < chance
        ]
        if decline > 1.5 and rng.random() < 0.4:
            symptoms.append("heaviness")
        log_upsert(
            patient=patient,
            date=day,
            client_id=uuid.uuid4(),
            values={
                "strength_left": _rating(8 + rng.gauss(0, 0.7)),
                "strength_right": _rating(8 - decline + rng.gauss(0, 0.7)),
                "fatigue": _rating(3.5 + 0.8 * math.sin(days_ago / 5) + rng.gauss(0, 0.8) + decline / 3 + 3 * flu),
                "steps": max(
                    0, int(rng.gauss(3800 if weekend else 6200, 900) * (1 - decline / 12) * (0.3 if flu else 1))
                ),
                "chair_stand_30s": max(0, round(13 - decline + rng.gauss(0, 1.2))) if days_ago % 4 == 0 else None,
                "numbness_extent": 1 if "tingling" in symptoms else 0,
                "symptoms": symptoms,
                "note": "Long walk with the dog" if rng.random() < 0.05 else "",
            },
        )


def _analyse_demo_nights(patient: Patient) -> None:
    """Run the nightly analysis over the demo's past, as it would have run each night, so its alerts show."""
    today = patient.local_today()
    for days_ago in range(DEMO_DAYS, 0, -1):
        nightly.analyse_patients(patient_ids=[patient.pk], today=today - timedelta(days=days_ago))


def _rating(value: float) -> int:
    return max(0, min(10, round(value)))
