import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import client_for
from tracker.models import Investigation, LabResult, LifeEvent, RecordRevision, Treatment

B12_COURSE = {"name": "Vitamin B12", "dose": "1 mg injection weekly", "start": "2026-01-05", "note": "from the GP"}
BLOOD_TEST = {
    "kind": "blood_test",
    "date": "2026-01-02",
    "finding": "B12 low",
    "results": [
        {"marker": "vitamin_b12", "value": 148, "unit": "pg/mL", "reference_low": 180, "reference_high": 914},
        {"marker": "ferritin", "value": 40, "unit": "ug/L"},
    ],
}
FLU_WEEK = {"kind": "illness", "start": "2026-02-01", "end": "2026-02-07", "note": "flu"}


def _errors(response) -> dict[str | None, str]:
    assert response.status_code == 400, response.content
    return {error["field"]: error["message"] for error in response.json()["errors"]}


def test_a_treatment_is_created_read_listed_and_ended(api):
    created = api.post("/api/treatments/", B12_COURSE, format="json")
    assert created.status_code == 201
    body = created.json()
    assert {key: body[key] for key in B12_COURSE} == B12_COURSE
    assert body["end"] is None
    assert api.get(f"/api/treatments/{body['id']}/").json()["name"] == "Vitamin B12"
    assert [row["id"] for row in api.get("/api/treatments/").json()["results"]] == [body["id"]]
    ended = api.patch(f"/api/treatments/{body['id']}/", {"end": "2026-03-01"}, format="json")
    assert ended.status_code == 200
    assert ended.json()["end"] == "2026-03-01"
    assert ended.json()["dose"] == B12_COURSE["dose"]


def test_a_blood_test_keeps_its_results_with_loinc_codes_and_the_units_written_canonically(api):
    created = api.post("/api/investigations/", BLOOD_TEST, format="json")
    assert created.status_code == 201
    results = created.json()["results"]
    assert [(r["marker"], r["value"], r["unit"], r["loinc"]) for r in results] == [
        ("vitamin_b12", 148.0, "pg/mL", "2132-9"),
        ("ferritin", 40.0, "µg/L", "2276-4"),
    ]
    assert results[0]["reference_low"] == 180
    assert results[1]["reference_high"] is None


def test_a_life_event_is_created_and_removed(api):
    created = api.post("/api/life-events/", FLU_WEEK, format="json")
    assert created.status_code == 201
    event_id = created.json()["id"]
    assert api.delete(f"/api/life-events/{event_id}/").status_code == 204
    assert api.get(f"/api/life-events/{event_id}/").status_code == 404
    assert not LifeEvent.objects.exists()


def test_a_wrong_unit_is_a_400_that_lists_the_accepted_ones(api):
    bad = {**BLOOD_TEST, "results": [{"marker": "vitamin_b12", "value": 148, "unit": "mg/dL"}]}
    errors = _errors(api.post("/api/investigations/", bad, format="json"))
    assert errors == {"results[0].unit": '"mg/dL" is not a unit for vitamin_b12; accepted: pg/mL, ng/L, pmol/L'}
    assert not Investigation.objects.exists()


@pytest.mark.parametrize(
    ("path", "body", "field", "message"),
    [
        ("/api/treatments/", {**B12_COURSE, "name": ""}, "name", "is required"),
        ("/api/treatments/", {**B12_COURSE, "name": "x" * 121}, "name", "must be at most 120 characters"),
        ("/api/treatments/", {**B12_COURSE, "dose": "x" * 121}, "dose", "must be at most 120 characters"),
        ("/api/treatments/", {**B12_COURSE, "start": "05/01/2026"}, "start", "must be a date as YYYY-MM-DD"),
        ("/api/treatments/", {"name": "Vitamin D"}, "start", "is required"),
        ("/api/treatments/", {**B12_COURSE, "end": "2026-01-01"}, "end", "must not be before the start (2026-01-05)"),
        ("/api/treatments/", {**B12_COURSE, "start": "1899-12-31"}, "start", "must not be before 1900-01-01"),
        ("/api/treatments/", {**B12_COURSE, "note": "x" * 2001}, "note", "must be at most 2000 characters"),
        ("/api/treatments/", {**B12_COURSE, "client_id": "nope"}, "client_id", "must be a UUID"),
        (
            "/api/investigations/",
            {**BLOOD_TEST, "kind": "pet"},
            "kind",
            '"pet" is not a known kind of test; allowed: blood_test, mri, ct, xray, nerve_conduction, emg, other',
        ),
        ("/api/investigations/", {**BLOOD_TEST, "date": ""}, "date", "must be a date as YYYY-MM-DD"),
        ("/api/investigations/", {**BLOOD_TEST, "finding": "x" * 501}, "finding", "must be at most 500 characters"),
        (
            "/api/investigations/",
            {**BLOOD_TEST, "kind": "mri"},
            "results",
            "results belong to a blood test; set kind to blood_test or leave results empty",
        ),
        (
            "/api/investigations/",
            {**BLOOD_TEST, "results": [{"marker": "zinc", "value": 1, "unit": "mg/L"}]},
            "results[0].marker",
            '"zinc" is not a known marker; allowed: vitamin_b12, vitamin_d, potassium, magnesium, sodium, calcium, '
            "tsh, free_t4, hba1c, glucose, haemoglobin, ferritin, creatine_kinase, crp",
        ),
        (
            "/api/investigations/",
            {**BLOOD_TEST, "results": [{"marker": "tsh", "value": "high", "unit": "mIU/L"}]},
            "results[0].value",
            "must be a number",
        ),
        (
            "/api/investigations/",
            {**BLOOD_TEST, "results": [{"marker": "tsh", "unit": "mIU/L"}]},
            "results[0].value",
            "is required",
        ),
        (
            "/api/investigations/",
            {**BLOOD_TEST, "results": [{"marker": "tsh", "value": -1, "unit": "mIU/L"}]},
            "results[0].value",
            "must be a number between 0 and 1000000",
        ),
        (
            "/api/investigations/",
            {**BLOOD_TEST, "results": [{"marker": "tsh", "value": 2, "unit": ""}]},
            "results[0].unit",
            "is required",
        ),
        (
            "/api/investigations/",
            {
                **BLOOD_TEST,
                "results": [{"marker": "tsh", "value": 2, "unit": "mIU/L", "reference_low": 4, "reference_high": 0.4}],
            },
            "results[0].reference_high",
            "must not be below the reference low (4)",
        ),
        (
            "/api/investigations/",
            {
                **BLOOD_TEST,
                "results": [
                    {"marker": "tsh", "value": 2, "unit": "mIU/L"},
                    {"marker": "tsh", "value": 3, "unit": "mIU/L"},
                ],
            },
            "results[1].marker",
            "tsh is listed twice; give each marker once",
        ),
        (
            "/api/life-events/",
            {**FLU_WEEK, "kind": "holiday"},
            "kind",
            '"holiday" is not a known kind of event; allowed: illness, injury, surgery, hospital_stay, '
            "fall_with_injury, travel, other",
        ),
        ("/api/life-events/", {**FLU_WEEK, "start": None}, "start", "is required"),
        ("/api/life-events/", {**FLU_WEEK, "end": "2026-01-31"}, "end", "must not be before the start (2026-02-01)"),
    ],
)
def test_each_bad_field_gets_its_own_message(api, path, body, field, message):
    assert _errors(api.post(path, body, format="json")) == {field: message}


def test_dates_in_the_persons_future_are_refused_but_a_treatment_may_have_a_planned_end(api, patient):
    today = patient.local_today()
    tomorrow = (today + timedelta(days=1)).isoformat()
    errors = _errors(api.post("/api/treatments/", {**B12_COURSE, "start": tomorrow}, format="json"))
    assert errors == {"start": f"{tomorrow} is in the future; today is {today.isoformat()}"}
    planned = api.post("/api/treatments/", {**B12_COURSE, "end": tomorrow}, format="json")
    assert planned.status_code == 201
    errors = _errors(api.post("/api/life-events/", {**FLU_WEEK, "end": tomorrow}, format="json"))
    assert errors == {"end": f"{tomorrow} is in the future; leave it empty while it lasts"}
    errors = _errors(api.post("/api/investigations/", {**BLOOD_TEST, "date": tomorrow}, format="json"))
    assert errors == {"date": f"{tomorrow} is in the future; today is {today.isoformat()}"}


def test_a_resent_create_returns_the_first_and_saves_nothing_twice(api):
    client_id = str(uuid.uuid4())
    first = api.post("/api/investigations/", {**BLOOD_TEST, "client_id": client_id}, format="json")
    again = api.post("/api/investigations/", {**BLOOD_TEST, "client_id": client_id}, format="json")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert Investigation.objects.count() == 1
    assert LabResult.objects.count() == 2


def test_corrections_and_removal_keep_the_earlier_values(api):
    test_id = api.post("/api/investigations/", BLOOD_TEST, format="json").json()["id"]
    corrected = api.patch(
        f"/api/investigations/{test_id}/",
        {"results": [{"marker": "vitamin_b12", "value": 158, "unit": "pg/mL"}]},
        format="json",
    )
    assert corrected.status_code == 200
    assert [r["value"] for r in corrected.json()["results"]] == [158.0]
    unchanged = api.patch(f"/api/investigations/{test_id}/", {"finding": "B12 low"}, format="json")
    assert unchanged.status_code == 200
    api.delete(f"/api/investigations/{test_id}/")
    revisions = api.get(f"/api/investigations/{test_id}/revisions/").json()
    assert [revision["change"] for revision in revisions] == ["corrected", "deleted"]
    assert [r["value"] for r in revisions[0]["previous_values"]["results"]] == [148, 40]
    assert revisions[0]["previous_values"]["date"] == "2026-01-02"
    assert [r["value"] for r in revisions[1]["previous_values"]["results"]] == [158]


def test_changing_a_blood_test_with_results_to_another_kind_is_refused_not_silently_emptied(api):
    test_id = api.post("/api/investigations/", BLOOD_TEST, format="json").json()["id"]
    errors = _errors(api.patch(f"/api/investigations/{test_id}/", {"kind": "mri"}, format="json"))
    assert errors == {"results": "results belong to a blood test; set kind to blood_test or leave results empty"}
    moved = api.patch(f"/api/investigations/{test_id}/", {"kind": "mri", "results": []}, format="json")
    assert moved.json()["results"] == []
    assert RecordRevision.objects.get().previous_values["kind"] == "blood_test"


def test_a_bad_correction_changes_nothing(api):
    treatment_id = api.post("/api/treatments/", B12_COURSE, format="json").json()["id"]
    errors = _errors(api.patch(f"/api/treatments/{treatment_id}/", {"end": "2025-12-01"}, format="json"))
    assert errors == {"end": "must not be before the start (2026-01-05)"}
    assert Treatment.objects.get().end is None
    assert not RecordRevision.objects.exists()


@pytest.mark.parametrize("path", ["/api/treatments/", "/api/investigations/", "/api/life-events/"])
def test_nobody_else_reads_changes_or_removes_them(api, make_patient, path):
    body = {"/api/treatments/": B12_COURSE, "/api/investigations/": BLOOD_TEST, "/api/life-events/": FLU_WEEK}[path]
    record_id = api.post(path, body, format="json").json()["id"]
    stranger = client_for(make_patient())
    assert stranger.get(path).json()["results"] == []
    assert stranger.get(f"{path}{record_id}/").status_code == 404
    assert stranger.patch(f"{path}{record_id}/", {"note": "x"}, format="json").status_code == 404
    assert stranger.delete(f"{path}{record_id}/").status_code == 404
    assert stranger.get(f"{path}{record_id}/revisions/").status_code == 404
    assert api.get(f"{path}{record_id}/").status_code == 200


@pytest.mark.parametrize("path", ["/api/treatments/", "/api/investigations/", "/api/life-events/"])
def test_lists_read_with_a_fixed_number_of_queries(api, path, patient):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert api.get(path).status_code == 200
        return len(captured)

    body = {"/api/treatments/": B12_COURSE, "/api/investigations/": BLOOD_TEST, "/api/life-events/": FLU_WEEK}[path]
    api.post(path, body, format="json")
    one = queries()
    for _ in range(5):
        api.post(path, body, format="json")
    assert queries() == one
