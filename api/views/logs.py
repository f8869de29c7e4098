from datetime import date

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from api.errors import error_response
from api.permissions import HasPatientProfile
from api.serializers.logs import (
    LogCreateSerializer,
    LogRevisionSerializer,
    LogSerializer,
    LogValuesSerializer,
    SavedLogSerializer,
)
from tracker.models import DailyLog
from tracker.selectors.logs import log_revisions, logs_for
from tracker.services.alerting import triage_for_log
from tracker.services.logs import log_delete, log_update, log_upsert

LOG_RANGE_PARAMETERS = [
    OpenApiParameter("from", OpenApiTypes.DATE, description="first local date, inclusive"),
    OpenApiParameter("to", OpenApiTypes.DATE, description="last local date, inclusive"),
]


class LogRangeSerializer(serializers.Serializer):
    date_error = {"invalid": "must be a date as YYYY-MM-DD"}
    from_ = serializers.DateField(required=False, error_messages=date_error)
    to = serializers.DateField(required=False, error_messages=date_error)

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = fields.pop("from_")
        return fields

    def validate(self, attrs):
        if attrs.get("from") and attrs.get("to") and attrs["from"] > attrs["to"]:
            raise serializers.ValidationError({"to": "must not be before from"})
        return attrs


def _saved(log: DailyLog, status_code: int) -> Response:
    log.triage = triage_for_log(log=log)
    return Response(SavedLogSerializer(log).data, status=status_code)


class LogListView(ListAPIView):
    serializer_class = LogSerializer
    permission_classes = [IsAuthenticated, HasPatientProfile]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return DailyLog.objects.none()
        query = LogRangeSerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return logs_for(
            patient=self.request.user.patient,
            since=query.validated_data.get("from"),
            until=query.validated_data.get("to"),
        )

    @extend_schema(parameters=LOG_RANGE_PARAMETERS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=LogCreateSerializer,
        responses={201: SavedLogSerializer, 200: SavedLogSerializer},
        description="Creates the log for its date (201), or updates the existing log for that date or "
        "client_id (200). Carries a `triage` object when the log shows a red flag. Refused with 409 when `account` "
        "names another account than the one signed in.",
    )
    def post(self, request):
        serializer = LogCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = dict(serializer.validated_data)
        if values.pop("account", request.user.pk) != request.user.pk:
            # A phone shared by two people: an entry saved offline by one is never uploaded into the other's diary.
            return error_response(
                "account", "this entry was made under another account", status_code=status.HTTP_409_CONFLICT
            )
        log, created = log_upsert(
            patient=request.user.patient, date=values.pop("date"), client_id=values.pop("client_id"), values=values
        )
        return _saved(log, status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class LogDetailView(APIView):
    permission_classes = [IsAuthenticated, HasPatientProfile]

    def get_log(self, request, day: str) -> DailyLog:
        try:
            parsed = date.fromisoformat(day)
        except ValueError:
            raise Http404 from None
        return (
            DailyLog.objects.select_related("patient").filter(patient=request.user.patient, date=parsed).first()
            or _not_found()
        )

    @extend_schema(responses=LogSerializer)
    def get(self, request, day):
        return Response(LogSerializer(self.get_log(request, day)).data)

    @extend_schema(request=LogValuesSerializer, responses=SavedLogSerializer)
    def put(self, request, day):
        return self._update(request, day, partial=False)

    @extend_schema(request=LogValuesSerializer, responses=SavedLogSerializer)
    def patch(self, request, day):
        return self._update(request, day, partial=True)

    @extend_schema(responses={204: None})
    def delete(self, request, day):
        log_delete(log=self.get_log(request, day))
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _update(self, request, day, partial):
        log = self.get_log(request, day)
        serializer = LogValuesSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return _saved(log_update(log=log, values=serializer.validated_data), status.HTTP_200_OK)


class LogRevisionListView(APIView):
    permission_classes = [IsAuthenticated, HasPatientProfile]

    @extend_schema(
        responses=LogRevisionSerializer(many=True), description="Earlier values of a corrected or deleted log."
    )
    def get(self, request, day):
        try:
            parsed = date.fromisoformat(day)
        except ValueError:
            raise Http404 from None
        return Response(LogRevisionSerializer(log_revisions(patient=request.user.patient, day=parsed), many=True).data)


def _not_found():
    raise Http404("No log for that date.")
