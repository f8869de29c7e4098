from datetime import timedelta

from django.test import Client
from fhir.resources.R4B.bundle import Bundle

from tests.conftest import add_logs
from tests.tracker.charts.diary import known_diary
from tracker.exports.fhir import LOG_COLUMNS, logs_bundle
from tracker.models import Investigation, LifeEvent, Treatment
from tracker.selectors.logs import export_rows
from tracker.selectors.records import records_for
from tracker.services.records import record_create
from tracker.services.sharing import share_create


def _record_everything(patient):
    today = patient.local_today()
    days_ago = lambda n: today - timedelta(days=n)  # noqa: E731
    record_create(
        model=Treatment,
        patient=patient,
        values={"name": "Vitamin B12", "dose": "1 mg weekly", "start": days_ago(30), "note": "injections"},
    )
    record_create(
        model=Treatment, patient=patient, values={"name": "Prednisolone", "start": days_ago(60), "end": days_ago(50)}
    )
    results = [
        {"marker": "vitamin_b12", "value": 148, "unit": "pg/mL", "reference_low": 180, "reference_high": 914},
        {"marker": "tsh", "value": 2.1, "unit": "uIU/mL"},
        {"marker": "hba1c", "value": 48, "unit": "mmol/mol", "reference_high": 42},
    ]
    record_create(
        model=Investigation,
        patient=patient,
        values={"kind": "blood_test", "date": days_ago(32), "finding": "B12 low", "results": results},
    )
    record_create(
        model=Investigation, patient=patient, values={"kind": "mri", "date": days_ago(20), "finding": "normal"}
    )
    for kind, start, end in (
        ("illness", 10, 4),
        ("injury", 3, None),
        ("surgery", 90, 90),
        ("hospital_stay", 91, 88),
        ("travel", 40, 33),
        ("fall_with_injury", 2, 2),
    ):
        values = {
            "kind": kind,
            "start": days_ago(start),
            "end": days_ago(end) if end is not None else None,
            "note": kind,
        }
        record_create(model=LifeEvent, patient=patient, values=values)


def _bundle(patient):
    add_logs(patient, known_diary(end=patient.local_today(), days=5))
    _record_everything(patient)
    return logs_bundle(
        patient_key=str(patient.pk),
        birth_year=1960,
        sex="female",
        rows=export_rows(patient=patient, columns=LOG_COLUMNS),
        records=records_for(patient=patient),
        today=patient.local_today(),
    )


def _resources(bundle, kind):
    return [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == kind]


def test_the_bundle_with_records_validates_against_the_fhir_r4_models(patient):
    bundle = _bundle(patient)
    Bundle.model_validate(bundle)
    full_urls = [entry["fullUrl"] for entry in bundle["entry"]]
    assert len(set(full_urls)) == len(full_urls)
    references = [
        reference["reference"]
        for entry in bundle["entry"]
        for reference in [entry["resource"].get("subject", {}), *entry["resource"].get("partOf", [])]
        if reference
    ]
    assert set(references) <= set(full_urls)


def test_treatments_are_medication_statements_active_until_they_end(patient):
    statements = _resources(_bundle(patient), "MedicationStatement")
    by_name = {s["medicationCodeableConcept"]["text"]: s for s in statements}
    assert by_name["Vitamin B12"]["status"] == "active"
    assert by_name["Vitamin B12"]["dosage"] == [{"text": "1 mg weekly"}]
    assert "end" not in by_name["Vitamin B12"]["effectivePeriod"]
    assert by_name["Prednisolone"]["status"] == "completed"
    assert "dosage" not in by_name["Prednisolone"]


def test_blood_results_are_loinc_coded_observations_in_ucum_with_their_reference_range(patient):
    bundle = _bundle(patient)
    labs = [o for o in _resources(bundle, "Observation") if o["category"][0]["coding"][0]["code"] == "laboratory"]
    by_code = {o["code"]["coding"][0]["code"]: o for o in labs}
    assert set(by_code) == {"2132-9", "3016-3", "59261-8"}
    b12 = by_code["2132-9"]
    assert b12["code"]["coding"][0]["system"] == "http://loinc.org"
    assert b12["code"]["text"] == "Vitamin B12"
    assert b12["valueQuantity"] == {
        "value": 148,
        "unit": "pg/mL",
        "system": "http://unitsofmeasure.org",
        "code": "pg/mL",
    }
    assert b12["referenceRange"][0]["low"]["value"] == 180 and b12["referenceRange"][0]["high"]["value"] == 914
    assert by_code["3016-3"]["valueQuantity"]["code"] == "u[IU]/mL"
    assert "referenceRange" not in by_code["3016-3"]
    assert "low" not in by_code["59261-8"]["referenceRange"][0]
    [blood_test] = [p for p in _resources(bundle, "Procedure") if p["code"]["coding"][0]["code"] == "blood_test"]
    procedure_url = next(e["fullUrl"] for e in bundle["entry"] if e["resource"] is blood_test)
    assert {o["partOf"][0]["reference"] for o in labs} == {procedure_url}
    assert blood_test["note"] == [{"text": "B12 low"}]


def test_life_events_take_the_resource_that_fits_them(patient):
    bundle = _bundle(patient)
    procedures = {p["code"]["text"]: p for p in _resources(bundle, "Procedure")}
    assert set(procedures) == {"Blood test", "MRI scan", "Operation"}
    assert procedures["Operation"]["performedPeriod"]["start"] == procedures["Operation"]["performedPeriod"]["end"]
    [stay] = _resources(bundle, "Encounter")
    assert (stay["status"], stay["class"]["code"]) == ("finished", "IMP")
    conditions = {c["code"]["coding"][0]["code"]: c for c in _resources(bundle, "Condition")}
    assert set(conditions) == {"illness", "injury", "fall_with_injury"}
    assert conditions["injury"]["clinicalStatus"]["coding"][0]["code"] == "active"
    assert conditions["illness"]["clinicalStatus"]["coding"][0]["code"] == "resolved"
    assert "abatementDateTime" in conditions["illness"]
    [travel] = [o for o in _resources(bundle, "Observation") if o["code"].get("text") == "Travel"]
    assert travel["category"][0]["coding"][0]["code"] == "social-history"


def test_the_api_and_a_share_link_serve_the_records_in_their_fhir_bundle(api, patient):
    _record_everything(patient)
    downloaded = api.get("/api/exports/logs.fhir.json").json()
    Bundle.model_validate(downloaded)
    assert len(_resources(downloaded, "MedicationStatement")) == 2
    _, token = share_create(
        patient=patient, period_start=patient.local_today() - timedelta(days=35), sections=["exports"]
    )
    shared = Client().get(f"/s/{token}/logs.fhir.json").json()
    Bundle.model_validate(shared)
    # Only what touches the shared period: the finished steroid course and the old operation are outside it.
    assert [s["medicationCodeableConcept"]["text"] for s in _resources(shared, "MedicationStatement")] == [
        "Vitamin B12"
    ]
    assert "Operation" not in {p["code"]["text"] for p in _resources(shared, "Procedure")}
