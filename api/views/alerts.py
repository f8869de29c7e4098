from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.generics import GenericAPIView, get_object_or_404
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from api.permissions import HasPatientProfile
from api.serializers.alerts import AlertFilterSerializer, AlertSerializer
from tracker.selectors.alerts import alerts_for
from tracker.services.alerting import acknowledge_alert


class AlertListView(GenericAPIView):
    serializer_class = AlertSerializer
    permission_classes = [IsAuthenticated, HasPatientProfile]

    @extend_schema(parameters=[OpenApiParameter("status", OpenApiTypes.STR, enum=["open", "acknowledged", "resolved"])])
    def get(self, request):
        query = AlertFilterSerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        alerts = alerts_for(patient=request.user.patient, status=query.validated_data.get("status"))
        page = self.paginate_queryset(alerts)
        return self.get_paginated_response(AlertSerializer(page, many=True).data)


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
