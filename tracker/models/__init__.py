from tracker.models.alerts import Alert
from tracker.models.logs import DailyLog, DailyLogRevision
from tracker.models.patients import Patient

__all__ = ["Alert", "DailyLog", "DailyLogRevision", "Patient"]
