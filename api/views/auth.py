"""Signing in and out of the API, the devices an account is signed in on, and recovering or changing it."""

from django.contrib.auth import authenticate, logout, update_session_auth_hash
from drf_spectacular.utils import extend_schema
from knox.models import AuthToken
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from api.errors import error_response, too_many_requests_response
from api.serializers.auth import (
    DeviceSerializer,
    EmailChangeSerializer,
    EmailStateSerializer,
    EmailVerifySerializer,
    PasswordChangeSerializer,
    PasswordResetConfirmSerializer,
    PasswordResetSerializer,
    SignInSerializer,
    TokenSerializer,
)
from frontend.ratelimit import (
    PASSWORD_RESET_PER_ADDRESS,
    PASSWORD_RESET_PER_EMAIL,
    VERIFICATION_PER_ACCOUNT,
    client_address,
    request_address,
    spend_all,
    wait_message,
)
from tracker.selectors.accounts import email_is_verified
from tracker.selectors.devices import devices_of
from tracker.services import accounts
from tracker.services.devices import describe_user_agent, device_sign_out, issue_api_token
from tracker.services.email_verification import verify_email
from tracker.services.login_throttle import login_wait


def token_response(user, request, device: str = "", status_code=status.HTTP_200_OK) -> Response:
    token, raw = issue_api_token(user=user, device=device or describe_user_agent(request.META.get("HTTP_USER_AGENT")))
    return Response({"token": raw, "expiry": token.expiry}, status=status_code)


def _kept_sign_in(request) -> dict:
    """The sign-in making this request, which a password or email change keeps."""
    if isinstance(request.auth, AuthToken):
        return {"keep_token": request.auth}
    return {"keep_session_key": request.session.session_key}


class TokenView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        request=SignInSerializer,
        responses={200: TokenSerializer},
        description="A new token for this device, expiring after API_TOKEN_TTL_DAYS unused. "
        "429 with Retry-After while this username must wait from this address.",
    )
    def post(self, request):
        serializer = SignInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        wait = login_wait(username=data["username"], remote_addr=client_address(request))
        if wait:
            return too_many_requests_response(wait.seconds, wait.message())
        user = authenticate(request, username=data["username"], password=data["password"])
        if user is None:
            return error_response(None, "The user name or the password is wrong.")
        return token_response(user, request, data.get("device", ""))


class LogoutView(APIView):
    @extend_schema(request=None, responses={204: None}, description="Revokes the token (or ends the session) used.")
    def post(self, request):
        if isinstance(request.auth, AuthToken):
            request.auth.delete()
        else:
            logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class DeviceListView(APIView):
    @extend_schema(responses=DeviceSerializer(many=True), description="Browsers and apps signed in to this account.")
    def get(self, request):
        current_token = request.auth if isinstance(request.auth, AuthToken) else None
        devices = devices_of(request.user, current_session_key=request.session.session_key, current_token=current_token)
        return Response(DeviceSerializer(devices, many=True).data)


class DeviceDetailView(APIView):
    @extend_schema(responses={204: None}, description="Signs that browser or app out at once.")
    def delete(self, request, device_id):
        if not device_sign_out(user=request.user, public_id=device_id):
            return error_response(None, "No device of yours has this id.", status.HTTP_404_NOT_FOUND)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PasswordChangeView(APIView):
    @extend_schema(
        request=PasswordChangeSerializer,
        responses={204: None},
        description="Needs the current password; signs out every other browser and app.",
    )
    def post(self, request):
        serializer = PasswordChangeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        accounts.password_change(
            user=request.user,
            current_password=serializer.validated_data["current_password"],
            new_password=serializer.validated_data["new_password"],
            **_kept_sign_in(request),
        )
        if not isinstance(request.auth, AuthToken):
            update_session_auth_hash(request._request, request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class EmailView(APIView):
    @extend_schema(responses=EmailStateSerializer)
    def get(self, request):
        return Response({"email": request.user.email, "verified": email_is_verified(request.user)})

    @extend_schema(
        request=EmailChangeSerializer,
        responses=EmailStateSerializer,
        description="Needs the current password; the new address gets a link to prove it, and every other "
        "browser and app is signed out.",
    )
    def put(self, request):
        serializer = EmailChangeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        accounts.email_change(
            user=request.user,
            email=serializer.validated_data["email"],
            password=serializer.validated_data["password"],
            **_kept_sign_in(request),
        )
        return Response({"email": request.user.email, "verified": email_is_verified(request.user)})


class EmailVerificationView(APIView):
    @extend_schema(
        request=None,
        responses={202: None},
        description="Emails a new link to prove the account's address; 429 past VERIFICATION_RATE_LIMIT a day.",
    )
    def post(self, request):
        wait = spend_all((VERIFICATION_PER_ACCOUNT, str(request.user.pk)))
        if wait:
            return too_many_requests_response(wait, wait_message(wait))
        accounts.request_email_verification(user=request.user)
        return Response(status=status.HTTP_202_ACCEPTED)


class EmailVerifyView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(request=EmailVerifySerializer, responses=EmailStateSerializer)
    def post(self, request):
        serializer = EmailVerifySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = verify_email(serializer.validated_data["token"])
        return Response({"email": user.email, "verified": True})


class PasswordResetView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        request=PasswordResetSerializer,
        responses={202: None},
        description="Emails a one-time link to every account with this address; the same answer whether there "
        "is one or not. 429 past the resets allowed per address and per email address in an hour.",
    )
    def post(self, request):
        serializer = PasswordResetSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        email = serializer.validated_data["email"]
        wait = spend_all(
            (PASSWORD_RESET_PER_ADDRESS, request_address(request)), (PASSWORD_RESET_PER_EMAIL, email.lower())
        )
        if wait:
            return too_many_requests_response(wait, wait_message(wait))
        accounts.request_password_reset(email=email)
        return Response(status=status.HTTP_202_ACCEPTED)


class PasswordResetConfirmView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        request=PasswordResetConfirmSerializer,
        responses={204: None},
        description="The uid and token of the emailed link and a new password; every browser and app is signed out.",
    )
    def post(self, request):
        serializer = PasswordResetConfirmSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        accounts.password_reset(**serializer.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)
