from rest_framework import serializers

from api.serializers.fields import bounded_integer
from tracker.models import Notification, PushSubscription, Snooze
from tracker.notify.endpoints import endpoint_refusal


class PushKeysSerializer(serializers.Serializer):
    p256dh = serializers.CharField(max_length=200)
    auth = serializers.CharField(max_length=100)


class PushSubscriptionInSerializer(serializers.Serializer):
    """The browser's PushSubscription.toJSON(); expirationTime is ignored."""

    endpoint = serializers.URLField(max_length=2000)
    keys = PushKeysSerializer()

    def validate_endpoint(self, value):
        refusal = endpoint_refusal(value)
        if refusal:
            raise serializers.ValidationError(refusal)
        return value


class PushSubscriptionSerializer(serializers.ModelSerializer):
    class Meta:
        model = PushSubscription
        fields = ["id", "endpoint", "created_at"]
        read_only_fields = fields


class VapidPublicKeySerializer(serializers.Serializer):
    public_key = serializers.CharField(read_only=True)


class NotificationSerializer(serializers.ModelSerializer):
    alert_id = serializers.IntegerField(read_only=True, allow_null=True)
    url = serializers.CharField(source="payload.url", read_only=True)
    severity = serializers.CharField(source="payload.severity", read_only=True)

    class Meta:
        model = Notification
        fields = ["id", "kind", "title", "body", "severity", "alert_id", "url", "created_at", "read_at"]
        read_only_fields = fields


class SnoozeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Snooze
        fields = ["code", "until"]
        read_only_fields = fields


_TIME = {"input_formats": ["%H:%M"], "format": "%H:%M", "allow_null": True, "required": False}
_TIME_ERRORS = {"invalid": "must be a time as HH:MM, or null"}


class NotificationPreferencesSerializer(serializers.Serializer):
    push_enabled = serializers.BooleanField(required=False)
    email_enabled = serializers.BooleanField(required=False)
    quiet_hours_start = serializers.TimeField(**_TIME, error_messages=_TIME_ERRORS)
    quiet_hours_end = serializers.TimeField(**_TIME, error_messages=_TIME_ERRORS)
    reminder_time = serializers.TimeField(**_TIME, error_messages=_TIME_ERRORS)
    snoozes = SnoozeSerializer(many=True, read_only=True)

    def validate(self, attrs):
        start = attrs.get("quiet_hours_start", getattr(self.instance, "quiet_hours_start", None))
        end = attrs.get("quiet_hours_end", getattr(self.instance, "quiet_hours_end", None))
        if (start is None) != (end is None):
            raise serializers.ValidationError(
                {"quiet_hours_end": "quiet hours need both a start and an end, or neither"}
            )
        return attrs


class SnoozeRequestSerializer(serializers.Serializer):
    code = serializers.RegexField(r"^[a-z_]{1,40}$", error_messages={"invalid": "must be an alert code, e.g. fall"})
    days = bounded_integer(1, 90)
