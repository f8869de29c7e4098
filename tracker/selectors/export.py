"""Everything stored about a patient, as plain JSON-ready data (GDPR art. 15 and 20: access and portability)."""

from dataclasses import asdict

from tracker.models import (
    AccessEvent,
    Alert,
    CaregiverLink,
    DailyLog,
    DailyLogRevision,
    Investigation,
    LabResult,
    LifeEvent,
    Notification,
    NotificationPreferences,
    Patient,
    PushSubscription,
    RecordRevision,
    ShareAccess,
    ShareLink,
    Snooze,
    Treatment,
)
from tracker.selectors.accounts import email_is_verified
from tracker.selectors.audit import audit_log_for
from tracker.selectors.devices import devices_of

EXPORT_FORMAT_VERSION = 1


def full_export(*, patient: Patient) -> dict:
    user = patient.user
    return {
        "format_version": EXPORT_FORMAT_VERSION,
        "account": {
            "username": user.get_username(),
            "email": user.email,
            "email_verified": email_is_verified(user),
            "date_joined": user.date_joined,
        },
        "signed_in_devices": [
            {key: value for key, value in asdict(device).items() if key != "current"} for device in devices_of(user)
        ],
        "profile": _rows(Patient.objects.filter(pk=patient.pk), exclude={"user"})[0],
        "logs": _rows(DailyLog.objects.filter(patient=patient), exclude={"patient"}),
        "log_revisions": _rows(DailyLogRevision.objects.filter(patient=patient), exclude={"patient"}),
        "treatments": _rows(Treatment.objects.filter(patient=patient), exclude={"patient"}),
        "investigations": _rows(Investigation.objects.filter(patient=patient), exclude={"patient"}),
        "lab_results": _rows(LabResult.objects.filter(investigation__patient=patient), exclude=set()),
        "life_events": _rows(LifeEvent.objects.filter(patient=patient), exclude={"patient"}),
        "record_revisions": _rows(RecordRevision.objects.filter(patient=patient), exclude={"patient"}),
        "alerts": _rows(Alert.objects.filter(patient=patient), exclude={"patient"}),
        "notifications": _rows(Notification.objects.filter(recipient=user), exclude={"recipient"}),
        "notification_preferences": _rows(NotificationPreferences.objects.filter(user=user), exclude={"user"}),
        "snoozes": _rows(Snooze.objects.filter(user=user), exclude={"user"}),
        "push_subscriptions": _rows(PushSubscription.objects.filter(user=user), exclude={"user", "p256dh", "auth"}),
        "share_links": _rows(ShareLink.objects.filter(patient=patient), exclude={"patient", "token_hash"}),
        "share_link_views": _rows(ShareAccess.objects.filter(share__patient=patient), exclude=set()),
        "caregivers": _rows(CaregiverLink.objects.filter(patient=patient), exclude={"patient", "token_hash"}),
        "following_as_caregiver": _rows(
            CaregiverLink.objects.filter(caregiver=user), exclude={"caregiver", "token_hash", "email"}
        ),
        "views_made_as_caregiver": _rows(AccessEvent.objects.filter(caregiver=user), exclude={"caregiver"}),
        "audit_log": [asdict(entry) for entry in audit_log_for(patient=patient)],
    }


def _rows(queryset, *, exclude: set[str]) -> list[dict]:
    names = [field.attname for field in queryset.model._meta.concrete_fields if field.name not in exclude]
    return list(queryset.values(*names))
