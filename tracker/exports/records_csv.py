"""Treatments, tests (one row per test, then one per blood result) and life events as CSV, in date order
(UTF-8, comma-separated, header row).

| column | meaning |
| --- | --- |
| record | treatment, test, blood_result or life_event |
| id | the record's id (a blood result carries its test's id) |
| start | a treatment's or event's first day, a test's date (YYYY-MM-DD, the patient's calendar) |
| end | a treatment's or event's last day; empty while it goes on, and for tests |
| code | the test kind, event kind or blood marker code (tracker/records.py); empty for a treatment |
| description | in plain words: the treatment's name, the kind of test or event, the marker |
| dose | a treatment's dose as the person wrote it |
| value, unit | a blood result and the unit the laboratory reported it in |
| reference_low, reference_high | the laboratory's reference range, when given |
| loinc | the LOINC code of a blood result in its unit |
| note | a treatment's or event's note, a test's finding |
"""

import csv
import io

from tracker.exports.csv_export import safe_cell
from tracker.labels import INVESTIGATION_KIND_LABELS, LIFE_EVENT_KIND_LABELS, MARKER_LABELS
from tracker.records import unit_coding
from tracker.selectors.records import PatientRecords

RECORDS_CSV_COLUMNS = (
    "record",
    "id",
    "start",
    "end",
    "code",
    "description",
    "dose",
    "value",
    "unit",
    "reference_low",
    "reference_high",
    "loinc",
    "note",
)


def records_csv(records: PatientRecords) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=RECORDS_CSV_COLUMNS, lineterminator="\n", restval="")
    writer.writeheader()
    for _, rows in sorted(_rows(records), key=lambda dated: dated[0]):
        for row in rows:
            writer.writerow(
                {name: safe_cell(value) if isinstance(value, str) else value for name, value in row.items()}
            )
    return out.getvalue()


def _rows(records: PatientRecords):
    """(sort date, rows) per record, so a test stays followed by its results."""
    for treatment in records.treatments:
        yield (
            treatment.start,
            [
                {
                    "record": "treatment",
                    "id": treatment.pk,
                    "start": treatment.start.isoformat(),
                    "end": _day(treatment.end),
                    "description": treatment.name,
                    "dose": treatment.dose,
                    "note": treatment.note,
                }
            ],
        )
    for investigation in records.investigations:
        test = {
            "record": "test",
            "id": investigation.pk,
            "start": investigation.date.isoformat(),
            "code": investigation.kind,
            "description": str(INVESTIGATION_KIND_LABELS[investigation.kind]),
            "note": investigation.finding,
        }
        results = [
            {
                "record": "blood_result",
                "id": investigation.pk,
                "start": investigation.date.isoformat(),
                "code": result.marker,
                "description": str(MARKER_LABELS[result.marker]),
                "value": result.value,
                "unit": result.unit,
                "reference_low": _blank(result.reference_low),
                "reference_high": _blank(result.reference_high),
                "loinc": unit_coding(result.marker, result.unit).loinc,
            }
            for result in investigation.results.all()
        ]
        yield investigation.date, [test, *results]
    for event in records.life_events:
        yield (
            event.start,
            [
                {
                    "record": "life_event",
                    "id": event.pk,
                    "start": event.start.isoformat(),
                    "end": _day(event.end),
                    "code": event.kind,
                    "description": str(LIFE_EVENT_KIND_LABELS[event.kind]),
                    "note": event.note,
                }
            ],
        )


def _day(day) -> str:
    return day.isoformat() if day else ""


def _blank(value):
    return "" if value is None else value
