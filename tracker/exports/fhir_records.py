"""Treatments, tests and life events as FHIR R4 resources, for the same Bundle as the daily logs.

- a treatment: MedicationStatement (the name as text, the dose as dosage text), "active" until its end;
- a test: Procedure on its date, the person's finding as a note; each blood result an Observation (category
  "laboratory") coded in LOINC for its unit, the value as a UCUM Quantity with the reference range, partOf
  its Procedure;
- a life event: an operation is a Procedure, a hospital stay an inpatient Encounter, an illness, injury or
  fall a Condition, travel and anything else an Observation, each over its period.
Every code carries the plain label a person reads (tracker.labels) as its text.
"""

from datetime import date

from tracker.labels import INVESTIGATION_KIND_LABELS, LIFE_EVENT_KIND_LABELS, MARKER_LABELS
from tracker.models import Investigation, LifeEvent, Treatment
from tracker.records import LOINC_SYSTEM, UCUM_SYSTEM, unit_coding
from tracker.selectors.records import PatientRecords

RECORD_SYSTEM = "urn:leg-strength-tracker:record"
CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
INPATIENT = {
    "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
    "code": "IMP",
    "display": "inpatient encounter",
}
CONDITION_KINDS = frozenset({"illness", "injury", "fall_with_injury"})


def record_entries(*, records: PatientRecords, subject: dict, today: date, urn) -> list[dict]:
    """Bundle entries for `records`; `urn(kind, key)` makes the stable fullUrl the log entries use too."""
    entries = []
    for treatment in records.treatments:
        entries.append(_entry(urn("treatment", treatment.pk), _medication_statement(treatment, subject, today)))
    for investigation in records.investigations:
        procedure_url = urn("investigation", investigation.pk)
        entries.append(_entry(procedure_url, _procedure(investigation, subject)))
        for result in investigation.results.all():
            observation = _lab_observation(investigation, result, subject, procedure_url)
            entries.append(_entry(urn("lab-result", f"{investigation.pk}:{result.marker}"), observation))
    for event in records.life_events:
        entries.append(_entry(urn("life-event", event.pk), _life_event(event, subject)))
    return entries


def _entry(full_url: str, resource: dict) -> dict:
    return {"fullUrl": full_url, "resource": resource}


def _concept(code: str, label) -> dict:
    return {"coding": [{"system": RECORD_SYSTEM, "code": code, "display": str(label)}], "text": str(label)}


def _notes(*texts: str) -> dict:
    notes = [{"text": text} for text in texts if text]
    return {"note": notes} if notes else {}


def _period(start: date, end: date | None) -> dict:
    return {"start": start.isoformat(), **({"end": end.isoformat()} if end else {})}


def _going_on(end: date | None, today: date) -> bool:
    return end is None or end >= today


def _medication_statement(treatment: Treatment, subject: dict, today: date) -> dict:
    resource = {
        "resourceType": "MedicationStatement",
        "status": "active" if _going_on(treatment.end, today) else "completed",
        "medicationCodeableConcept": {"text": treatment.name},
        "subject": subject,
        "effectivePeriod": _period(treatment.start, treatment.end),
        **_notes(treatment.note),
    }
    if treatment.dose:
        resource["dosage"] = [{"text": treatment.dose}]
    return resource


def _procedure(investigation: Investigation, subject: dict) -> dict:
    return {
        "resourceType": "Procedure",
        "status": "completed",
        "code": _concept(investigation.kind, INVESTIGATION_KIND_LABELS[investigation.kind]),
        "subject": subject,
        "performedDateTime": investigation.date.isoformat(),
        **_notes(investigation.finding),
    }


def _quantity(value: float, coding) -> dict:
    return {"value": value, "unit": coding.unit, "system": UCUM_SYSTEM, "code": coding.ucum}


def _lab_observation(investigation: Investigation, result, subject: dict, procedure_url: str) -> dict:
    coding = unit_coding(result.marker, result.unit)
    observation = {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [{"system": CATEGORY_SYSTEM, "code": "laboratory"}]}],
        "code": {
            "coding": [{"system": LOINC_SYSTEM, "code": coding.loinc, "display": coding.loinc_name}],
            "text": str(MARKER_LABELS[result.marker]),
        },
        "subject": subject,
        "partOf": [{"reference": procedure_url}],
        "effectiveDateTime": investigation.date.isoformat(),
        "valueQuantity": _quantity(result.value, coding),
    }
    reference = {}
    if result.reference_low is not None:
        reference["low"] = _quantity(result.reference_low, coding)
    if result.reference_high is not None:
        reference["high"] = _quantity(result.reference_high, coding)
    if reference:
        observation["referenceRange"] = [reference]
    return observation


def _life_event(event: LifeEvent, subject: dict) -> dict:
    concept = _concept(event.kind, LIFE_EVENT_KIND_LABELS[event.kind])
    if event.kind == "surgery":
        return {
            "resourceType": "Procedure",
            "status": "in-progress" if event.end is None else "completed",
            "code": concept,
            "subject": subject,
            "performedPeriod": _period(event.start, event.end),
            **_notes(event.note),
        }
    if event.kind == "hospital_stay":
        return {
            "resourceType": "Encounter",
            "status": "in-progress" if event.end is None else "finished",
            "class": INPATIENT,
            "type": [concept],
            "subject": subject,
            "period": _period(event.start, event.end),
            **({"reasonCode": [{"text": event.note}]} if event.note else {}),
        }
    if event.kind in CONDITION_KINDS:
        condition = {
            "resourceType": "Condition",
            "clinicalStatus": {
                "coding": [{"system": CONDITION_CLINICAL, "code": "active" if event.end is None else "resolved"}]
            },
            "code": concept,
            "subject": subject,
            "onsetDateTime": event.start.isoformat(),
            **_notes(event.note),
        }
        if event.end:
            condition["abatementDateTime"] = event.end.isoformat()
        return condition
    return {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [{"system": CATEGORY_SYSTEM, "code": "social-history"}]}],
        "code": concept,
        "subject": subject,
        "effectivePeriod": _period(event.start, event.end),
        **_notes(event.note),
    }
