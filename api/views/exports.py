from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.views import APIView

from api.permissions import HasPatientProfile
from tracker.exports import csv_export, fhir
from tracker.exports.downloads import csv_download, fhir_download, records_csv_download
from tracker.selectors.logs import export_rows
from tracker.selectors.records import records_for


class LogsCsvView(APIView):
    permission_classes = [IsAuthenticated, HasPatientProfile]

    @extend_schema(responses={(200, "text/csv"): OpenApiTypes.STR}, description="All logs, one row a day.")
    def get(self, request):
        return csv_download(export_rows(patient=request.user.patient, columns=csv_export.LOG_COLUMNS))


class LogsFhirView(APIView):
    permission_classes = [IsAuthenticated, HasPatientProfile]

    @extend_schema(
        responses={(200, "application/fhir+json"): OpenApiTypes.OBJECT},
        description="All logs as a FHIR R4 Bundle of Observations, with the treatments (MedicationStatement), "
        "tests (Procedure, blood results as LOINC-coded Observations) and life events.",
    )
    def get(self, request):
        patient = request.user.patient
        return fhir_download(
            patient, export_rows(patient=patient, columns=fhir.LOG_COLUMNS), records_for(patient=patient)
        )


class RecordsCsvView(APIView):
    permission_classes = [IsAuthenticated, HasPatientProfile]

    @extend_schema(
        responses={(200, "text/csv"): OpenApiTypes.STR},
        description="Treatments, tests with their blood results, and life events, in date order.",
    )
    def get(self, request):
        return records_csv_download(records_for(patient=request.user.patient))
