import uuid

from rest_framework import serializers

from api.serializers.fields import bounded_integer, choice_list
from tracker.models import DailyLog, DailyLogRevision
from tracker.symptoms import SYMPTOMS
from tracker.vocabulary import LOG_VALUE_FIELDS, MAX_CHAIR_STANDS, MAX_STEPS, NUMBNESS_MAX, RATING_MAX


class LogValuesSerializer(serializers.Serializer):
    strength_left = bounded_integer(0, RATING_MAX)
    strength_right = bounded_integer(0, RATING_MAX)
    fatigue = bounded_integer(0, RATING_MAX)
    steps = bounded_integer(0, MAX_STEPS, required=False, allow_null=True, default=None)
    chair_stand_30s = bounded_integer(0, MAX_CHAIR_STANDS, required=False, allow_null=True, default=None)
    numbness_extent = bounded_integer(0, NUMBNESS_MAX, required=False, default=0)
    symptoms = choice_list(SYMPTOMS, "symptom", required=False, default=list)
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")

    def validate_symptoms(self, value):
        return sorted(set(value), key=SYMPTOMS.index)


class LogCreateSerializer(LogValuesSerializer):
    date = serializers.DateField(error_messages={"invalid": "must be a date as YYYY-MM-DD", "required": "is required"})
    client_id = serializers.UUIDField(required=False, default=uuid.uuid4, error_messages={"invalid": "must be a UUID"})
    account = serializers.IntegerField(
        required=False,
        write_only=True,
        help_text="The id of the account the entry was made under, as the phone's outbox keeps it: an entry made "
        "under another account than the one signed in now is refused (409), never saved into this diary.",
        error_messages={"invalid": "must be a whole number"},
    )


class TriageSerializer(serializers.Serializer):
    severity = serializers.ChoiceField(choices=["info", "soon", "urgent", "emergency"])
    code = serializers.CharField()
    advice = serializers.CharField()
    emergency_number = serializers.CharField()


class LogSerializer(serializers.ModelSerializer):
    """With `hide_notes` in its context (a caregiver not allowed to read them) the note is left out."""

    symptoms = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = DailyLog
        fields = ["date", "client_id", *LOG_VALUE_FIELDS, "created_at", "updated_at"]

    def get_fields(self):
        fields = super().get_fields()
        if self.context.get("hide_notes"):
            fields.pop("note")
        return fields


class SavedLogSerializer(LogSerializer):
    triage = TriageSerializer(allow_null=True, read_only=True)

    class Meta(LogSerializer.Meta):
        fields = [*LogSerializer.Meta.fields, "triage"]


class LogRevisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = DailyLogRevision
        fields = ["date", "change", "previous_values", "previous_saved_at", "replaced_at"]
