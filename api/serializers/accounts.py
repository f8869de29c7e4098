from django.utils import timezone
from rest_framework import serializers

from api.serializers.fields import bounded_integer, choice_list
from tracker.models import Patient
from tracker.selectors.accounts import email_is_verified
from tracker.vocabulary import MEDICAL_HISTORY


def _profile_fields():
    return {
        "birth_year": bounded_integer(1900, timezone.now().year, required=False, allow_null=True),
        "sex": serializers.ChoiceField(choices=Patient.Sex.choices, required=False),
        "country": serializers.RegexField(
            r"^[A-Za-z]{2}$",
            required=False,
            allow_blank=True,
            error_messages={"invalid": "must be a two-letter ISO country code, e.g. DE, US or GB"},
        ),
        "history": choice_list(MEDICAL_HISTORY, "medical history item", required=False),
    }


class RegisterSerializer(serializers.Serializer):
    username = serializers.RegexField(
        r"^[\w.@+-]{3,150}$",
        error_messages={
            "invalid": "use 3 to 150 letters, digits or . @ + - _",
        },
    )
    email = serializers.EmailField()
    password = serializers.CharField(write_only=True, trim_whitespace=False)
    timezone = serializers.CharField(max_length=64)

    def get_fields(self):
        return {**super().get_fields(), **_profile_fields()}


class ProfileSerializer(serializers.Serializer):
    username = serializers.CharField(source="user.username", read_only=True)
    # Changing the address needs the password: PUT /api/auth/email/.
    email = serializers.EmailField(source="user.email", read_only=True)
    email_verified = serializers.SerializerMethodField()
    timezone = serializers.CharField(max_length=64)
    emergency_number = serializers.CharField(read_only=True)
    emergency_country = serializers.CharField(
        read_only=True, help_text="The country the emergency number is for: `country`, else the time zone's."
    )

    def get_fields(self):
        return {**super().get_fields(), **_profile_fields()}

    def get_email_verified(self, patient) -> bool:
        return email_is_verified(patient.user)


class AccountDeleteSerializer(serializers.Serializer):
    password = serializers.CharField(write_only=True, trim_whitespace=False)
