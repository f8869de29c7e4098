from django.conf import settings
from django.db import models


class AccessEvent(models.Model):
    """A caregiver's view of a patient's data, for the patient to see.

    Views through a share link are kept as ShareAccess rows (tracker/models/sharing.py); the patient's
    audit log (tracker/selectors/audit.py) shows both.
    """

    patient = models.ForeignKey("tracker.Patient", on_delete=models.CASCADE, related_name="access_events")
    # Kept when the caregiver deletes their account, so the patient still sees that someone looked.
    caregiver = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="access_events_made"
    )
    what = models.CharField(max_length=40, help_text='What was read, e.g. "alerts", "logs", "chart strength".')
    accessed_at = models.DateTimeField(auto_now_add=True)
    client = models.CharField(max_length=80, help_text='Browser and system family only, e.g. "Firefox on Windows".')
    network = models.CharField(max_length=48, help_text="The client address with its host part cut off.")

    class Meta:
        ordering = ["-accessed_at", "-id"]
        indexes = [models.Index(fields=["patient", "accessed_at"])]

    def __str__(self):
        return f"{self.what} of patient {self.patient_id} by user {self.caregiver_id}"
