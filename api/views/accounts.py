from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from api.errors import too_many_requests_response
from api.permissions import HasPatientProfile
from api.serializers.accounts import AccountDeleteSerializer, ProfileSerializer, RegisterSerializer
from api.serializers.auth import TokenSerializer
from api.views.auth import token_response
from frontend.ratelimit import SIGNUP_PER_ADDRESS, request_address, signup_wait_message, spend_all
from tracker.services.accounts import account_delete, request_email_verification
from tracker.services.patients import register_patient, update_profile


class RegisterView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        request=RegisterSerializer,
        responses={201: TokenSerializer},
        description="429 with Retry-After after SIGNUP_RATE_LIMIT_REQUESTS sign-ups from one address in the window.",
    )
    def post(self, request):
        wait = spend_all((SIGNUP_PER_ADDRESS, request_address(request)))
        if wait:
            return too_many_requests_response(wait, signup_wait_message(wait))
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        patient = register_patient(**serializer.validated_data)
        request_email_verification(user=patient.user)
        return token_response(patient.user, request, status_code=status.HTTP_201_CREATED)


class ProfileView(APIView):
    permission_classes = [IsAuthenticated, HasPatientProfile]

    def get_permissions(self):
        # A caregiver-only account has no profile to read, but may still delete itself.
        if self.request.method == "DELETE":
            return [IsAuthenticated()]
        return super().get_permissions()

    @extend_schema(responses=ProfileSerializer)
    def get(self, request):
        return Response(ProfileSerializer(request.user.patient).data)

    @extend_schema(request=ProfileSerializer, responses=ProfileSerializer)
    def put(self, request):
        return self._update(request, partial=False)

    @extend_schema(request=ProfileSerializer, responses=ProfileSerializer)
    def patch(self, request):
        return self._update(request, partial=True)

    @extend_schema(
        request=AccountDeleteSerializer,
        responses={204: None},
        description="Deletes the account and all its data (logs, alerts, shares, caregivers, subscriptions).",
    )
    def delete(self, request):
        serializer = AccountDeleteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        account_delete(user=request.user, password=serializer.validated_data["password"])
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _update(self, request, partial):
        patient = request.user.patient
        serializer = ProfileSerializer(patient, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        update_profile(patient=patient, **serializer.validated_data)
        return Response(ProfileSerializer(patient).data)
