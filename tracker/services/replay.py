"""Replays a scenario diary (../shared/scenarios/README.md) through the live code paths.

Each day is saved with the same service a phone's log goes through, which runs the same
red-flag task; then the same nightly task analyses that simulated date. The caller runs it
on a throwaway database with settings.TASKS_RUN_INLINE, so tasks run in process.
"""

import uuid
from collections.abc import Iterator
from datetime import date, timedelta

from django.contrib.auth import get_user_model

from tracker import tasks
from tracker.models import Alert
from tracker.models.logs import LOG_VALUE_FIELDS
from tracker.services.logs import log_upsert
from tracker.services.patients import create_patient

REPLAY_NAMESPACE = uuid.UUID("6f1c1f57-2f4e-4f3c-9a53-0c9e6d1d7a11")


def replay_diary(diary: dict) -> Iterator[dict]:
    """Yield each alert raised, in order, as {"scenario", "date", "code", "severity"}."""
    scenario_id = diary["id"]
    profile = diary.get("patient", {})
    user = get_user_model()(username=f"replay-{uuid.uuid4().hex[:12]}")
    user.set_unusable_password()
    patient = create_patient(
        user=user,
        timezone=profile.get("timezone") or "UTC",
        birth_year=profile.get("birth_year"),
        sex=profile.get("sex") or "unspecified",
        history=profile.get("history", []),
    )
    days = {date.fromisoformat(entry["date"]): entry for entry in diary["days"]}
    if not days:
        return
    day, last_day = min(days), max(days)
    while day <= last_day:
        entry = days.get(day)
        if entry is not None:
            values = {name: entry[name] for name in LOG_VALUE_FIELDS if name in entry}
            client_id = uuid.uuid5(REPLAY_NAMESPACE, f"{scenario_id}/{day.isoformat()}")
            log_upsert(patient=patient, date=day, client_id=client_id, values=values, local_today=day)
        tasks.analyse_patients([patient.pk], day.isoformat())
        day += timedelta(days=1)
    # Each alert carries the simulated date it was raised on, so reading them once at the end
    # prints the same lines as reading them day by day.
    for code, severity, raised_on in (
        Alert.objects.filter(patient=patient).order_by("pk").values_list("code", "severity", "raised_on")
    ):
        yield {"scenario": scenario_id, "date": raised_on.isoformat(), "code": code, "severity": severity}
