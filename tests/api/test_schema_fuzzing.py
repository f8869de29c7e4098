"""schemathesis against /api/schema/: every operation, signed in as a patient with data; no 5xx, and every
documented response matches the schema."""

import uuid

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from tests.conftest import token_for
from tests.test_authorization_matrix import _link, _user
from tracker.models import Investigation, LifeEvent, Notification, Treatment
from tracker.rules.types import Finding, Severity
from tracker.services import alerting
from tracker.services.logs import log_upsert
from tracker.services.patients import register_patient
from tracker.services.records import record_create
from tracker.services.sharing import share_create
from tracker.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
EXAMPLES_PER_OPERATION = 25


@pytest.fixture
def _keep_the_test_connection():
    """As Django's test client does: a request must not close the connection that holds the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def signed_in_patient(db, monkeypatch, _keep_the_test_connection):
    # Sign-in lockout would turn the fuzzer's wrong passwords into 429s for the rest of the run.
    monkeypatch.setattr("tracker.auth.login_wait", lambda **kwargs: None)
    monkeypatch.setattr("api.views.auth.login_wait", lambda **kwargs: None)
    patient = register_patient(
        username=f"fuzz{uuid.uuid4().hex[:8]}", email="f@example.org", password="pass phrase 4242", timezone="UTC"
    )
    today = patient.local_today()
    log_upsert(
        patient=patient,
        date=today,
        client_id=uuid.uuid4(),
        values={"strength_left": 6, "strength_right": 6, "fatigue": 3},
    )
    finding = Finding(code="fall", severity=Severity.SOON, patient_text="You fell.")
    [alert] = alerting.raise_alerts(patient=patient, findings=[finding], raised_on=today, days=[])
    Notification.objects.filter(alert=alert, channel="inbox").update(status="sent", sent_at=timezone.now())
    record_create(model=Treatment, patient=patient, values={"name": "Vitamin B12", "start": today})
    blood = {"marker": "vitamin_b12", "value": 150, "unit": "pg/mL", "reference_low": 180}
    record_create(
        model=Investigation, patient=patient, values={"kind": "blood_test", "date": today, "results": [blood]}
    )
    record_create(model=LifeEvent, patient=patient, values={"kind": "illness", "start": today})
    share_create(patient=patient)
    _link(patient, _user(f"carer{uuid.uuid4().hex[:6]}"))
    return {"Authorization": f"Token {token_for(patient.user)}"}


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_operation_answers_without_5xx_and_as_documented(case, signed_in_patient):
    case.call_and_validate(
        headers=signed_in_patient,
        checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
    )
