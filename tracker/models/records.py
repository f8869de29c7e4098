"""What a person records besides the daily log: treatments, tests a doctor ordered (with blood results) and
life events. Corrections and deletions keep the earlier values as RecordRevision rows."""

from django.db import models
from django.db.models import F, Q

from tracker.records import INVESTIGATION_KINDS, LIFE_EVENT_KINDS, MARKER_NAMES

NOTE_MAX_LENGTH = 2000
FINDING_MAX_LENGTH = 500
NAME_MAX_LENGTH = 120
# Larger than any blood result in any unit here (glucose in mg/dL, CK in U/L can reach tens of thousands).
MAX_LAB_VALUE = 1_000_000


def _ends_after_start(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(end__isnull=True) | Q(end__gte=F("start")), name=name)


def _client_id_unique(name: str) -> models.UniqueConstraint:
    return models.UniqueConstraint(fields=["patient", "client_id"], condition=Q(client_id__isnull=False), name=name)


class Treatment(models.Model):
    """A medicine, supplement or therapy over a period; `end` is empty while it goes on."""

    patient = models.ForeignKey("tracker.Patient", on_delete=models.CASCADE, related_name="treatments")
    client_id = models.UUIDField(null=True, blank=True, help_text="Makes a resent create idempotent.")
    name = models.CharField(max_length=NAME_MAX_LENGTH)
    dose = models.CharField(max_length=NAME_MAX_LENGTH, blank=True)
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True, max_length=NOTE_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    VALUE_FIELDS = ("name", "dose", "start", "end", "note")

    class Meta:
        ordering = ["start", "id"]
        constraints = [_ends_after_start("treatment_ends_after_start"), _client_id_unique("treatment_client_id_unique")]
        indexes = [models.Index(fields=["patient", "start"])]

    def __str__(self):
        return f"{self.name} from {self.start}"


class Investigation(models.Model):
    """A test a doctor ordered, on one date; blood tests carry their results."""

    patient = models.ForeignKey("tracker.Patient", on_delete=models.CASCADE, related_name="investigations")
    client_id = models.UUIDField(null=True, blank=True, help_text="Makes a resent create idempotent.")
    kind = models.CharField(max_length=20, choices=[(kind, kind) for kind in INVESTIGATION_KINDS])
    date = models.DateField()
    finding = models.CharField(max_length=FINDING_MAX_LENGTH, blank=True, help_text="In the person's own words.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    VALUE_FIELDS = ("kind", "date", "finding")

    class Meta:
        ordering = ["date", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=INVESTIGATION_KINDS), name="investigation_kind_known"),
            _client_id_unique("investigation_client_id_unique"),
        ]
        indexes = [models.Index(fields=["patient", "date"])]

    def __str__(self):
        return f"{self.kind} on {self.date}"


class LabResult(models.Model):
    """One marker's result in a blood test, in the unit the laboratory reported."""

    investigation = models.ForeignKey(Investigation, on_delete=models.CASCADE, related_name="results")
    marker = models.CharField(max_length=20, choices=[(name, name) for name in MARKER_NAMES])
    value = models.FloatField()
    unit = models.CharField(max_length=16)
    reference_low = models.FloatField(null=True, blank=True)
    reference_high = models.FloatField(null=True, blank=True)

    VALUE_FIELDS = ("marker", "value", "unit", "reference_low", "reference_high")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["investigation", "marker"], name="one_result_per_marker"),
            models.CheckConstraint(condition=Q(marker__in=MARKER_NAMES), name="lab_marker_known"),
            models.CheckConstraint(condition=Q(value__gte=0, value__lte=MAX_LAB_VALUE), name="lab_value_plausible"),
            models.CheckConstraint(
                condition=Q(reference_low__isnull=True)
                | Q(reference_high__isnull=True)
                | Q(reference_low__lte=F("reference_high")),
                name="lab_reference_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.marker} {self.value} {self.unit}"


class LifeEvent(models.Model):
    """An illness, injury, operation, hospital stay, fall, trip or other period; `end` is empty while it lasts."""

    patient = models.ForeignKey("tracker.Patient", on_delete=models.CASCADE, related_name="life_events")
    client_id = models.UUIDField(null=True, blank=True, help_text="Makes a resent create idempotent.")
    kind = models.CharField(max_length=20, choices=[(kind, kind) for kind in LIFE_EVENT_KINDS])
    start = models.DateField()
    end = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True, max_length=NOTE_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    VALUE_FIELDS = ("kind", "start", "end", "note")

    class Meta:
        ordering = ["start", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=LIFE_EVENT_KINDS), name="life_event_kind_known"),
            _ends_after_start("life_event_ends_after_start"),
            _client_id_unique("life_event_client_id_unique"),
        ]
        indexes = [models.Index(fields=["patient", "start"])]

    def __str__(self):
        return f"{self.kind} from {self.start}"


class RecordRevision(models.Model):
    """The values a treatment, test or event held before a correction or its deletion."""

    class RecordType(models.TextChoices):
        TREATMENT = "treatment"
        INVESTIGATION = "investigation"
        LIFE_EVENT = "life_event"

    class Change(models.TextChoices):
        CORRECTED = "corrected"
        DELETED = "deleted"

    patient = models.ForeignKey("tracker.Patient", on_delete=models.CASCADE, related_name="record_revisions")
    record_type = models.CharField(max_length=16, choices=RecordType.choices)
    record_id = models.PositiveBigIntegerField()
    change = models.CharField(max_length=10, choices=Change.choices)
    previous_values = models.JSONField()
    previous_saved_at = models.DateTimeField()
    replaced_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["replaced_at", "id"]
        indexes = [models.Index(fields=["patient", "record_type", "record_id"])]

    def __str__(self):
        return f"{self.record_type} {self.record_id} {self.change}"
