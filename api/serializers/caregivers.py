from rest_framework import serializers

from tracker.models import CaregiverLink, Patient


class CaregiverLinkSerializer(serializers.ModelSerializer):
    username = serializers.CharField(source="caregiver.username", read_only=True, allow_null=True, default=None)

    class Meta:
        model = CaregiverLink
        fields = ["id", "email", "status", "username", "created_at", "accepted_at"]
        read_only_fields = fields


class InviteSerializer(serializers.Serializer):
    email = serializers.EmailField()


class AcceptSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=200)


class FollowedPatientSerializer(serializers.ModelSerializer):
    username = serializers.CharField(source="user.username", read_only=True)

    class Meta:
        model = Patient
        fields = ["id", "username", "timezone"]
        read_only_fields = fields
