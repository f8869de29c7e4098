from collections import defaultdict

from fhir.resources.R4B.bundle import Bundle

from tests.conftest import add_logs
from tests.tracker.charts.diary import known_diary
from tracker.exports.fhir import LOCAL_SYSTEM, LOG_COLUMNS, logs_bundle
from tracker.selectors.logs import export_rows


def _bundle(patient, days=20):
    diary = known_diary(end=patient.local_today(), days=days)
    add_logs(patient, diary)
    rows = export_rows(patient=patient, columns=LOG_COLUMNS)
    return diary, logs_bundle(patient_key=str(patient.pk), birth_year=1955, sex="female", rows=rows)


def _observations(bundle):
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation"]


def test_the_bundle_validates_against_the_fhir_models(patient):
    _, bundle = _bundle(patient)
    parsed = Bundle.model_validate(bundle)
    assert parsed.type == "collection"
    assert len({e["fullUrl"] for e in bundle["entry"]}) == len(bundle["entry"])


def test_the_bundle_round_trips_to_the_logged_values(patient):
    diary, bundle = _bundle(patient)
    by_day = defaultdict(dict)
    for obs in _observations(bundle):
        coding = obs["code"]["coding"][0]
        values = by_day[obs["effectiveDateTime"]]
        if coding["code"] == "strength":
            values[obs["bodySite"]["coding"][0]["display"]] = obs["valueInteger"]
        elif coding["code"] == "symptom":
            values.setdefault("symptoms", set()).add(obs["valueCodeableConcept"]["coding"][0]["code"])
        elif coding["code"] == "41950-7":
            values["steps"] = obs["valueQuantity"]["value"]
        else:
            values[coding["code"]] = obs["valueInteger"]
    assert len(by_day) == len(diary)
    for day in diary:
        values = by_day[day.date.isoformat()]
        assert values["Structure of left lower limb"] == day.strength_left
        assert values["Structure of right lower limb"] == day.strength_right
        assert values["fatigue"] == day.fatigue
        assert values.get("66247-8") == day.chair_stand_30s
        assert values.get("steps") == day.steps
        assert values.get("symptoms", set()) == day.symptoms


def test_codes_categories_and_body_sites(patient):
    _, bundle = _bundle(patient)
    seen = {}
    for obs in _observations(bundle):
        coding = obs["code"]["coding"][0]
        seen[(coding["system"], coding["code"])] = obs["category"][0]["coding"][0]["code"]
        if coding["code"] == "strength":
            assert obs["bodySite"]["coding"][0]["code"] in {"32153003", "62175007"}
    assert seen[("http://loinc.org", "66247-8")] == "activity"
    assert seen[("http://loinc.org", "41950-7")] == "activity"
    assert seen[(LOCAL_SYSTEM, "strength")] == seen[(LOCAL_SYSTEM, "fatigue")] == "survey"


def test_the_patient_downloads_it_from_the_api(api, patient):
    add_logs(patient, known_diary(end=patient.local_today(), days=3))
    response = api.get("/api/exports/logs.fhir.json")
    assert response["Content-Type"] == "application/fhir+json"
    Bundle.model_validate(response.json())
