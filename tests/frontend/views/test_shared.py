"""A share link's sections hold everywhere: what it does not share is absent from every page and file it serves."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.conftest import add_logs
from tests.tracker.charts.diary import known_diary
from tracker.exports.summary_page import summary_page
from tracker.models import Alert, LifeEvent, Treatment
from tracker.models.sharing import SHARE_SECTIONS
from tracker.selectors.sharing import share_data_version
from tracker.services.records import record_create
from tracker.services.sharing import share_create

NOTES = ("knee gave way on the stairs", "from the GP on Monday", "in bed for three days")


@pytest.fixture
def kept_diary(patient):
    today = patient.local_today()
    logs = add_logs(patient, known_diary(end=today, days=120))
    logs[-1].note = NOTES[0]
    logs[-1].save()
    record_create(
        model=Treatment,
        patient=patient,
        values={"name": "Vitamin B12", "start": today - timedelta(days=20), "note": NOTES[1]},
    )
    record_create(
        model=LifeEvent,
        patient=patient,
        values={
            "kind": "illness",
            "start": today - timedelta(days=60),
            "end": today - timedelta(days=55),
            "note": NOTES[2],
        },
    )
    Alert.objects.create(
        patient=patient,
        code="asymmetry",
        severity="soon",
        raised_on=today - timedelta(days=3),
        patient_text="",
        physician_text="",
        advice="",
        dedup_key="k",
    )
    patient.refresh_from_db()
    return patient


def _served(patient, sections) -> dict[str, str]:
    _, token = share_create(patient=patient, sections=sections)
    return {
        path: Client().get(f"/s/{token}/{path}").content.decode()
        for path in ("", "logs.csv", "records.csv", "logs.fhir.json")
    }


def test_everything_shared_is_in_every_file(kept_diary):
    served = _served(kept_diary, SHARE_SECTIONS)
    for path in ("", "logs.csv", "records.csv"):
        assert any(note in served[path] for note in NOTES), path
    assert NOTES[0] in served[""] and NOTES[1] in served[""] and NOTES[2] in served[""]
    assert NOTES[1] in served["logs.fhir.json"] and NOTES[2] in served["logs.fhir.json"]
    assert "cramps" in served["logs.csv"]
    assert '"code": "symptom"' in served["logs.fhir.json"]
    assert 'id="alerts"' in served[""]


def test_without_notes_no_note_is_in_any_page_or_file(kept_diary):
    served = _served(kept_diary, [s for s in SHARE_SECTIONS if s != "notes"])
    for path, body in served.items():
        assert not any(note in body for note in NOTES), path
    assert "Vitamin B12" in served[""] and "Vitamin B12" in served["records.csv"]
    rows = list(csv.DictReader(io.StringIO(served["logs.csv"])))
    assert rows and all(row["note"] == "" for row in rows)
    assert Treatment.objects.get().note == NOTES[1]


def test_without_symptoms_or_alerts_none_is_in_any_page_or_file(kept_diary):
    served = _served(kept_diary, ["charts", "hints", "notes", "exports"])
    rows = list(csv.DictReader(io.StringIO(served["logs.csv"])))
    assert rows and all(row["symptoms"] == "" for row in rows)
    bundle = json.loads(served["logs.fhir.json"])
    assert not [e for e in bundle["entry"] if "symptom" in json.dumps(e["resource"].get("code", {}))]
    assert "chart-symptoms" not in served[""] and "Symptoms: days logged" not in served[""]
    assert 'id="alerts"' not in served[""] and "asymmetry" not in served[""]
    assert "chart-strength" in served[""]


def test_without_exports_no_file_is_served(kept_diary):
    served = _served(kept_diary, [s for s in SHARE_SECTIONS if s != "exports"])
    assert all(served[path] == "Not found." for path in ("logs.csv", "records.csv", "logs.fhir.json"))
    assert "logs.csv" not in served[""]


def test_the_summary_says_who_and_lists_records_in_date_order(kept_diary, patient):
    patient.birth_year, patient.sex = 1958, "female"
    patient.set_history(["diabetes", "spinal_surgery"])
    patient.save()
    _, token = share_create(patient=patient, sections=SHARE_SECTIONS, patient_label="Jane S.")
    html = Client().get(f"/s/{token}/").content.decode()
    for words in ("Jane S.", "1958", "Female", "Diabetes, Spinal surgery", "Made"):
        assert words in html, words
    listed = html[html.index('id="timeline"') :]  # the charts above name them too, in their figures
    assert listed.index("Illness (flu, infection)") < listed.index("Vitamin B12")
    assert html.index("chart-strength") < html.index("Treatments, tests and events") < html.index("chart-fatigue")


@pytest.mark.parametrize("shared", [True, False])
def test_the_pdf_holds_the_notes_only_when_the_link_shares_them(kept_diary, shared):
    sections = SHARE_SECTIONS if shared else [s for s in SHARE_SECTIONS if s != "notes"]
    share, _ = share_create(patient=kept_diary, sections=sections)
    printed = summary_page(share=share).html
    assert all((note in printed) is shared for note in NOTES)
    assert "summary.pdf" not in printed


def test_the_pdf_cache_key_changes_with_anything_the_summary_shows(kept_diary):
    share, _ = share_create(patient=kept_diary, sections=SHARE_SECTIONS)
    today = kept_diary.local_today()
    versions = [share_data_version(share=share, today=today)]
    assert share_data_version(share=share, today=today) == versions[0]

    def changed(change) -> None:
        change()
        versions.append(share_data_version(share=share, today=today))
        assert versions[-1] != versions[-2]

    log = kept_diary.logs.order_by("date").first()
    changed(lambda: (setattr(log, "fatigue", 9), log.save()))
    changed(log.delete)
    changed(lambda: Alert.objects.update(status="acknowledged", acknowledged_at=timezone.now()))
    treatment = Treatment.objects.get()
    changed(lambda: (setattr(treatment, "dose", "2 mg"), treatment.save()))
    changed(lambda: (kept_diary.set_history(["cancer"]), kept_diary.save()))
    assert share_data_version(share=share, today=today + timedelta(days=1)) != versions[-1]
