"""What an account is signed in on (its devices) and which email address it has proved it owns."""

import uuid

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import models


class ApiDevice(models.Model):
    """The device an API token (django-rest-knox's, stored as a SHA-512 digest, expiring) was given to."""

    token = models.OneToOneField("knox.AuthToken", primary_key=True, on_delete=models.CASCADE, related_name="device")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=120, blank=True, help_text="What the person is told this device is.")

    def __str__(self) -> str:
        return f"API device {self.public_id}"


class WebSession(models.Model):
    """A browser signed in to an account: the session row it rides on, named so the person can end it."""

    session = models.OneToOneField(Session, primary_key=True, on_delete=models.CASCADE)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="web_sessions")
    device = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField()

    class Meta:
        ordering = ["-last_used_at"]

    def __str__(self) -> str:
        return f"web session {self.public_id} of user {self.user_id}"


class VerifiedEmail(models.Model):
    """The address an account proved it reads (by a signed link); it counts only while it is the account's email."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, primary_key=True, on_delete=models.CASCADE, related_name="verified_email"
    )
    email = models.EmailField()
    verified_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"verified email of user {self.user_id}"
