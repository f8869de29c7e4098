from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from tracker.models import CaregiverLink, Patient


class CaregiverLinkSerializer(serializers.ModelSerializer):
    username = serializers.CharField(source="caregiver.username", read_only=True, allow_null=True, default=None)

    class Meta:
        model = CaregiverLink
        fields = ["id", "email", "status", "username", "sees_notes", "created_at", "accepted_at"]
        read_only_fields = fields


class CaregiverChoicesSerializer(serializers.Serializer):
    sees_notes = serializers.BooleanField(help_text="Whether this caregiver may read the notes of the logs.")


class InviteSerializer(serializers.Serializer):
    email = serializers.EmailField(
        error_messages={
            "invalid": _("Enter an email address like name@example.org."),
            "required": _("Enter the email address of the person to invite."),
            "blank": _("Enter the email address of the person to invite."),
        }
    )


class AcceptSerializer(serializers.Serializer):
    token = serializers.CharField(
        max_length=200,
        error_messages={
            "required": _("Enter the code from the invitation email."),
            "blank": _("Enter the code from the invitation email."),
            "max_length": _("This is longer than an invitation code. Copy only the code from the email."),
        },
    )


class FollowedPatientSerializer(serializers.ModelSerializer):
    username = serializers.CharField(source="user.username", read_only=True)

    class Meta:
        model = Patient
        fields = ["id", "username", "timezone"]
        read_only_fields = fields
