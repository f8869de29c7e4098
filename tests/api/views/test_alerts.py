import uuid
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tests.conftest import client_for
from tracker.models import Alert
from tracker.services.alerting import check_saved_log
from tracker.services.logs import log_upsert

DAY = date(2026, 4, 30)


@pytest.fixture
def stroke_alert(patient):
    for offset in range(30, 0, -1):
        log_upsert(
            patient=patient,
            date=DAY - timedelta(days=offset),
            client_id=uuid.uuid4(),
            values={"strength_left": 8, "strength_right": 8, "fatigue": 3},
        )
    log, _ = log_upsert(
        patient=patient,
        date=DAY,
        client_id=uuid.uuid4(),
        values={
            "strength_left": 8,
            "strength_right": 1,
            "fatigue": 4,
            "symptoms": ["face_arm_speech", "sudden_onset"],
            "numbness_extent": 1,
        },
    )
    check_saved_log(log_id=log.pk)
    return Alert.objects.get(patient=patient, code="sudden_weakness")


def test_alerts_list_with_evidence_hints_and_status_filter(api, stroke_alert):
    body = api.get("/api/alerts/").json()
    assert body["count"] >= 1
    alert = next(a for a in body["results"] if a["id"] == stroke_alert.pk)
    assert alert["severity"] == "emergency"
    assert alert["raised_on"] == DAY.isoformat()
    assert alert["evidence"] and alert["patient_text"] and alert["physician_text"]
    assert "112" in alert["advice"]
    assert isinstance(alert["hints"], list)
    assert api.get("/api/alerts/?status=acknowledged").json()["count"] == 0
    bad = api.get("/api/alerts/?status=closed")
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "status"


def test_acknowledge_is_idempotent_and_keeps_the_first_time(api, stroke_alert):
    first = api.post(f"/api/alerts/{stroke_alert.pk}/acknowledge/").json()
    assert first["status"] == "acknowledged"
    again = api.post(f"/api/alerts/{stroke_alert.pk}/acknowledge/").json()
    assert again["acknowledged_at"] == first["acknowledged_at"]
    assert api.get(f"/api/alerts/{stroke_alert.pk}/").json()["status"] == "acknowledged"


def test_resolve_closes_the_alert_and_counts_as_seen(api, stroke_alert):
    resolved = api.post(f"/api/alerts/{stroke_alert.pk}/resolve/").json()
    assert resolved["status"] == "resolved"
    assert resolved["resolved_at"] and resolved["acknowledged_at"]
    assert api.get("/api/alerts/?status=resolved").json()["count"] == 1
    assert api.post(f"/api/alerts/{stroke_alert.pk}/resolve/").json()["resolved_at"] == resolved["resolved_at"]


def test_another_patients_alerts_are_invisible(stroke_alert, make_patient):
    intruder = client_for(make_patient())
    assert intruder.get("/api/alerts/").json()["count"] == 0
    assert intruder.get(f"/api/alerts/{stroke_alert.pk}/").status_code == 404
    assert intruder.post(f"/api/alerts/{stroke_alert.pk}/acknowledge/").status_code == 404
    assert intruder.post(f"/api/alerts/{stroke_alert.pk}/resolve/").status_code == 404
    stroke_alert.refresh_from_db()
    assert stroke_alert.status == "open"


@pytest.mark.django_db
def test_anonymous_cannot_read_alerts():
    assert APIClient().get("/api/alerts/").status_code == 401
    assert APIClient().post("/api/alerts/1/acknowledge/").status_code == 401


def test_alert_list_query_count_does_not_grow_with_alerts(api, patient, stroke_alert):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            api.get("/api/alerts/")
        return len(captured)

    before = queries()
    for day in range(5):
        Alert.objects.create(
            patient=patient,
            code="fall",
            severity="soon",
            raised_on=DAY - timedelta(days=day),
            patient_text="p",
            physician_text="d",
            advice="a",
            dedup_key=f"fall:{day}",
        )
    assert queries() == before
