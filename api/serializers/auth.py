from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

PASSWORD_REQUIRED = {"required": _("Type your password."), "blank": _("Type your password.")}


class SignInSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(write_only=True, trim_whitespace=False)
    device = serializers.CharField(
        max_length=120, required=False, allow_blank=True, help_text="A name for this device, shown in Settings."
    )


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(read_only=True)
    expiry = serializers.DateTimeField(read_only=True)


class DeviceSerializer(serializers.Serializer):
    id = serializers.UUIDField(read_only=True)
    kind = serializers.ChoiceField(choices=["browser", "app"], read_only=True)
    name = serializers.CharField(read_only=True)
    signed_in_at = serializers.DateTimeField(read_only=True)
    last_used_at = serializers.DateTimeField(read_only=True, allow_null=True)
    expires_at = serializers.DateTimeField(read_only=True, allow_null=True)
    current = serializers.BooleanField(read_only=True)


class PasswordChangeSerializer(serializers.Serializer):
    current_password = serializers.CharField(write_only=True, trim_whitespace=False, error_messages=PASSWORD_REQUIRED)
    new_password = serializers.CharField(write_only=True, trim_whitespace=False)


class EmailChangeSerializer(serializers.Serializer):
    email = serializers.EmailField(error_messages={"invalid": _("Enter an email address like name@example.org.")})
    password = serializers.CharField(write_only=True, trim_whitespace=False, error_messages=PASSWORD_REQUIRED)


class EmailStateSerializer(serializers.Serializer):
    email = serializers.EmailField(read_only=True)
    verified = serializers.BooleanField(read_only=True)


class EmailVerifySerializer(serializers.Serializer):
    token = serializers.CharField(max_length=500)


class PasswordResetSerializer(serializers.Serializer):
    email = serializers.EmailField(error_messages={"invalid": _("Enter an email address like name@example.org.")})


class PasswordResetConfirmSerializer(serializers.Serializer):
    uid = serializers.CharField(max_length=64)
    token = serializers.CharField(max_length=100)
    new_password = serializers.CharField(write_only=True, trim_whitespace=False)
