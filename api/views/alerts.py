from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.generics import ListAPIView, get_object_or_404
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from api.permissions import HasPatientProfile
from api.serializers.alerts import AlertFilterSerializer, AlertSerializer
from tracker.models import Alert
from tracker.selectors.alerts import alerts_for
from tracker.services.alerting import acknowledge_alert, resolve_alert


class AlertListView(ListAPIView):
    serializer_class = AlertSerializer
    permission_classes = [IsAuthenticated, HasPatientProfile]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Alert.objects.none()
        query = AlertFilterSerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return alerts_for(patient=self.request.user.patient, status=query.validated_data.get("status"))

    @extend_schema(parameters=[OpenApiParameter("status", OpenApiTypes.STR, enum=["open", "acknowledged", "resolved"])])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class AlertDetailView(APIView):
    permission_classes = [IsAuthenticated, HasPatientProfile]

    @extend_schema(responses=AlertSerializer)
    def get(self, request, pk: int):
        return Response(AlertSerializer(get_object_or_404(alerts_for(patient=request.user.patient), pk=pk)).data)


class AlertAcknowledgeView(APIView):
    permission_classes = [IsAuthenticated, HasPatientProfile]

    @extend_schema(request=None, responses=AlertSerializer)
    def post(self, request, pk: int):
        alert = get_object_or_404(alerts_for(patient=request.user.patient), pk=pk)
        return Response(AlertSerializer(acknowledge_alert(alert=alert)).data)


class AlertResolveView(APIView):
    permission_classes = [IsAuthenticated, HasPatientProfile]

    @extend_schema(request=None, responses=AlertSerializer, description="Close an alert that has been dealt with.")
    def post(self, request, pk: int):
        alert = get_object_or_404(alerts_for(patient=request.user.patient), pk=pk)
        return Response(AlertSerializer(resolve_alert(alert=alert)).data)
