from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.views import APIView

from api.permissions import HasPatientProfile
from tracker.exports import csv_export, fhir
from tracker.exports.downloads import csv_download, fhir_download
from tracker.selectors.logs import export_rows


class LogsCsvView(APIView):
    permission_classes = [IsAuthenticated, HasPatientProfile]

    @extend_schema(responses={(200, "text/csv"): OpenApiTypes.STR}, description="All logs, one row a day.")
    def get(self, request):
        return csv_download(export_rows(patient=request.user.patient, columns=csv_export.LOG_COLUMNS))


class LogsFhirView(APIView):
    permission_classes = [IsAuthenticated, HasPatientProfile]

    @extend_schema(
        responses={(200, "application/fhir+json"): OpenApiTypes.OBJECT},
        description="All logs as a FHIR R4 Bundle of Observations.",
    )
    def get(self, request):
        patient = request.user.patient
        return fhir_download(patient, export_rows(patient=patient, columns=fhir.LOG_COLUMNS))
