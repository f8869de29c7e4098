"""All daily logs as CSV, one row a logged day, oldest first (UTF-8, comma-separated, header row).

| column | meaning |
| --- | --- |
| date | the patient's local calendar date, YYYY-MM-DD |
| strength_left, strength_right | self-rated strength of each leg, 0 (cannot move it) to 10 (normal for me) |
| fatigue | 0 (none) to 10 (worst imaginable) |
| steps | steps that day; empty when not known |
| chair_stand_30s | 30-second chair stand count; empty on days the test was not done |
| numbness_extent | how far up numbness reaches: 0 none, 1 toes/feet, 2 ankles, 3 calves/knees, 4 thighs or higher |
| symptoms | the symptoms logged, separated by ";" (vocabulary in tracker/symptoms.py) |
| note | the patient's free-text note |
"""

import csv
import io
from collections.abc import Iterable

from tracker.symptoms import flags_to_symptoms
from tracker.vocabulary import LOG_VALUE_FIELDS, MEASURE_FIELDS

CSV_COLUMNS = ("date", *LOG_VALUE_FIELDS)
# The columns read from the database for an export, in CSV_COLUMNS order with the symptoms as stored.
LOG_COLUMNS = ("date", *MEASURE_FIELDS, "symptom_flags", "note")


def logs_csv(rows: Iterable[tuple]) -> str:
    """`rows` are LOG_COLUMNS tuples, e.g. from logs_for(...).values_list(*LOG_COLUMNS)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for day, left, right, fatigue, steps, chair, numbness, flags, note in rows:
        writer.writerow(
            (
                day.isoformat(),
                left,
                right,
                fatigue,
                _blank(steps),
                _blank(chair),
                numbness,
                ";".join(flags_to_symptoms(flags)),
                safe_cell(note),
            )
        )
    return out.getvalue()


def _blank(value) -> str | int:
    return "" if value is None else value


def safe_cell(text: str) -> str:
    # A note starting with = + - @ would run as a formula when the file is opened in a spreadsheet (OWASP
    # "CSV injection"); a leading apostrophe makes spreadsheets show it as text.
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
