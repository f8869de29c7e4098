"""Properties of the log API over generated submissions (hypothesis): no duplicates, no partial writes."""

import uuid
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import client_for
from tracker.models import Alert, DailyLog, DailyLogRevision
from tracker.services.patients import register_patient
from tracker.symptoms import SYMPTOMS

PROPERTY_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)

ratings = st.integers(0, 10)
values = st.fixed_dictionaries(
    {"strength_left": ratings, "strength_right": ratings, "fatigue": ratings},
    optional={
        "steps": st.none() | st.integers(0, 200_000),
        "chair_stand_30s": st.none() | st.integers(0, 60),
        "numbness_extent": st.integers(0, 4),
        "symptoms": st.lists(st.sampled_from(SYMPTOMS), max_size=3, unique=True),
        # Text a client can send as UTF-8 (a lone surrogate cannot be encoded; the API refuses its JSON escape).
        "note": st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=50),
    },
)


def _new_patient():
    patient = register_patient(
        username=f"prop{uuid.uuid4().hex[:10]}", email="p@example.org", password="pass phrase 4242", timezone="UTC"
    )
    return patient, client_for(patient)


def _stored(patient) -> list[dict]:
    return list(DailyLog.objects.filter(patient=patient).order_by("date").values())


def _state(patient) -> tuple:
    return (
        _stored(patient),
        list(DailyLogRevision.objects.filter(patient=patient).values("date", "change", "previous_values")),
        Alert.objects.filter(patient=patient).count(),
    )


@pytest.mark.django_db
@PROPERTY_SETTINGS
@given(
    submissions=st.lists(st.tuples(st.integers(0, 4), values), min_size=1, max_size=8),
    repeats=st.lists(st.integers(0, 7), max_size=4),
    order=st.randoms(use_true_random=False),
)
def test_the_same_log_sent_twice_or_in_any_order_is_stored_once(submissions, repeats, order):
    patient, api = _new_patient()
    today = patient.local_today()
    client_ids = {offset: str(uuid.uuid4()) for offset in range(5)}
    bodies = [
        {**body, "date": (today - timedelta(days=offset)).isoformat(), "client_id": client_ids[offset]}
        for offset, body in submissions
    ]
    bodies += [bodies[index % len(bodies)] for index in repeats]  # a phone resending what it already sent
    order.shuffle(bodies)
    for body in bodies:
        assert api.post("/api/logs/", body, format="json").status_code in (200, 201)

    stored = _stored(patient)
    last = {body["date"]: body for body in bodies}
    assert sorted(log["date"].isoformat() for log in stored) == sorted(last)
    for log in stored:
        sent = last[log["date"].isoformat()]
        assert str(log["client_id"]) == sent["client_id"]
        for name in ("strength_left", "strength_right", "fatigue"):
            assert log[name] == sent[name]


invalid_bodies = st.fixed_dictionaries(
    {},
    optional={
        "date": st.one_of(st.dates().map(str), st.text(max_size=12), st.integers()),
        "client_id": st.one_of(st.uuids().map(str), st.text(max_size=8)),
        "strength_left": st.one_of(st.integers(-5, 15), st.text(max_size=3), st.none()),
        # Finite floats only: the test client cannot encode inf or nan (see the test of Infinity below).
        "strength_right": st.one_of(st.integers(-5, 15), st.floats(allow_nan=False, allow_infinity=False)),
        "fatigue": st.one_of(st.integers(-5, 15), st.booleans()),
        "steps": st.one_of(st.integers(-10, 300_000), st.text(max_size=3)),
        "chair_stand_30s": st.integers(-5, 100),
        "numbness_extent": st.integers(-2, 8),
        "symptoms": st.lists(st.one_of(st.sampled_from(SYMPTOMS), st.text(max_size=6)), max_size=3),
        "note": st.text(max_size=2100),
    },
)


@pytest.mark.django_db
@PROPERTY_SETTINGS
@given(
    body=invalid_bodies,
    method=st.sampled_from(["post", "put", "patch"]),
    seed_other_day=st.booleans(),
)
def test_any_rejected_request_leaves_the_stored_data_unchanged(body, method, seed_other_day):
    patient, api = _new_patient()
    today = patient.local_today()
    seeded = {"date": today.isoformat(), "client_id": str(uuid.uuid4()), "strength_left": 6}
    seeded |= {"strength_right": 6, "fatigue": 3, "note": "kept"}
    assert api.post("/api/logs/", seeded, format="json").status_code == 201
    if seed_other_day:
        # A client id already used for another day must not move or overwrite that day.
        body = {**body, "client_id": seeded["client_id"]}
    path = "/api/logs/" if method == "post" else f"/api/logs/{today.isoformat()}/"
    before = _state(patient)
    response = getattr(api, method)(path, body, format="json")
    assert response.status_code < 500
    if response.status_code >= 400:
        assert _state(patient) == before
        assert response.json()["errors"], response.json()


@pytest.mark.django_db
def test_infinity_and_nan_in_the_json_are_refused_with_the_usual_error_shape():
    patient, api = _new_patient()
    for constant in ("Infinity", "NaN"):
        body = (
            f'{{"date": "{patient.local_today().isoformat()}", "client_id": "{uuid.uuid4()}", '
            f'"strength_left": 6, "strength_right": {constant}, "fatigue": 3}}'
        )
        response = api.post("/api/logs/", body, content_type="application/json")
        assert response.status_code == 400
        assert response.json()["errors"]
    assert not DailyLog.objects.filter(patient=patient).exists()
