from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from api.permissions import HasPatientProfile
from api.serializers.accounts import ProfileSerializer, RegisterSerializer, TokenSerializer
from tracker.services.patients import register_patient, update_profile


class RegisterView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(request=RegisterSerializer, responses={201: TokenSerializer})
    def post(self, request):
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        patient = register_patient(**serializer.validated_data)
        token = Token.objects.create(user=patient.user)
        return Response({"token": token.key}, status=status.HTTP_201_CREATED)


class TokenView(ObtainAuthToken):
    @extend_schema(responses={200: TokenSerializer})
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)


class ProfileView(APIView):
    permission_classes = [IsAuthenticated, HasPatientProfile]

    @extend_schema(responses=ProfileSerializer)
    def get(self, request):
        return Response(ProfileSerializer(request.user.patient).data)

    @extend_schema(request=ProfileSerializer, responses=ProfileSerializer)
    def put(self, request):
        return self._update(request, partial=False)

    @extend_schema(request=ProfileSerializer, responses=ProfileSerializer)
    def patch(self, request):
        return self._update(request, partial=True)

    def _update(self, request, partial):
        patient = request.user.patient
        serializer = ProfileSerializer(patient, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        email = fields.pop("user", {}).get("email")
        update_profile(patient=patient, email=email, **fields)
        return Response(ProfileSerializer(patient).data)
