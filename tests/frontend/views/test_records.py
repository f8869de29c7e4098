import html as html_module
import re
import uuid
from datetime import date, timedelta

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.frontend.pages import assert_no_inline_code
from tests.test_authorization_matrix import _user
from tracker.models import Investigation, LabResult, LifeEvent, RecordRevision, Treatment
from tracker.services.records import record_create

MANAGEMENT = {"results-TOTAL_FORMS": "3", "results-INITIAL_FORMS": "0", "results-MIN_NUM_FORMS": "0"}
INTERNAL_CODES = re.compile(
    r"\b(blood_test|vitamin_b12|fall_with_injury|hospital_stay|nerve_conduction|creatine_kinase)\b"
)


def _signed_in(patient) -> Client:
    client = Client()
    client.force_login(patient.user)
    return client


def _visible_text(html: str) -> str:
    body = re.sub(r"<script.*?</script>|<template.*?</template>", "", html, flags=re.S)
    return html_module.unescape(re.sub(r"<[^>]+>", " ", body))


def _errors(html: str) -> list[str]:
    return re.findall(r'<p class="error"[^>]*>(.*?)</p>', html)


def _seed(patient):
    today = patient.local_today()
    record_create(model=Treatment, patient=patient, values={"name": "Vitamin B12", "dose": "1 mg", "start": today})
    results = [
        {"marker": "vitamin_b12", "value": 148, "unit": "pg/mL", "reference_low": 180, "reference_high": 914},
        {"marker": "tsh", "value": 2.1, "unit": "mIU/L", "reference_low": 0.4, "reference_high": 4},
    ]
    record_create(
        model=Investigation, patient=patient, values={"kind": "blood_test", "date": today, "results": results}
    )
    record_create(model=LifeEvent, patient=patient, values={"kind": "fall_with_injury", "start": today})


def test_the_page_lists_everything_in_plain_words_without_codes(patient):
    _seed(patient)
    html = _signed_in(patient).get("/records/").content.decode()
    text = _visible_text(html)
    assert "Vitamin B12: 148 pg/mL (below the lab's range, 180 to 914)" in text
    assert "TSH (thyroid): 2.1 mIU/L (within the lab's range)" in text
    assert "Fall that hurt me" in text and "Blood test," in text
    assert "I stopped it today" in text and "It is over" in text
    assert not INTERNAL_CODES.search(text), INTERNAL_CODES.search(text)
    assert_no_inline_code(html)


def test_today_offers_the_page_in_one_line(patient):
    html = _signed_in(patient).get("/").content.decode()
    assert '<a href="/records/">Anything new? (treatment, test, illness)</a>' in html


def test_adding_a_treatment_twice_from_a_double_tap_saves_it_once(patient):
    client = _signed_in(patient)
    form = client.get("/records/treatments/new/").content.decode()
    client_id = re.search(r'name="client_id" value="([0-9a-f-]+)"', form)[1]
    body = {"client_id": client_id, "name": "Vitamin D", "dose": "", "start": "2026-01-05", "end": "", "note": ""}
    first = client.post("/records/treatments/new/", body)
    second = client.post("/records/treatments/new/", body)
    assert first.status_code == second.status_code == 302
    assert Treatment.objects.filter(patient=patient).count() == 1
    assert "Saved: Vitamin D." in client.get("/records/").content.decode()


def test_a_form_shows_each_mistake_beside_its_field_and_saves_nothing(patient):
    client = _signed_in(patient)
    body = {"client_id": str(uuid.uuid4()), "name": "Vitamin D", "start": "2026-01-05", "end": "2026-01-01"}
    response = client.post("/records/treatments/new/", body)
    assert response.status_code == 200
    assert _errors(response.content.decode()) == ["must not be before the start (2026-01-05)"]
    response = client.post("/records/events/new/", {"client_id": str(uuid.uuid4()), "kind": "", "start": "soon"})
    assert _errors(response.content.decode()) == ["This field is required.", "Enter a valid date."]
    assert not Treatment.objects.exists() and not LifeEvent.objects.exists()


def test_a_blood_test_with_results_is_saved_and_a_wrong_unit_is_explained_in_words(patient):
    client = _signed_in(patient)
    rows = {
        "results-0-marker": "vitamin_b12",
        "results-0-value": "148",
        "results-0-unit": "mmol/L",
        "results-0-reference_low": "180",
        "results-0-reference_high": "914",
    }
    body = {"client_id": str(uuid.uuid4()), "kind": "blood_test", "date": "2026-01-02", **MANAGEMENT, **rows}
    refused = client.post("/records/tests/new/", body)
    assert _errors(refused.content.decode()) == ["Vitamin B12 comes in one of these units: pg/mL, ng/L, pmol/L."]
    saved = client.post("/records/tests/new/", {**body, "results-0-unit": "pg/mL"})
    assert saved.status_code == 302
    [result] = LabResult.objects.filter(investigation__patient=patient)
    assert (result.marker, result.value, result.unit, result.reference_low) == ("vitamin_b12", 148, "pg/mL", 180)
    other = {**body, "client_id": str(uuid.uuid4()), "kind": "mri", "results-0-unit": "pg/mL"}
    refused = client.post("/records/tests/new/", other)
    assert _errors(refused.content.decode()) == [
        "Results can only be kept with a blood test: choose Blood test, or clear the results."
    ]


def test_correcting_a_test_keeps_its_results_and_the_earlier_values(patient):
    _seed(patient)
    test = Investigation.objects.get(patient=patient)
    client = _signed_in(patient)
    html = client.get(f"/records/tests/{test.pk}/").content.decode()
    assert 'name="results-0-value" value="148"' in html and 'name="results-TOTAL_FORMS" value="5"' in html
    rows = {
        "results-0-marker": "vitamin_b12",
        "results-0-value": "158",
        "results-0-unit": "pg/mL",
        "results-1-marker": "tsh",
        "results-1-value": "2.1",
        "results-1-unit": "mIU/L",
    }
    body = {"kind": "blood_test", "date": test.date.isoformat(), "finding": "B12 low", **rows}
    management = {**MANAGEMENT, "results-TOTAL_FORMS": "5", "results-INITIAL_FORMS": "0"}
    assert client.post(f"/records/tests/{test.pk}/", {**body, **management}).status_code == 302
    assert sorted(LabResult.objects.values_list("value", flat=True)) == [2.1, 158]
    assert RecordRevision.objects.get(record_id=test.pk).previous_values["results"][0]["value"] == 148


def test_ending_and_removing_take_one_button_each(patient):
    _seed(patient)
    client = _signed_in(patient)
    treatment, event = Treatment.objects.get(), LifeEvent.objects.get()
    client.post(f"/records/treatments/{treatment.pk}/end/")
    client.post(f"/records/events/{event.pk}/end/")
    today = patient.local_today()
    assert Treatment.objects.get().end == today and LifeEvent.objects.get().end == today
    assert "Marked as over today: Fall that hurt me." in client.get("/records/").content.decode()
    client.post(f"/records/treatments/{treatment.pk}/remove/")
    assert not Treatment.objects.exists()
    assert RecordRevision.objects.filter(change="deleted", record_id=treatment.pk).exists()


def test_an_end_today_before_a_future_start_is_not_possible_and_nothing_breaks(patient):
    treatment, _ = record_create(
        model=Treatment, patient=patient, values={"name": "B12", "start": date(2026, 1, 5), "end": date(2030, 1, 1)}
    )
    Treatment.objects.filter(pk=treatment.pk).update(start=patient.local_today() + timedelta(days=3))
    response = _signed_in(patient).post(f"/records/treatments/{treatment.pk}/end/")
    assert response.status_code == 302


def test_another_persons_records_and_carers_get_nothing(patient, make_patient):
    _seed(patient)
    stranger = _signed_in(make_patient())
    treatment, test, event = Treatment.objects.get(), Investigation.objects.get(), LifeEvent.objects.get()
    for path in (f"/records/treatments/{treatment.pk}/", f"/records/tests/{test.pk}/", f"/records/events/{event.pk}/"):
        assert stranger.get(path).status_code == 404
    assert stranger.post(f"/records/treatments/{treatment.pk}/remove/").status_code == 404
    assert Treatment.objects.exists()
    assert "Vitamin B12" not in stranger.get("/records/").content.decode()
    carer = Client()
    carer.force_login(_user("records-carer"))
    assert carer.get("/records/").status_code == 403


def test_the_page_reads_with_a_fixed_number_of_queries(patient):
    client = _signed_in(patient)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/records/").status_code == 200
        return len(captured)

    _seed(patient)
    one_each = queries()
    for _ in range(4):
        _seed(patient)
    assert queries() == one_each


def test_more_lists_the_page_and_its_tab_stays_current_on_it(patient):
    client = _signed_in(patient)
    assert 'href="/records/"' in client.get("/more/").content.decode()
    html = client.get("/records/treatments/new/").content.decode()
    assert re.search(r'<a href="/more/" aria-current="true">', html)
