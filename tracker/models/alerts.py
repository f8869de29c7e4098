from django.db import models
from django.db.models import Q

from tracker.rules.types import Severity


class Alert(models.Model):
    class Status(models.TextChoices):
        OPEN = "open"
        ACKNOWLEDGED = "acknowledged"
        RESOLVED = "resolved"

    SEVERITY_CHOICES = [(s.value, s.value) for s in Severity]

    patient = models.ForeignKey("tracker.Patient", on_delete=models.CASCADE, related_name="alerts")
    code = models.CharField(max_length=40)
    severity = models.CharField(max_length=10, choices=SEVERITY_CHOICES)
    raised_on = models.DateField(help_text="The patient's local date the alert was raised for.")
    evidence = models.JSONField(default=dict)
    patient_text = models.TextField()
    physician_text = models.TextField()
    advice = models.TextField()
    hints = models.JSONField(default=list)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    dedup_key = models.CharField(max_length=120)
    created_at = models.DateTimeField(auto_now_add=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["patient", "dedup_key"], name="alert_dedup_key_unique_per_patient"),
            models.CheckConstraint(condition=Q(severity__in=[s.value for s in Severity]), name="alert_severity_known"),
            models.CheckConstraint(
                condition=Q(status__in=["open", "acknowledged", "resolved"]), name="alert_status_known"
            ),
        ]
        indexes = [models.Index(fields=["patient", "code", "raised_on"])]

    def __str__(self):
        return f"{self.code} ({self.severity}) on {self.raised_on}"
