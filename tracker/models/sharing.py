import hashlib

from django.db import models
from django.db.models import F, Q
from django.utils import timezone

# What a share link may show beyond the always-present summary of the period. A section left out is absent
# from every page, file and export the link serves.
SHARE_SECTIONS = ("charts", "alerts", "hints", "symptoms", "notes", "exports")
# The patient's free-text notes and the downloadable files are shared only when the patient chooses them.
DEFAULT_SHARE_SECTIONS = ("charts", "alerts", "hints", "symptoms")
PATIENT_LABEL_MAX_LENGTH = 80


class ShareLink(models.Model):
    """A private, read-only link to a patient's summary for a physician. Only a hash of its token is kept."""

    patient = models.ForeignKey("tracker.Patient", on_delete=models.CASCADE, related_name="share_links")
    token_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 hex of the token in the link.")
    period_start = models.DateField(null=True, blank=True, help_text="First local date shown; none = from the start.")
    period_end = models.DateField(null=True, blank=True, help_text="Last local date shown; none = up to today.")
    sections = models.JSONField(default=list)
    patient_label = models.CharField(
        max_length=PATIENT_LABEL_MAX_LENGTH,
        blank=True,
        help_text="How the summary names the patient (their name or initials), chosen when making the link.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_start__lte=F("period_end")),
                name="share_period_ordered",
            ),
        ]

    def __str__(self):
        return f"Share {self.pk} of {self.patient_id}"

    @staticmethod
    def hash_token(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    def shares(self, section: str) -> bool:
        return section in self.sections

    def is_active(self, now=None) -> bool:
        return self.revoked_at is None and self.expires_at > (now or timezone.now())

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])


class ShareAccess(models.Model):
    """One opening of a share link, for the patient to see: when, what, and a rough idea of who."""

    class Kind(models.TextChoices):
        PAGE = "page"
        PDF = "pdf"
        CSV = "csv"
        FHIR = "fhir"

    share = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="accesses")
    accessed_at = models.DateTimeField(auto_now_add=True)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    client = models.CharField(max_length=80, help_text='Browser and system family only, e.g. "Firefox on Windows".')
    network = models.CharField(max_length=48, help_text="The client address with its host part cut off.")

    class Meta:
        ordering = ["-accessed_at", "-id"]
        indexes = [models.Index(fields=["share", "accessed_at"])]

    def __str__(self):
        return f"{self.kind} of share {self.share_id} at {self.accessed_at:%Y-%m-%d %H:%M}"
