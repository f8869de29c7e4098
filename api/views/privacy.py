from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from api.permissions import HasPatientProfile
from tracker.selectors.audit import audit_log_for
from tracker.selectors.export import full_export


class AuditEntrySerializer(serializers.Serializer):
    accessed_at = serializers.DateTimeField()
    viewer_kind = serializers.ChoiceField(choices=["caregiver", "share"])
    viewer = serializers.CharField(help_text='The caregiver username, or "share link {id}".')
    what = serializers.CharField()
    client = serializers.CharField()
    network = serializers.CharField()


class AuditLogView(ListAPIView):
    """Every view of the patient's data by a caregiver or through a share link, newest first."""

    serializer_class = AuditEntrySerializer
    permission_classes = [IsAuthenticated, HasPatientProfile]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return []
        return audit_log_for(patient=self.request.user.patient)


class FullExportView(APIView):
    permission_classes = [IsAuthenticated, HasPatientProfile]

    @extend_schema(responses=OpenApiTypes.OBJECT, description="Everything stored about the patient, as JSON.")
    def get(self, request):
        response = Response(full_export(patient=request.user.patient))
        response["Content-Disposition"] = 'attachment; filename="leg-tracker-export.json"'
        return response
