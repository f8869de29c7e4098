import csv
import io

from tests.conftest import add_logs
from tests.tracker.charts.diary import known_diary
from tracker.exports.csv_export import CSV_COLUMNS, LOG_COLUMNS, logs_csv
from tracker.selectors.logs import export_rows


def _read(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_the_csv_round_trips_every_logged_day(patient):
    diary = known_diary(end=patient.local_today(), days=40)
    add_logs(patient, diary)
    rows = _read(logs_csv(export_rows(patient=patient, columns=LOG_COLUMNS)))
    assert len(rows) == len(diary)
    assert tuple(rows[0]) == CSV_COLUMNS
    for row, day in zip(rows, diary, strict=True):
        assert row["date"] == day.date.isoformat()
        assert (int(row["strength_left"]), int(row["strength_right"]), int(row["fatigue"])) == (
            day.strength_left,
            day.strength_right,
            day.fatigue,
        )
        assert (int(row["steps"]) if row["steps"] else None) == day.steps
        assert (int(row["chair_stand_30s"]) if row["chair_stand_30s"] else None) == day.chair_stand_30s
        assert set(filter(None, row["symptoms"].split(";"))) == day.symptoms


def test_notes_keep_commas_and_newlines_and_never_become_formulas(patient):
    (log,) = add_logs(patient, known_diary(end=patient.local_today(), days=1))
    for note, shown in (('stairs, then "rest"\nbetter', 'stairs, then "rest"\nbetter'), ("=1+1", "'=1+1")):
        log.note = note
        log.save()
        assert _read(logs_csv(export_rows(patient=patient, columns=LOG_COLUMNS)))[0]["note"] == shown


def test_the_patient_downloads_it_from_the_api(api, patient):
    add_logs(patient, known_diary(end=patient.local_today(), days=5))
    response = api.get("/api/exports/logs.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert len(_read(response.content.decode())) == 5
