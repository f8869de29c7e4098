"""Daily logs as a FHIR R4 Bundle (type "collection") of Observations, with a pseudonymous Patient; the
treatments, tests and life events recorded beside them join the same Bundle (tracker/exports/fhir_records.py).

Per logged day: the 30-second chair stand (LOINC 66247-8) and steps per day (LOINC 41950-7) as category
"activity"; the self-ratings (each leg's strength, with bodySite left or right lower limb; fatigue;
how far up numbness reaches; each symptom) under our local code system as category "survey".
effectiveDateTime is the patient's local calendar date.
"""

import uuid
from collections.abc import Iterable
from datetime import date

from tracker.exports.fhir_records import record_entries
from tracker.selectors.records import PatientRecords
from tracker.symptoms import SYMPTOM_LABELS, flags_to_symptoms
from tracker.vocabulary import MEASURE_FIELDS

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
LOCAL_SYSTEM = "urn:leg-strength-tracker:self-report"
# Fixed namespace for uuid5, so exporting the same log twice gives the same fullUrl.
_NAMESPACE = uuid.UUID("6f1c0a0e-8e3b-4f55-9d1e-2a7c1b5e9c41")

# SNOMED CT body structures.
LEFT_LOWER_LIMB = {"system": SNOMED, "code": "32153003", "display": "Structure of left lower limb"}
RIGHT_LOWER_LIMB = {"system": SNOMED, "code": "62175007", "display": "Structure of right lower limb"}

LOCAL_CODES = {
    "strength": "Self-rated leg strength, 0 (cannot move it) to 10 (normal for me)",
    "fatigue": "Self-rated fatigue, 0 (none) to 10 (worst imaginable)",
    "numbness-extent": "How far up numbness reaches, 0 none to 4 thighs or higher",
    "symptom": "Symptom reported that day",
}
CHAIR_STAND = {"system": LOINC, "code": "66247-8", "display": "30 second chair stand test"}
STEPS = {"system": LOINC, "code": "41950-7", "display": "Number of steps in 24 hour Measured"}
# The columns read from the database for an export.
LOG_COLUMNS = ("id", "date", *MEASURE_FIELDS, "symptom_flags")


def logs_bundle(
    *,
    patient_key: str,
    birth_year: int | None,
    sex: str,
    rows: Iterable[tuple],
    records: PatientRecords | None = None,
    today: date | None = None,
) -> dict:
    """`patient_key` is any stable pseudonymous key; `rows` are LOG_COLUMNS tuples; with `records` comes
    `today`, the patient's date, which tells an ongoing treatment from a finished one."""
    patient_url = _urn("patient", patient_key)
    patient = {"resourceType": "Patient", "active": True}
    if sex in ("female", "male", "other"):
        patient["gender"] = sex
    elif sex == "unspecified":
        patient["gender"] = "unknown"
    if birth_year:
        patient["birthDate"] = str(birth_year)
    entries = [{"fullUrl": patient_url, "resource": patient}]
    for log_id, day, left, right, fatigue, steps, chair, numbness, flags in rows:
        # (what makes the observation unique within the day, the observation)
        observations = [
            ("strength-left", _rating(day, "strength", left, body_site=LEFT_LOWER_LIMB)),
            ("strength-right", _rating(day, "strength", right, body_site=RIGHT_LOWER_LIMB)),
            ("fatigue", _rating(day, "fatigue", fatigue)),
            ("numbness-extent", _rating(day, "numbness-extent", numbness)),
        ]
        observations += [(f"symptom-{name}", _symptom(day, name)) for name in flags_to_symptoms(flags)]
        if chair is not None:
            observations.append(("chair-stand", _activity(day, CHAIR_STAND, {"valueInteger": chair})))
        if steps is not None:
            quantity = {"value": steps, "unit": "steps/day", "system": UCUM, "code": "/d"}
            observations.append(("steps", _activity(day, STEPS, {"valueQuantity": quantity})))
        for key, observation in observations:
            observation["subject"] = {"reference": patient_url}
            entries.append({"fullUrl": _urn("observation", f"{log_id}:{key}"), "resource": observation})
    if records:
        subject = {"reference": patient_url}
        entries += record_entries(records=records, subject=subject, today=today, urn=_urn)
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}


def _urn(kind: str, key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{kind}:{key}')}"


def _observation(day: date, category: str, coding: dict, value: dict) -> dict:
    return {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [{"system": CATEGORY_SYSTEM, "code": category}]}],
        "code": {"coding": [coding], "text": coding["display"]},
        "effectiveDateTime": day.isoformat(),
        **value,
    }


def _rating(day: date, code: str, value: int, body_site: dict | None = None) -> dict:
    observation = _observation(
        day, "survey", {"system": LOCAL_SYSTEM, "code": code, "display": LOCAL_CODES[code]}, {"valueInteger": value}
    )
    if body_site:
        observation["bodySite"] = {"coding": [body_site], "text": body_site["display"]}
    return observation


def _symptom(day: date, name: str) -> dict:
    return _observation(
        day,
        "survey",
        {"system": LOCAL_SYSTEM, "code": "symptom", "display": LOCAL_CODES["symptom"]},
        {"valueCodeableConcept": {"coding": [{"system": LOCAL_SYSTEM, "code": name, "display": SYMPTOM_LABELS[name]}]}},
    )


def _activity(day: date, coding: dict, value: dict) -> dict:
    return _observation(day, "activity", coding, value)
