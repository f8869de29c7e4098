"""Writes of treatments, tests and life events. A correction or a deletion keeps the earlier values as a
RecordRevision, so what a person once recorded can always be traced; a resent create (same client_id)
returns what was saved the first time instead of saving it twice.

`values` are plain Python values (dates as date, results as a list of dicts) from an API serializer or a
page form; the rules that make them right for this person (dates against their calendar, units against the
marker) are checked here, once for both.
"""

import uuid
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tracker.models import Investigation, LabResult, LifeEvent, Patient, RecordRevision, Treatment
from tracker.models.records import MAX_LAB_VALUE
from tracker.records import BLOOD_TEST, INVESTIGATION_KINDS, LIFE_EVENT_KINDS, MARKERS, unit_coding

EARLIEST_RECORD_DATE = date(1900, 1, 1)
Record = Treatment | Investigation | LifeEvent

_TEXT_FIELDS = {"dose", "note", "finding"}
_RECORD_TYPES = {
    Treatment: RecordRevision.RecordType.TREATMENT,
    Investigation: RecordRevision.RecordType.INVESTIGATION,
    LifeEvent: RecordRevision.RecordType.LIFE_EVENT,
}


def record_create(
    *, model: type[Record], patient: Patient, values: dict, client_id: uuid.UUID | None = None
) -> tuple[Record, bool]:
    """Save a new treatment, test or event; returns it and whether it was created (False: a resend)."""
    values = dict(values)
    results = values.pop("results", None)
    if client_id is not None:
        existing = model.objects.filter(patient=patient, client_id=client_id).first()
        if existing is not None:
            return existing, False
    record = model(patient=patient, client_id=client_id)
    _assign(record, values)
    _validate(record, patient, results)
    try:
        with transaction.atomic():
            record.save()
            if results:
                _save_results(record, results)
            if not patient.has_records:
                Patient.objects.filter(pk=patient.pk).update(has_records=True)
                patient.has_records = True
    except IntegrityError:
        # The same client_id arrived twice at once: the other request saved it.
        existing = model.objects.filter(patient=patient, client_id=client_id).first() if client_id else None
        if existing is None:
            raise
        return existing, False
    return record, True


def record_update(*, record: Record, values: dict) -> Record:
    """Correct some or all of a record's values; keeps the earlier ones when anything changed."""
    values = dict(values)
    results = values.pop("results", None)
    with transaction.atomic():
        locked = type(record).objects.select_for_update().select_related("patient").get(pk=record.pk)
        before = record_values(locked)
        _assign(locked, values)
        if results is None and isinstance(locked, Investigation):
            results = before["results"]
        _validate(locked, locked.patient, results)
        if isinstance(locked, Investigation):
            results = [_canonical_result(result) for result in results]
        after = {name: getattr(locked, name) for name in type(locked).VALUE_FIELDS}
        if isinstance(locked, Investigation):
            after["results"] = results
        if _as_json(after) == before:
            return locked
        _keep_revision(locked, RecordRevision.Change.CORRECTED, before)
        locked.save()
        if isinstance(locked, Investigation):
            locked.results.all().delete()
            _save_results(locked, results)
        return locked


def record_delete(*, record: Record) -> None:
    with transaction.atomic():
        locked = type(record).objects.select_for_update().filter(pk=record.pk).first()
        if locked is None:
            return
        _keep_revision(locked, RecordRevision.Change.DELETED, record_values(locked))
        locked.delete()


def record_values(record: Record) -> dict:
    """The record's values as JSON-ready data, as a revision keeps them."""
    values = {name: getattr(record, name) for name in type(record).VALUE_FIELDS}
    if isinstance(record, Investigation):
        values["results"] = [
            {name: getattr(result, name) for name in LabResult.VALUE_FIELDS} for result in record.results.all()
        ]
    return _as_json(values)


def _as_json(values: dict) -> dict:
    return {name: value.isoformat() if isinstance(value, date) else value for name, value in values.items()}


def _assign(record: Record, values: dict) -> None:
    for name, value in values.items():
        if name not in type(record).VALUE_FIELDS:
            raise ValueError(f"{name} is not a value of {type(record).__name__}")
        setattr(record, name, "" if value is None and name in _TEXT_FIELDS else value)


def _keep_revision(record: Record, change: str, previous_values: dict) -> None:
    RecordRevision.objects.create(
        patient_id=record.patient_id,
        record_type=_RECORD_TYPES[type(record)],
        record_id=record.pk,
        change=change,
        previous_values=previous_values,
        previous_saved_at=record.updated_at,
    )


def _validate(record: Record, patient: Patient, results: list | None) -> None:
    today = patient.local_today()
    errors: dict[str, list[str]] = {}
    if isinstance(record, Treatment):
        if not record.name.strip():
            errors["name"] = ["is required"]
        _check_period(record, today, errors, end_may_be_planned=True)
    elif isinstance(record, LifeEvent):
        if record.kind not in LIFE_EVENT_KINDS:
            errors["kind"] = [f'"{record.kind}" is not a known kind; allowed: {", ".join(LIFE_EVENT_KINDS)}']
        _check_period(record, today, errors, end_may_be_planned=False)
    else:
        if record.kind not in INVESTIGATION_KINDS:
            errors["kind"] = [f'"{record.kind}" is not a known kind; allowed: {", ".join(INVESTIGATION_KINDS)}']
        _check_day(record.date, "date", today, errors)
        if results and record.kind != BLOOD_TEST:
            errors["results"] = ["results belong to a blood test; set kind to blood_test or leave results empty"]
        elif results:
            _check_results(results, errors)
    if errors:
        raise ValidationError(errors)


def _check_period(record: Treatment | LifeEvent, today: date, errors: dict, *, end_may_be_planned: bool) -> None:
    _check_day(record.start, "start", today, errors)
    if record.end is None:
        return
    if record.end < record.start:
        errors["end"] = [f"must not be before the start ({record.start.isoformat()})"]
    elif not end_may_be_planned and record.end > today:
        errors["end"] = [f"{record.end.isoformat()} is in the future; leave it empty while it lasts"]


def _check_day(day: date, name: str, today: date, errors: dict) -> None:
    if day < EARLIEST_RECORD_DATE:
        errors[name] = [f"must not be before {EARLIEST_RECORD_DATE.isoformat()}"]
    elif day > today:
        errors[name] = [f"{day.isoformat()} is in the future; today is {today.isoformat()}"]


def _check_results(results: list[dict], errors: dict) -> None:
    seen: set[str] = set()
    for index, result in enumerate(results):
        where = f"results[{index}]"
        marker = result.get("marker")
        if marker not in MARKERS:
            errors[f"{where}.marker"] = [f'"{marker}" is not a known marker; allowed: {", ".join(MARKERS)}']
            continue
        if marker in seen:
            errors[f"{where}.marker"] = [f"{marker} is listed twice; give each marker once"]
        seen.add(marker)
        if unit_coding(marker, result.get("unit") or "") is None:
            accepted = ", ".join(MARKERS[marker].unit_names)
            errors[f"{where}.unit"] = [f'"{result.get("unit")}" is not a unit for {marker}; accepted: {accepted}']
        for name in ("value", "reference_low", "reference_high"):
            number = result.get(name)
            if number is None and name != "value":
                continue
            if number is None or not 0 <= number <= MAX_LAB_VALUE:
                errors[f"{where}.{name}"] = [f"must be a number between 0 and {MAX_LAB_VALUE}"]
        low, high = result.get("reference_low"), result.get("reference_high")
        if low is not None and high is not None and low > high:
            errors[f"{where}.reference_high"] = [f"must not be below the reference low ({low:g})"]


def _canonical_result(result: dict) -> dict:
    return {
        "marker": result["marker"],
        "value": result["value"],
        "unit": unit_coding(result["marker"], result["unit"]).unit,
        "reference_low": result.get("reference_low"),
        "reference_high": result.get("reference_high"),
    }


def _save_results(investigation: Investigation, results: list[dict]) -> None:
    LabResult.objects.bulk_create(
        LabResult(investigation=investigation, **_canonical_result(result)) for result in results
    )
