from tracker.models.alerts import Alert
from tracker.models.logs import DailyLog, DailyLogRevision
from tracker.models.patients import Patient
from tracker.models.sharing import ShareAccess, ShareLink

__all__ = ["Alert", "DailyLog", "DailyLogRevision", "Patient", "ShareAccess", "ShareLink"]
