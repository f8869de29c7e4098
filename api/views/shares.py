from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from api.permissions import HasPatientProfile
from api.serializers.shares import ShareCreatedSerializer, ShareCreateSerializer, ShareSerializer
from tracker.selectors.sharing import shares_for
from tracker.services.sharing import share_create, share_revoke


class ShareListView(APIView):
    permission_classes = [IsAuthenticated, HasPatientProfile]

    @extend_schema(responses=ShareSerializer(many=True), description="The patient's share links with their accesses.")
    def get(self, request):
        return Response(ShareSerializer(shares_for(patient=request.user.patient), many=True).data)

    @extend_schema(
        request=ShareCreateSerializer,
        responses={201: ShareCreatedSerializer},
        description="Creates a private read-only link for a physician. The url is returned only here.",
    )
    def post(self, request):
        serializer = ShareCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        share, token = share_create(patient=request.user.patient, **serializer.validated_data)
        url = request.build_absolute_uri(f"/s/{token}/")
        return Response({"id": share.pk, "url": url, "expires_at": share.expires_at}, status=status.HTTP_201_CREATED)


class ShareDetailView(APIView):
    permission_classes = [IsAuthenticated, HasPatientProfile]

    @extend_schema(responses={204: None}, description="Revokes the link at once.")
    def delete(self, request, share_id: int):
        share = shares_for(patient=request.user.patient).filter(pk=share_id).first()
        if share is None:
            raise Http404("No such share link.")
        share_revoke(share=share)
        return Response(status=status.HTTP_204_NO_CONTENT)
