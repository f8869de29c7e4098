from rest_framework import serializers


def bounded_integer(low: int, high: int, **kwargs) -> serializers.IntegerField:
    message = f"must be a whole number between {low} and {high}"
    return serializers.IntegerField(
        min_value=low,
        max_value=high,
        error_messages={
            "min_value": message,
            "max_value": message,
            "invalid": message,
            "max_string_length": message,
            "required": "is required",
            "null": "is required" if not kwargs.get("allow_null") else message,
        },
        **kwargs,
    )


def choice_list(choices, noun: str, **kwargs) -> serializers.ListField:
    allowed = ", ".join(choices)
    child = serializers.ChoiceField(
        choices=list(choices),
        error_messages={"invalid_choice": f'"{{input}}" is not a known {noun}; allowed: {allowed}'},
    )
    return serializers.ListField(
        child=child,
        error_messages={"not_a_list": f"must be a list of {noun}s; allowed: {allowed}"},
        **kwargs,
    )
