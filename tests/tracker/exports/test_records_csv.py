import csv
import io
from datetime import date

from django.test import Client

from tracker.exports.records_csv import RECORDS_CSV_COLUMNS, records_csv
from tracker.models import Investigation, LifeEvent, Treatment
from tracker.selectors.records import records_for
from tracker.services.records import record_create
from tracker.services.sharing import share_create


def _read(text):
    return list(csv.DictReader(io.StringIO(text)))


def _record(patient):
    record_create(
        model=Treatment, patient=patient, values={"name": "=HYPERLINK()", "dose": "1 mg", "start": date(2026, 1, 5)}
    )
    results = [{"marker": "vitamin_b12", "value": 148, "unit": "pmol/L", "reference_low": 133}]
    record_create(
        model=Investigation,
        patient=patient,
        values={"kind": "blood_test", "date": date(2026, 1, 2), "finding": "low, see GP", "results": results},
    )
    record_create(
        model=LifeEvent,
        patient=patient,
        values={"kind": "illness", "start": date(2026, 2, 1), "end": date(2026, 2, 7), "note": "flu"},
    )


def test_every_record_is_a_row_in_date_order_with_plain_words_and_codes(patient):
    _record(patient)
    rows = _read(records_csv(records_for(patient=patient)))
    assert tuple(rows[0]) == RECORDS_CSV_COLUMNS
    assert [(row["record"], row["start"], row["code"], row["description"]) for row in rows] == [
        ("test", "2026-01-02", "blood_test", "Blood test"),
        ("blood_result", "2026-01-02", "vitamin_b12", "Vitamin B12"),
        ("treatment", "2026-01-05", "", "'=HYPERLINK()"),
        ("life_event", "2026-02-01", "illness", "Illness (flu, infection)"),
    ]
    result = rows[1]
    assert (result["value"], result["unit"], result["loinc"]) == ("148.0", "pmol/L", "14685-2")
    assert (result["reference_low"], result["reference_high"]) == ("133.0", "")
    assert rows[0]["note"] == "low, see GP"
    assert (rows[3]["end"], rows[3]["note"]) == ("2026-02-07", "flu")
    assert (rows[2]["dose"], rows[2]["end"]) == ("1 mg", "")


def test_the_patient_and_a_share_link_with_exports_download_it(api, patient):
    _record(patient)
    response = api.get("/api/exports/records.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert len(_read(response.content.decode())) == 4
    _, token = share_create(patient=patient, sections=["exports"])
    assert len(_read(Client().get(f"/s/{token}/records.csv").content.decode())) == 4
    _, without_exports = share_create(patient=patient, sections=["charts"])
    assert Client().get(f"/s/{without_exports}/records.csv").status_code == 404
