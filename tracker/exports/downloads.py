"""The HTTP downloads of the exports, the same for the patient's API and the physician's share link."""

from django.http import HttpResponse, JsonResponse

from tracker.exports import csv_export, fhir, records_csv
from tracker.models import Patient
from tracker.selectors.records import PatientRecords


def csv_download(rows) -> HttpResponse:
    response = HttpResponse(csv_export.logs_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="leg-strength-logs.csv"'
    return response


def records_csv_download(records: PatientRecords) -> HttpResponse:
    response = HttpResponse(records_csv.records_csv(records), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="leg-strength-treatments-tests-events.csv"'
    return response


def fhir_download(patient: Patient, rows, records: PatientRecords) -> JsonResponse:
    bundle = fhir.logs_bundle(
        patient_key=str(patient.pk),
        birth_year=patient.birth_year,
        sex=patient.sex,
        rows=rows,
        records=records,
        today=patient.local_today(),
    )
    response = JsonResponse(bundle, content_type="application/fhir+json")
    response["Content-Disposition"] = 'attachment; filename="leg-strength-logs.fhir.json"'
    return response
