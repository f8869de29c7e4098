from datetime import timedelta

import pytest

from tests.conftest import add_logs
from tests.tracker.charts.diary import known_diary
from tracker.charts import FIGURES
from tracker.models import Alert, Investigation, LifeEvent, Treatment
from tracker.services.records import record_create


@pytest.fixture
def diary(patient):
    today = patient.local_today()
    add_logs(patient, known_diary(end=today, days=400))
    Alert.objects.create(
        patient=patient,
        code="asymmetry",
        severity="soon",
        raised_on=today - timedelta(days=3),
        patient_text="",
        physician_text="",
        advice="",
        dedup_key="asymmetry:soon:x",
    )
    return today


def test_the_list_names_every_chart_and_range(api):
    body = api.get("/api/charts/").json()
    assert [c["name"] for c in body["charts"]] == list(FIGURES)
    assert body["ranges"] == ["30", "90", "365", "all"]


@pytest.mark.parametrize(("chosen", "days"), [("30", 30), ("90", 90), ("365", 365)])
def test_a_chart_covers_the_range_up_to_the_patients_today(api, diary, chosen, days):
    body = api.get(f"/api/charts/strength/?range={chosen}").json()
    left = next(t for t in body["figure"]["data"] if t["name"] == "Left leg")
    assert body["range"] == chosen
    assert len(left["x"]) == days and left["x"][-1] == diary.isoformat()
    alerts = next(t for t in body["figure"]["data"] if t["name"] == "Alerts")
    assert alerts["hovertext"][0].startswith("One leg weaker than the other:<br>Book")


def test_all_starts_at_the_first_log(api, diary):
    left = api.get("/api/charts/fatigue/?range=all").json()["figure"]["data"][0]
    assert left["x"][0] == (diary - timedelta(days=399)).isoformat()


def test_a_bad_range_or_name_gets_the_one_error_shape(api):
    response = api.get("/api/charts/strength/?range=7")
    assert response.status_code == 400
    assert response.json() == {"errors": [{"field": "range", "message": "must be one of 30, 90, 365, all"}]}
    assert api.get("/api/charts/nope/").status_code == 404


def test_charts_need_a_signed_in_patient(client):
    assert client.get("/api/charts/strength/").status_code == 401


@pytest.mark.parametrize("name", list(FIGURES))
def test_each_chart_reads_with_a_fixed_number_of_queries(api, diary, name, django_assert_num_queries):
    # Token lookup (with its user), the user's expired tokens swept (knox), the patient, the logs, the alerts:
    # however long the period.
    with django_assert_num_queries(5):
        assert api.get(f"/api/charts/{name}/?range=365").status_code == 200


@pytest.mark.parametrize("name", list(FIGURES))
def test_treatments_tests_and_events_cost_one_query_more_whatever_their_number(
    api, diary, patient, name, django_assert_num_queries
):
    for offset in range(3):
        record_create(
            model=Treatment,
            patient=patient,
            values={"name": f"Course {offset}", "start": diary - timedelta(days=60 + offset), "end": None},
        )
        record_create(
            model=Investigation,
            patient=patient,
            values={
                "kind": "blood_test",
                "date": diary - timedelta(days=20 + offset),
                "results": [{"marker": "vitamin_d", "value": 20, "unit": "ng/mL"}],
            },
        )
        record_create(model=LifeEvent, patient=patient, values={"kind": "travel", "start": diary - timedelta(days=9)})
    with django_assert_num_queries(5 + 1):
        body = api.get(f"/api/charts/{name}/?range=365").json()
    assert body["says"]
