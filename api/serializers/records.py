"""Treatments, tests (with blood results) and life events: what comes in and what goes out.

These check only the shape of each value; the rules about this person's calendar and each marker's units are
in tracker.services.records, so the pages and the API give the same answers.
"""

from rest_framework import serializers

from tracker.models import Investigation, LabResult, LifeEvent, RecordRevision, Treatment
from tracker.models.records import FINDING_MAX_LENGTH, NAME_MAX_LENGTH, NOTE_MAX_LENGTH
from tracker.records import INVESTIGATION_KINDS, LIFE_EVENT_KINDS, MARKERS, TREATMENT_SUGGESTIONS, unit_coding

_DATE_ERRORS = {"invalid": "must be a date as YYYY-MM-DD", "required": "is required", "null": "is required"}
_NUMBER_ERRORS = {"invalid": "must be a number", "required": "is required", "null": "is required"}


def _date(**kwargs) -> serializers.DateField:
    return serializers.DateField(error_messages=_DATE_ERRORS, **kwargs)


def _text(max_length: int, **kwargs) -> serializers.CharField:
    return serializers.CharField(
        max_length=max_length,
        error_messages={
            "max_length": f"must be at most {max_length} characters",
            "required": "is required",
            "blank": "is required",
            "null": "is required" if not kwargs.get("allow_null") else "must be text",
            "invalid": "must be text",
        },
        **kwargs,
    )


def _optional_text(max_length: int) -> serializers.CharField:
    return _text(max_length, required=False, allow_blank=True, allow_null=True, default="")


def _choice(choices, noun: str) -> serializers.ChoiceField:
    allowed = ", ".join(choices)
    return serializers.ChoiceField(
        choices=list(choices),
        error_messages={
            "invalid_choice": f'"{{input}}" is not a known {noun}; allowed: {allowed}',
            "required": "is required",
            "null": "is required",
        },
    )


def _client_id() -> serializers.UUIDField:
    return serializers.UUIDField(
        required=False,
        allow_null=True,
        default=None,
        error_messages={"invalid": "must be a UUID"},
        help_text="Any UUID the client makes; sending the same create again returns the first one (200).",
    )


class TreatmentValuesSerializer(serializers.Serializer):
    name = _text(NAME_MAX_LENGTH, help_text=f"Free text; the phone suggests: {', '.join(TREATMENT_SUGGESTIONS)}.")
    dose = _optional_text(NAME_MAX_LENGTH)
    start = _date()
    end = _date(required=False, allow_null=True, default=None, help_text="Empty while the treatment goes on.")
    note = _optional_text(NOTE_MAX_LENGTH)


class TreatmentCreateSerializer(TreatmentValuesSerializer):
    client_id = _client_id()


class TreatmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Treatment
        fields = ["id", "name", "dose", "start", "end", "note", "created_at", "updated_at"]


class LabResultInputSerializer(serializers.Serializer):
    marker = _choice(MARKERS, "marker")
    value = serializers.FloatField(error_messages=_NUMBER_ERRORS)
    unit = _text(16, help_text="One of the marker's accepted units, e.g. pg/mL or pmol/L for vitamin_b12.")
    reference_low = serializers.FloatField(required=False, allow_null=True, default=None, error_messages=_NUMBER_ERRORS)
    reference_high = serializers.FloatField(
        required=False, allow_null=True, default=None, error_messages=_NUMBER_ERRORS
    )


class InvestigationValuesSerializer(serializers.Serializer):
    kind = _choice(INVESTIGATION_KINDS, "kind of test")
    date = _date()
    finding = _optional_text(FINDING_MAX_LENGTH)
    results = LabResultInputSerializer(
        many=True, required=False, help_text="Blood tests only: one entry per marker measured."
    )

    def validate_results(self, value):
        return [dict(result) for result in value]


class InvestigationCreateSerializer(InvestigationValuesSerializer):
    client_id = _client_id()


class LabResultSerializer(serializers.ModelSerializer):
    loinc = serializers.SerializerMethodField(help_text="The LOINC code of this marker in this unit.")

    class Meta:
        model = LabResult
        fields = ["marker", "value", "unit", "reference_low", "reference_high", "loinc"]

    def get_loinc(self, result) -> str:
        return unit_coding(result.marker, result.unit).loinc


class InvestigationSerializer(serializers.ModelSerializer):
    results = LabResultSerializer(many=True, read_only=True)

    class Meta:
        model = Investigation
        fields = ["id", "kind", "date", "finding", "results", "created_at", "updated_at"]


class LifeEventValuesSerializer(serializers.Serializer):
    kind = _choice(LIFE_EVENT_KINDS, "kind of event")
    start = _date()
    end = _date(required=False, allow_null=True, default=None, help_text="Empty while it lasts.")
    note = _optional_text(NOTE_MAX_LENGTH)


class LifeEventCreateSerializer(LifeEventValuesSerializer):
    client_id = _client_id()


class LifeEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = LifeEvent
        fields = ["id", "kind", "start", "end", "note", "created_at", "updated_at"]


class RecordRevisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = RecordRevision
        fields = ["record_type", "record_id", "change", "previous_values", "previous_saved_at", "replaced_at"]
