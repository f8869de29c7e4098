from tracker.models.accounts import ApiDevice, VerifiedEmail, WebSession
from tracker.models.alerts import Alert
from tracker.models.audit import AccessEvent
from tracker.models.logs import DailyLog, DailyLogRevision
from tracker.models.notifications import (
    CaregiverLink,
    DeliveryAttempt,
    Notification,
    NotificationPreferences,
    PushLane,
    PushSubscription,
    Snooze,
)
from tracker.models.patients import Patient
from tracker.models.records import Investigation, LabResult, LifeEvent, RecordRevision, Treatment
from tracker.models.sharing import ShareAccess, ShareLink

__all__ = [
    "AccessEvent",
    "Alert",
    "ApiDevice",
    "CaregiverLink",
    "DailyLog",
    "DailyLogRevision",
    "DeliveryAttempt",
    "Investigation",
    "LabResult",
    "LifeEvent",
    "Notification",
    "NotificationPreferences",
    "Patient",
    "PushLane",
    "PushSubscription",
    "RecordRevision",
    "ShareAccess",
    "ShareLink",
    "Snooze",
    "Treatment",
    "VerifiedEmail",
    "WebSession",
]
