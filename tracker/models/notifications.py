from django.conf import settings
from django.db import models
from django.db.models import Q


class PushSubscription(models.Model):
    """One browser's Web Push subscription (the PushSubscription JSON it gave us), for one account.

    The same endpoint may belong to two accounts (a shared browser), each with the keys it gave: a
    second account registering an endpoint never takes it from the first.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions")
    endpoint = models.URLField(max_length=2000)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "endpoint"], name="one_subscription_per_user_endpoint")]

    def __str__(self):
        return f"push subscription {self.pk} of user {self.user_id}"

    def as_subscription_info(self) -> dict:
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}


class NotificationPreferences(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    push_enabled = models.BooleanField(default=True)
    email_enabled = models.BooleanField(default=True)
    quiet_hours_start = models.TimeField(null=True, blank=True, help_text="Local time; with an end, holds soft alerts.")
    quiet_hours_end = models.TimeField(null=True, blank=True)
    reminder_time = models.TimeField(null=True, blank=True, help_text="Local time of the daily logging reminder.")
    last_reminder_on = models.DateField(null=True, blank=True, help_text="Local date of the last reminder claimed.")
    last_gentle_on = models.DateField(null=True, blank=True, help_text="Local date of the last 'not heard' message.")

    def __str__(self):
        return f"notification preferences of user {self.user_id}"


class Snooze(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="snoozes")
    code = models.CharField(max_length=40)
    until = models.DateTimeField()

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["user", "code"], name="one_snooze_per_user_code")]

    def __str__(self):
        return f"{self.code} snoozed until {self.until:%Y-%m-%d %H:%M}"


class Notification(models.Model):
    """An outbox row: one message to one recipient over one channel (one device for push).

    Rows are written in the transaction that raises the alert, so a message exists exactly when
    its alert does; delivery claims a row with one conditional update.
    """

    class Channel(models.TextChoices):
        PUSH = "push"
        EMAIL = "email"
        INBOX = "inbox"

    class Kind(models.TextChoices):
        ALERT = "alert"
        REMINDER = "reminder"
        NOT_HEARD = "not_heard"

    class Status(models.TextChoices):
        PENDING = "pending"
        SENDING = "sending"
        SENT = "sent"
        FAILED = "failed"
        CANCELLED = "cancelled"

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    alert = models.ForeignKey("tracker.Alert", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    subscription = models.ForeignKey(
        PushSubscription, null=True, blank=True, on_delete=models.SET_NULL, related_name="notifications"
    )
    channel = models.CharField(max_length=8, choices=Channel.choices)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.ALERT)
    repeat = models.PositiveSmallIntegerField(default=0, help_text="0 for the first send, then each escalation.")
    title = models.CharField(max_length=200)
    body = models.TextField()
    payload = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    next_attempt_at = models.DateTimeField()
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "sending", "sent", "failed", "cancelled"]),
                name="notification_status_known",
            ),
            models.CheckConstraint(
                condition=Q(channel__in=["push", "email", "inbox"]), name="notification_channel_known"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["recipient", "channel", "status"]),
        ]

    def __str__(self):
        return f"{self.kind} {self.channel} to user {self.recipient_id} ({self.status})"


class PushLane(models.Model):
    """Held by the worker sending one recipient's pushes (tracker.services.delivery.deliver_pushes).

    One recipient's devices are sent to by one worker at a time, so however many alerts an account
    raises and however slowly its endpoints answer, it occupies at most one worker.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+")
    held_until = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"push lane of user {self.user_id}"


class DeliveryAttempt(models.Model):
    class Outcome(models.TextChoices):
        SENT = "sent"
        TEMPORARY_ERROR = "temporary_error"
        PERMANENT_ERROR = "permanent_error"

    notification = models.ForeignKey(Notification, on_delete=models.CASCADE, related_name="delivery_attempts")
    attempted_at = models.DateTimeField()
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["attempted_at", "id"]

    def __str__(self):
        return f"attempt on notification {self.notification_id}: {self.outcome}"


class CaregiverLink(models.Model):
    """A patient's invitation to a caregiver, which becomes their access once accepted."""

    class Status(models.TextChoices):
        PENDING = "pending"
        ACTIVE = "active"

    patient = models.ForeignKey("tracker.Patient", on_delete=models.CASCADE, related_name="caregiver_links")
    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the invitation token.")
    caregiver = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="caregiving_links"
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    sees_notes = models.BooleanField(
        default=False, help_text="The patient lets this caregiver read the free-text notes of their logs."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["patient", "caregiver"],
                condition=Q(caregiver__isnull=False),
                name="one_link_per_patient_caregiver",
            ),
            models.CheckConstraint(
                condition=Q(status="pending", caregiver__isnull=True) | Q(status="active", caregiver__isnull=False),
                name="caregiver_link_active_has_caregiver",
            ),
        ]

    def __str__(self):
        return f"caregiver {self.email} of patient {self.patient_id} ({self.status})"
