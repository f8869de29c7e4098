"""Replays a scenario diary (../shared/scenarios/README.md) through the live code paths.

Each day of the diary (as tracker.diaries read it) is saved with the same service a phone's log goes through, which
runs the same red-flag task; then the same nightly task analyses that simulated date. The caller runs it on a
throwaway database with settings.TASKS_RUN_INLINE, so tasks run in process.
"""

import uuid
from collections.abc import Iterator
from datetime import timedelta

from django.contrib.auth import get_user_model

from tracker import tasks
from tracker.diaries import Diary
from tracker.models import Alert
from tracker.services.logs import log_upsert
from tracker.services.patients import create_patient

REPLAY_NAMESPACE = uuid.UUID("6f1c1f57-2f4e-4f3c-9a53-0c9e6d1d7a11")


def replay_diary(diary: Diary) -> Iterator[dict]:
    """Yield each alert raised, in order, as {"scenario", "date", "code", "severity"}."""
    user = get_user_model()(username=f"replay-{uuid.uuid4().hex[:12]}")
    user.set_unusable_password()
    patient = create_patient(
        user=user, timezone=diary.timezone, birth_year=diary.birth_year, sex=diary.sex, history=diary.history
    )
    days = dict(diary.days)
    if not days:
        return
    day, last_day = min(days), max(days)
    while day <= last_day:
        values = days.get(day)
        if values is not None:
            client_id = uuid.uuid5(REPLAY_NAMESPACE, f"{diary.id}/{day.isoformat()}")
            log_upsert(patient=patient, date=day, client_id=client_id, values=values, local_today=day)
        tasks.analyse_patients([patient.pk], day.isoformat())
        day += timedelta(days=1)
    # Each alert carries the simulated date it was raised on, so reading them once at the end
    # prints the same lines as reading them day by day.
    for code, severity, raised_on in (
        Alert.objects.filter(patient=patient).order_by("pk").values_list("code", "severity", "raised_on")
    ):
        yield {"scenario": diary.id, "date": raised_on.isoformat(), "code": code, "severity": severity}
