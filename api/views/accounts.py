from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from api.errors import too_many_requests_response
from api.permissions import HasPatientProfile
from api.serializers.accounts import AccountDeleteSerializer, ProfileSerializer, RegisterSerializer, TokenSerializer
from frontend.ratelimit import SIGNUP_PER_ADDRESS, client_address, request_address, signup_wait_message, spend_all
from tracker.services.accounts import account_delete
from tracker.services.login_throttle import login_wait
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
        token = Token.objects.create(user=patient.user)
        return Response({"token": token.key}, status=status.HTTP_201_CREATED)


class TokenView(ObtainAuthToken):
    # ObtainAuthToken names DRF's own parsers; ours answer an unreadable body with a 400 (api/parsers.py).
    parser_classes = api_settings.DEFAULT_PARSER_CLASSES

    @extend_schema(
        responses={200: TokenSerializer},
        description="429 with Retry-After while this username must wait from this address.",
    )
    def post(self, request, *args, **kwargs):
        username = request.data.get("username") if isinstance(request.data, dict) else None
        if isinstance(username, str):
            wait = login_wait(username=username, remote_addr=client_address(request))
            if wait:
                return too_many_requests_response(wait.seconds, wait.message())
        return super().post(request, *args, **kwargs)


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
        fields = dict(serializer.validated_data)
        email = fields.pop("user", {}).get("email")
        update_profile(patient=patient, email=email, **fields)
        return Response(ProfileSerializer(patient).data)
