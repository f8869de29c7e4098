from rest_framework import serializers

from tracker.models import Alert


class HintSerializer(serializers.Serializer):
    topic = serializers.CharField()
    worth_discussing = serializers.CharField()
    tests = serializers.ListField(child=serializers.CharField())
    learn_anchor = serializers.CharField()


class AlertSerializer(serializers.ModelSerializer):
    hints = HintSerializer(many=True, read_only=True)

    class Meta:
        model = Alert
        fields = [
            "id",
            "code",
            "severity",
            "raised_on",
            "status",
            "advice",
            "patient_text",
            "physician_text",
            "evidence",
            "hints",
            "created_at",
            "acknowledged_at",
            "resolved_at",
        ]
        read_only_fields = fields


class AlertFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=Alert.Status.choices,
        required=False,
        error_messages={"invalid_choice": '"{input}" is not a status; allowed: open, acknowledged, resolved'},
    )
