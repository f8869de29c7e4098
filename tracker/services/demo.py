"""A demo patient with about four months of plausible logs, for a local run."""

import math
import random
import secrets
import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model

from tracker.models import Patient
from tracker.services import nightly
from tracker.services.logs import log_upsert
from tracker.services.patients import create_patient

DEMO_USERNAME = "demo"
DEMO_DAYS = 120


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
        _log_demo_days(patient)
        _analyse_demo_nights(patient)
    return patient, password


def _log_demo_days(patient: Patient) -> None:
    """Stable, noisy months with weekend dips, then a slow right-leg decline over the last five weeks."""
    rng = random.Random(20261124)
    today = patient.local_today()
    for days_ago in range(DEMO_DAYS, 0, -1):
        if rng.random() < 0.08:
            continue
        day = today - timedelta(days=days_ago)
        decline = max(0.0, (35 - days_ago) * 0.09)
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
                "fatigue": _rating(3.5 + 0.8 * math.sin(days_ago / 5) + rng.gauss(0, 0.8) + decline / 3),
                "steps": max(0, int(rng.gauss(3800 if weekend else 6200, 900) * (1 - decline / 12))),
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
