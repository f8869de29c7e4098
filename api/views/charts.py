from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from api.permissions import HasPatientProfile
from api.views.caregivers import audited_patient
from tracker.charts import FIGURES, build_figure
from tracker.charts.sentences import chart_sentence
from tracker.selectors.series import CHART_RANGES, chart_data

DEFAULT_RANGE = "90"


class ChartRangeSerializer(serializers.Serializer):
    range = serializers.ChoiceField(
        choices=list(CHART_RANGES),
        required=False,
        default=DEFAULT_RANGE,
        error_messages={"invalid_choice": f"must be one of {', '.join(CHART_RANGES)}"},
    )


class ChartListView(APIView):
    @extend_schema(
        operation_id="charts_list",
        responses=OpenApiTypes.OBJECT,
        description="The charts there are and the ranges each takes.",
    )
    def get(self, request):
        charts = [
            {"name": name, "title": title, "url": request.build_absolute_uri(f"/api/charts/{name}/")}
            for name, (title, _) in FIGURES.items()
        ]
        return Response({"charts": charts, "ranges": list(CHART_RANGES)})


def _chart_response(request, patient, name: str) -> Response:
    if name not in FIGURES:
        raise Http404("No such chart.")
    query = ChartRangeSerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    chosen = query.validated_data["range"]
    data = chart_data(patient=patient, end=patient.local_today(), days=CHART_RANGES[chosen])
    return Response(
        {"name": name, "range": chosen, "says": chart_sentence(name, data), "figure": build_figure(name, data)}
    )


_CHART_SCHEMA = extend_schema(
    parameters=[OpenApiParameter("range", OpenApiTypes.STR, enum=list(CHART_RANGES), description="days, or all")],
    responses=OpenApiTypes.OBJECT,
    description="A Plotly figure (data and layout) for plotly.js to draw, and `says`: one plain sentence on what "
    "it shows now, to put above it.",
)


class ChartDetailView(APIView):
    permission_classes = [IsAuthenticated, HasPatientProfile]

    @_CHART_SCHEMA
    def get(self, request, name: str):
        return _chart_response(request, request.user.patient, name)


class PatientChartView(APIView):
    """A chart of a patient the signed-in caregiver follows (read-only)."""

    @_CHART_SCHEMA
    def get(self, request, patient_id: int, name: str):
        if name not in FIGURES:
            raise Http404("No such chart.")
        return _chart_response(request, audited_patient(request, patient_id, f"chart {name}"), name)
