from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView, get_object_or_404
from rest_framework.response import Response
from rest_framework.views import APIView

from api.errors import too_many_requests_response
from api.permissions import HasPatientProfile
from api.serializers.alerts import AlertFilterSerializer, AlertSerializer
from api.serializers.caregivers import (
    AcceptSerializer,
    CaregiverChoicesSerializer,
    CaregiverLinkSerializer,
    FollowedPatientSerializer,
    InviteSerializer,
)
from api.serializers.logs import LogSerializer
from api.views.logs import LOG_RANGE_PARAMETERS, LogRangeSerializer
from frontend.access import audited_patient
from frontend.ratelimit import (
    INVITATION_PER_ACCOUNT,
    INVITATION_PER_ADDRESS,
    invitation_wait_message,
    request_address,
    spend_all,
)
from tracker.models import Alert, DailyLog
from tracker.selectors.access import caregiver_links_for, followed_patients, notes_visible_to
from tracker.selectors.alerts import alerts_for
from tracker.selectors.logs import logs_for
from tracker.services import caregivers


class CaregiverListView(APIView):
    permission_classes = [HasPatientProfile]

    @extend_schema(responses=CaregiverLinkSerializer(many=True), description="Who has access, and pending invites.")
    def get(self, request):
        return Response(CaregiverLinkSerializer(caregiver_links_for(patient=request.user.patient), many=True).data)

    @extend_schema(
        request=InviteSerializer,
        responses={201: CaregiverLinkSerializer},
        description="429 with Retry-After past the invitations allowed per account or per address in a day.",
    )
    def post(self, request):
        wait = spend_all(
            (INVITATION_PER_ACCOUNT, str(request.user.pk)), (INVITATION_PER_ADDRESS, request_address(request))
        )
        if wait:
            return too_many_requests_response(wait, invitation_wait_message(wait))
        serializer = InviteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        link = caregivers.invite_caregiver(patient=request.user.patient, email=serializer.validated_data["email"])
        return Response(CaregiverLinkSerializer(link).data, status=status.HTTP_201_CREATED)


class CaregiverDetailView(APIView):
    permission_classes = [HasPatientProfile]

    @extend_schema(
        request=CaregiverChoicesSerializer,
        responses=CaregiverLinkSerializer,
        description="What the patient lets this caregiver see: the notes of the logs on or off.",
    )
    def patch(self, request, pk: int):
        link = get_object_or_404(caregiver_links_for(patient=request.user.patient), pk=pk)
        serializer = CaregiverChoicesSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        link = caregivers.caregiver_choices_set(link=link, sees_notes=serializer.validated_data["sees_notes"])
        return Response(CaregiverLinkSerializer(link).data)

    @extend_schema(responses={204: None})
    def delete(self, request, pk: int):
        caregivers.remove_caregiver(link=get_object_or_404(caregiver_links_for(patient=request.user.patient), pk=pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class CaregiverAcceptView(APIView):
    @extend_schema(request=AcceptSerializer, responses=CaregiverLinkSerializer)
    def post(self, request):
        serializer = AcceptSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        link = caregivers.accept_invitation(user=request.user, token=serializer.validated_data["token"])
        return Response(CaregiverLinkSerializer(link).data)


class FollowedPatientListView(APIView):
    @extend_schema(responses=FollowedPatientSerializer(many=True))
    def get(self, request):
        return Response(FollowedPatientSerializer(followed_patients(request.user), many=True).data)


class PatientAlertListView(ListAPIView):
    serializer_class = AlertSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Alert.objects.none()
        patient = audited_patient(self.request, self.kwargs["patient_id"], "alerts")
        query = AlertFilterSerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return alerts_for(patient=patient, status=query.validated_data.get("status"))

    @extend_schema(parameters=[OpenApiParameter("status", OpenApiTypes.STR, enum=["open", "acknowledged", "resolved"])])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class PatientLogListView(ListAPIView):
    """A patient's logs for themself or a caregiver; the notes only for a caregiver the patient lets read them."""

    serializer_class = LogSerializer

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "hide_notes": not getattr(self, "_notes_visible", False)}

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return DailyLog.objects.none()
        patient = audited_patient(self.request, self.kwargs["patient_id"], "logs")
        self._notes_visible = notes_visible_to(self.request.user, patient)
        query = LogRangeSerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return logs_for(patient=patient, since=query.validated_data.get("from"), until=query.validated_data.get("to"))

    @extend_schema(parameters=LOG_RANGE_PARAMETERS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
