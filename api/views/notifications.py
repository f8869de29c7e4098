from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView, get_object_or_404
from rest_framework.response import Response
from rest_framework.views import APIView

from api.serializers.notifications import (
    NotificationPreferencesSerializer,
    NotificationSerializer,
    PushSubscriptionInSerializer,
    PushSubscriptionSerializer,
    SnoozeRequestSerializer,
    SnoozeSerializer,
    VapidPublicKeySerializer,
)
from tracker.models import Notification
from tracker.selectors.notifications import active_snoozes, inbox_for, push_subscriptions_for
from tracker.services import preferences


class PushSubscriptionListView(APIView):
    @extend_schema(
        request=PushSubscriptionInSerializer,
        responses={201: PushSubscriptionSerializer, 200: PushSubscriptionSerializer},
        description=(
            "Stores the browser's PushSubscription JSON: 201 when new to this account, 200 when this account already"
            " had the endpoint. Only endpoints on the browsers' push services are accepted (PUSH_SERVICE_HOSTS); an"
            " account keeps at most PUSH_SUBSCRIPTIONS_PER_ACCOUNT, the oldest going first."
        ),
    )
    def post(self, request):
        serializer = PushSubscriptionInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        subscription, created = preferences.subscribe_push(
            user=request.user, endpoint=data["endpoint"], p256dh=data["keys"]["p256dh"], auth=data["keys"]["auth"]
        )
        return Response(
            PushSubscriptionSerializer(subscription).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class PushSubscriptionDetailView(APIView):
    @extend_schema(responses={204: None})
    def delete(self, request, pk: int):
        preferences.unsubscribe_push(subscription=get_object_or_404(push_subscriptions_for(user=request.user), pk=pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class VapidPublicKeyView(APIView):
    @extend_schema(responses=VapidPublicKeySerializer)
    def get(self, request):
        return Response({"public_key": settings.VAPID_PUBLIC_KEY})


class NotificationListView(ListAPIView):
    serializer_class = NotificationSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Notification.objects.none()
        return inbox_for(user=self.request.user)


class NotificationReadView(APIView):
    @extend_schema(request=None, responses=NotificationSerializer)
    def post(self, request, pk: int):
        notification = get_object_or_404(inbox_for(user=request.user), pk=pk)
        return Response(NotificationSerializer(preferences.mark_read(notification=notification)).data)


def _preferences_body(user) -> dict:
    prefs = preferences.preferences_for(user=user)
    prefs.snoozes = active_snoozes(user=user)
    return NotificationPreferencesSerializer(prefs).data


class NotificationPreferencesView(APIView):
    @extend_schema(responses=NotificationPreferencesSerializer)
    def get(self, request):
        return Response(_preferences_body(request.user))

    @extend_schema(request=NotificationPreferencesSerializer, responses=NotificationPreferencesSerializer)
    def put(self, request):
        return self._update(request, partial=False)

    @extend_schema(request=NotificationPreferencesSerializer, responses=NotificationPreferencesSerializer)
    def patch(self, request):
        return self._update(request, partial=True)

    def _update(self, request, partial):
        serializer = NotificationPreferencesSerializer(
            preferences.preferences_for(user=request.user), data=request.data, partial=partial
        )
        serializer.is_valid(raise_exception=True)
        preferences.update_preferences(user=request.user, **serializer.validated_data)
        return Response(_preferences_body(request.user))


class SnoozeView(APIView):
    @extend_schema(request=SnoozeRequestSerializer, responses={201: SnoozeSerializer})
    def post(self, request):
        serializer = SnoozeRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        snooze = preferences.snooze(user=request.user, **serializer.validated_data)
        return Response(SnoozeSerializer(snooze).data, status=status.HTTP_201_CREATED)
