"""/api/treatments/, /api/investigations/ and /api/life-events/: the signed-in patient's own, nobody else's."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from api.permissions import HasPatientProfile
from api.serializers.records import (
    InvestigationCreateSerializer,
    InvestigationSerializer,
    InvestigationValuesSerializer,
    LifeEventCreateSerializer,
    LifeEventSerializer,
    LifeEventValuesSerializer,
    RecordRevisionSerializer,
    TreatmentCreateSerializer,
    TreatmentSerializer,
    TreatmentValuesSerializer,
)
from tracker.models import Investigation, LifeEvent, RecordRevision, Treatment
from tracker.selectors.records import investigations_for, life_events_for, record_revisions, treatments_for
from tracker.services.records import record_create, record_delete, record_update


class _RecordKind:
    """How one kind of record is listed, read and written."""

    def __init__(self, model, record_type, listed, output, create_input, values_input, noun):
        self.model = model
        self.record_type = record_type
        self.listed = listed
        self.output = output
        self.create_input = create_input
        self.values_input = values_input
        self.noun = noun

    def owned(self, request, pk: int):
        record = self.listed(patient=request.user.patient).filter(pk=pk).first()
        if record is None:
            raise Http404(f"No {self.noun} with that id.")
        return record


TREATMENTS = _RecordKind(
    Treatment,
    RecordRevision.RecordType.TREATMENT,
    treatments_for,
    TreatmentSerializer,
    TreatmentCreateSerializer,
    TreatmentValuesSerializer,
    "treatment",
)
INVESTIGATIONS = _RecordKind(
    Investigation,
    RecordRevision.RecordType.INVESTIGATION,
    investigations_for,
    InvestigationSerializer,
    InvestigationCreateSerializer,
    InvestigationValuesSerializer,
    "test",
)
LIFE_EVENTS = _RecordKind(
    LifeEvent,
    RecordRevision.RecordType.LIFE_EVENT,
    life_events_for,
    LifeEventSerializer,
    LifeEventCreateSerializer,
    LifeEventValuesSerializer,
    "life event",
)


def _list_view(kind: _RecordKind, description: str):
    class RecordListView(ListAPIView):
        serializer_class = kind.output
        permission_classes = [IsAuthenticated, HasPatientProfile]

        def get_queryset(self):
            if getattr(self, "swagger_fake_view", False):
                return kind.model.objects.none()
            return kind.listed(patient=self.request.user.patient)

        @extend_schema(description=f"The patient's {kind.noun}s, oldest first.")
        def get(self, request, *args, **kwargs):
            return super().get(request, *args, **kwargs)

        @extend_schema(
            request=kind.create_input,
            responses={201: kind.output, 200: kind.output},
            description=description + " A create sent again with the same client_id returns the first (200).",
        )
        def post(self, request):
            serializer = kind.create_input(data=request.data)
            serializer.is_valid(raise_exception=True)
            values = dict(serializer.validated_data)
            record, created = record_create(
                model=kind.model, patient=request.user.patient, values=values, client_id=values.pop("client_id")
            )
            record = kind.owned(request, record.pk)
            return Response(kind.output(record).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)

    RecordListView.__name__ = f"{kind.model.__name__}ListView"
    return RecordListView


def _detail_view(kind: _RecordKind):
    class RecordDetailView(APIView):
        permission_classes = [IsAuthenticated, HasPatientProfile]

        @extend_schema(responses=kind.output)
        def get(self, request, pk):
            return Response(kind.output(kind.owned(request, pk)).data)

        @extend_schema(
            request=kind.values_input,
            responses=kind.output,
            description="Corrects the values sent; the earlier values are kept (see revisions/).",
        )
        def patch(self, request, pk):
            record = kind.owned(request, pk)
            serializer = kind.values_input(data=request.data, partial=True)
            serializer.is_valid(raise_exception=True)
            record_update(record=record, values=serializer.validated_data)
            return Response(kind.output(kind.owned(request, pk)).data)

        @extend_schema(responses={204: None}, description="Removes it; its values are kept as a revision.")
        def delete(self, request, pk):
            record_delete(record=kind.owned(request, pk))
            return Response(status=status.HTTP_204_NO_CONTENT)

    RecordDetailView.__name__ = f"{kind.model.__name__}DetailView"
    return RecordDetailView


def _revision_view(kind: _RecordKind):
    class RecordRevisionListView(APIView):
        permission_classes = [IsAuthenticated, HasPatientProfile]

        @extend_schema(
            responses=RecordRevisionSerializer(many=True),
            description=f"The earlier values of a corrected or removed {kind.noun}, oldest first.",
        )
        def get(self, request, pk):
            revisions = record_revisions(patient=request.user.patient, record_type=kind.record_type, record_id=pk)
            if not revisions.exists():
                kind.owned(request, pk)
            return Response(RecordRevisionSerializer(revisions, many=True).data)

    RecordRevisionListView.__name__ = f"{kind.model.__name__}RevisionListView"
    return RecordRevisionListView


TreatmentListView = _list_view(TREATMENTS, "Records a treatment; `end` empty while it goes on.")
TreatmentDetailView = _detail_view(TREATMENTS)
TreatmentRevisionListView = _revision_view(TREATMENTS)
InvestigationListView = _list_view(
    INVESTIGATIONS, "Records a test; a blood test carries `results`, each unit one the marker accepts."
)
InvestigationDetailView = _detail_view(INVESTIGATIONS)
InvestigationRevisionListView = _revision_view(INVESTIGATIONS)
LifeEventListView = _list_view(LIFE_EVENTS, "Records an illness, injury, operation, stay, fall, trip or other event.")
LifeEventDetailView = _detail_view(LIFE_EVENTS)
LifeEventRevisionListView = _revision_view(LIFE_EVENTS)
