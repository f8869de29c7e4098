import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from rest_framework.test import APIClient

from tests.conftest import client_for
from tracker.models import DailyLog, DailyLogRevision

ENTRY = {
    "date": "2026-03-01",
    "strength_left": 7,
    "strength_right": 8,
    "fatigue": 4,
    "steps": 4200,
    "chair_stand_30s": 12,
    "numbness_extent": 1,
    "symptoms": ["tingling", "cramps"],
    "note": "walked to the park",
}


def _post(api, **changes):
    return api.post("/api/logs/", {**ENTRY, **changes}, format="json")


def test_post_creates_then_resubmission_updates_the_same_row(api):
    client_id = str(uuid.uuid4())
    created = _post(api, client_id=client_id)
    assert created.status_code == 201
    body = created.json()
    assert body["symptoms"] == ["tingling", "cramps"]
    assert body["client_id"] == client_id
    assert body["triage"] is None
    again = _post(api, client_id=client_id, fatigue=6)
    assert again.status_code == 200
    assert again.json()["fatigue"] == 6
    assert DailyLog.objects.count() == 1


def test_post_for_a_logged_date_with_a_new_client_id_updates_it(api):
    _post(api)
    response = _post(api, strength_left=6)
    assert response.status_code == 200
    assert DailyLog.objects.get().strength_left == 6


def test_a_red_flag_log_answers_with_triage_and_the_emergency_number(api):
    response = _post(api, strength_right=1, symptoms=["face_arm_speech", "sudden_onset"])
    assert response.status_code == 201
    triage = response.json()["triage"]
    assert triage["severity"] == "emergency"
    assert triage["code"] == "sudden_weakness"
    assert triage["emergency_number"] == "112"
    assert "112" in triage["advice"]


def test_sudden_trouble_seeing_is_kept_and_read_back_as_a_stroke_sign(api):
    response = _post(api, symptoms=["vision_loss", "cramps"])
    assert response.status_code == 201
    assert response.json()["symptoms"] == ["cramps", "vision_loss"]
    assert response.json()["triage"]["severity"] == "emergency"
    assert DailyLog.objects.get().symptoms == ["cramps", "vision_loss"]
    assert api.get("/api/logs/2026-03-01/").json()["symptoms"] == ["cramps", "vision_loss"]
    listed = api.get("/api/logs/", {"from": "2026-03-01", "to": "2026-03-01"}).json()
    assert [log["symptoms"] for log in listed["results"]] == [["cramps", "vision_loss"]]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"strength_left": 11}, "strength_left", "must be a whole number between 0 and 10"),
        ({"strength_right": -1}, "strength_right", "must be a whole number between 0 and 10"),
        ({"fatigue": "lots"}, "fatigue", "must be a whole number between 0 and 10"),
        ({"numbness_extent": 5}, "numbness_extent", "must be a whole number between 0 and 4"),
        ({"steps": -5}, "steps", "must be a whole number between 0 and 200000"),
        ({"chair_stand_30s": 99}, "chair_stand_30s", "must be a whole number between 0 and 60"),
        ({"date": "01/03/2026"}, "date", "must be a date as YYYY-MM-DD"),
        ({"client_id": "abc"}, "client_id", "must be a UUID"),
        ({"symptoms": "cramps"}, "symptoms", "must be a list of symptoms"),
        ({"note": "x" * 2001}, "note", "no more than 2000"),
    ],
)
def test_each_bad_field_gets_a_plain_message(api, change, field, message):
    response = _post(api, **change)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert [e["field"] for e in errors] == [field]
    assert message in errors[0]["message"]
    assert not DailyLog.objects.exists()


def test_an_unknown_symptom_lists_the_allowed_ones(api):
    response = _post(api, symptoms=["cramps", "hiccups"])
    error = response.json()["errors"][0]
    assert error["field"] == "symptoms[1]"
    assert error["message"].startswith('"hiccups" is not a known symptom; allowed: numbness, tingling, cramps')


def test_several_bad_fields_are_all_reported(api):
    payload = {"date": "2026-03-01", "strength_left": 12}
    errors = api.post("/api/logs/", payload, format="json").json()["errors"]
    assert {e["field"] for e in errors} == {"strength_left", "strength_right", "fatigue"}
    assert {e["message"] for e in errors if e["field"] != "strength_left"} == {"is required"}


def test_a_rejected_correction_leaves_the_saved_log_unchanged(api):
    _post(api)
    before = DailyLog.objects.get().values()
    assert _post(api, strength_left=40).status_code == 400
    assert api.patch("/api/logs/2026-03-01/", {"fatigue": 11}, format="json").status_code == 400
    assert api.put("/api/logs/2026-03-01/", {"fatigue": 2}, format="json").status_code == 400
    assert DailyLog.objects.get().values() == before
    assert not DailyLogRevision.objects.exists()


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Berlin"])
def test_today_is_the_patients_local_date(make_patient, zone):
    api = client_for(make_patient(timezone=zone))
    local_today = datetime.now(ZoneInfo(zone)).date()
    assert _post(api, date=local_today.isoformat()).status_code == 201
    tomorrow = _post(api, date=(local_today + timedelta(days=1)).isoformat())
    assert tomorrow.status_code == 400
    assert tomorrow.json()["errors"][0]["field"] == "date"
    assert "in the future" in tomorrow.json()["errors"][0]["message"]


def test_list_filters_by_local_dates_and_paginates(api):
    for day in range(1, 11):
        _post(api, date=date(2026, 3, day).isoformat())
    body = api.get("/api/logs/?from=2026-03-03&to=2026-03-05").json()
    assert [log["date"] for log in body["results"]] == ["2026-03-03", "2026-03-04", "2026-03-05"]
    page = api.get("/api/logs/?page_size=4&page=2").json()
    assert page["count"] == 10
    assert [log["date"] for log in page["results"]] == ["2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08"]


@pytest.mark.parametrize(
    ("query", "field"), [("from=yesterday", "from"), ("to=2026-13-01", "to"), ("from=2026-03-05&to=2026-03-01", "to")]
)
def test_list_rejects_bad_ranges(api, query, field):
    response = api.get(f"/api/logs/?{query}")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == field


def test_detail_get_put_patch_delete_and_revisions(api):
    _post(api)
    assert api.get("/api/logs/2026-03-01/").json()["note"] == "walked to the park"
    full = {k: v for k, v in ENTRY.items() if k != "date"}
    assert api.put("/api/logs/2026-03-01/", {**full, "fatigue": 5}, format="json").json()["fatigue"] == 5
    assert api.patch("/api/logs/2026-03-01/", {"note": "rested"}, format="json").json()["note"] == "rested"
    revisions = api.get("/api/logs/2026-03-01/revisions/").json()
    assert [r["previous_values"]["fatigue"] for r in revisions] == [4, 5]
    assert api.delete("/api/logs/2026-03-01/").status_code == 204
    assert api.get("/api/logs/2026-03-01/").status_code == 404
    assert [r["change"] for r in api.get("/api/logs/2026-03-01/revisions/").json()] == [
        "corrected",
        "corrected",
        "deleted",
    ]


def test_another_patients_logs_are_invisible_everywhere(api, make_patient):
    _post(api)
    intruder = client_for(make_patient())
    assert intruder.get("/api/logs/").json()["count"] == 0
    for method in ("get", "put", "patch", "delete"):
        response = getattr(intruder, method)("/api/logs/2026-03-01/", {"fatigue": 1}, format="json")
        assert response.status_code in (400, 404) if method == "put" else response.status_code == 404
    assert intruder.get("/api/logs/2026-03-01/revisions/").json() == []
    assert _post(intruder, fatigue=9).status_code == 201, "the same date is a different row for another patient"
    mine = DailyLog.objects.exclude(fatigue=9).get()
    assert mine.fatigue == 4


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/api/logs/"),
        ("post", "/api/logs/"),
        ("get", "/api/logs/2026-03-01/"),
        ("put", "/api/logs/2026-03-01/"),
        ("patch", "/api/logs/2026-03-01/"),
        ("delete", "/api/logs/2026-03-01/"),
        ("get", "/api/logs/2026-03-01/revisions/"),
    ],
)
def test_anonymous_requests_are_refused(method, url):
    response = getattr(APIClient(), method)(url, ENTRY, format="json")
    assert response.status_code == 401
    assert response.json() == {"errors": [{"field": None, "message": "Authentication credentials were not provided."}]}


def test_a_date_before_1900_is_refused_before_anything_is_saved(api):
    """Found by schemathesis: 0001-01-01 was saved, then its triage overflowed the calendar into a 500."""
    response = api.post("/api/logs/", {**ENTRY, "date": "0001-01-01"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"errors": [{"field": "date", "message": "must not be before 1900-01-01"}]}
    assert not DailyLog.objects.exists()


def test_an_entry_made_under_another_account_is_refused_and_not_saved(patient, make_patient):
    """A shared phone's outbox names the account each entry was made under (issue 14 item 5)."""
    frank = make_patient(username="frank")
    gina = client_for(patient)

    refused = _post(gina, account=frank.user.pk, note="Frank's note")
    assert refused.status_code == 409
    assert refused.json() == {"errors": [{"field": "account", "message": "this entry was made under another account"}]}
    assert not DailyLog.objects.exists()

    assert _post(gina, account=patient.user.pk).status_code == 201
    assert _post(gina).status_code == 200, "clients that do not name the account are unchanged"
