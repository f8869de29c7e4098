from rest_framework import serializers

from api.serializers.fields import bounded_integer, choice_list
from tracker.models import ShareAccess, ShareLink
from tracker.models.sharing import DEFAULT_SHARE_SECTIONS, PATIENT_LABEL_MAX_LENGTH, SHARE_SECTIONS
from tracker.services.sharing import DEFAULT_SHARE_DAYS, MAX_SHARE_DAYS

_DATE_ERRORS = {"invalid": "must be a date as YYYY-MM-DD"}


class ShareCreateSerializer(serializers.Serializer):
    expires_in_days = bounded_integer(1, MAX_SHARE_DAYS, required=False, default=DEFAULT_SHARE_DAYS)
    period_start = serializers.DateField(required=False, allow_null=True, default=None, error_messages=_DATE_ERRORS)
    period_end = serializers.DateField(required=False, allow_null=True, default=None, error_messages=_DATE_ERRORS)
    sections = choice_list(
        SHARE_SECTIONS,
        "section",
        required=False,
        default=lambda: list(DEFAULT_SHARE_SECTIONS),
        help_text="What the link shows besides the summary. Notes and exports (CSV, FHIR) only when listed.",
    )
    patient_label = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=PATIENT_LABEL_MAX_LENGTH,
        help_text="How the summary names the patient: their name or initials, as they choose.",
    )

    def validate(self, attrs):
        if attrs["period_start"] and attrs["period_end"] and attrs["period_start"] > attrs["period_end"]:
            raise serializers.ValidationError({"period_end": "must not be before period_start"})
        return attrs


class ShareCreatedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.URLField(help_text="The link to give the physician; shown only this once.")
    expires_at = serializers.DateTimeField()


class ShareAccessSerializer(serializers.ModelSerializer):
    class Meta:
        model = ShareAccess
        fields = ["accessed_at", "kind", "client", "network"]


class ShareSerializer(serializers.ModelSerializer):
    active = serializers.SerializerMethodField()
    accesses = ShareAccessSerializer(many=True, read_only=True)

    class Meta:
        model = ShareLink
        fields = [
            "id",
            "created_at",
            "expires_at",
            "revoked_at",
            "active",
            "period_start",
            "period_end",
            "sections",
            "patient_label",
            "accesses",
        ]

    def get_active(self, share: ShareLink) -> bool:
        return share.is_active()
