"""Making an account without a diary (a carer's), and deleting an account with every piece of personal data it has."""

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from rest_framework.authtoken.models import Token

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
    PushLane,
    PushSubscription,
    RecordRevision,
    ShareLink,
    Snooze,
    Treatment,
)


@transaction.atomic
def register_account(*, username: str, email: str, password: str):
    """A user with no patient profile: someone who follows others' diaries and keeps none of their own."""
    user = get_user_model()(username=username, email=email)
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error
    if get_user_model().objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": "This user name is taken. Choose another one."})
    user.set_password(password)
    user.save()
    return user


def account_delete(*, user, password: str) -> None:
    """Deletes the user, their patient profile and all that hangs off either; refuses a wrong password."""
    if not user.check_password(password):
        raise ValidationError({"password": "is not this account's password."})
    user_id, email = user.pk, user.email
    with transaction.atomic():
        patient_id = Patient.objects.filter(user=user).values_list("pk", flat=True).first()
        _delete_sessions_of(user)
        # An invitation addressed to this person's email by another patient names them too.
        if email:
            CaregiverLink.objects.filter(email__iexact=email, status=CaregiverLink.Status.PENDING).delete()
        user.delete()
        leftover = personal_data_left(user_id=user_id, patient_id=patient_id, email=email)
        if leftover:
            raise AssertionError(f"account deletion left personal data behind: {leftover}")


def personal_data_left(*, user_id: int, patient_id: int | None, email: str) -> dict[str, int]:
    """Rows that still name the user or their patient profile; empty once the account is gone."""
    by_user = {
        "user": get_user_model().objects.filter(pk=user_id),
        "tokens": Token.objects.filter(user_id=user_id),
        "push subscriptions": PushSubscription.objects.filter(user_id=user_id),
        "push lane": PushLane.objects.filter(user_id=user_id),
        "notification preferences": NotificationPreferences.objects.filter(user_id=user_id),
        "snoozes": Snooze.objects.filter(user_id=user_id),
        "notifications": Notification.objects.filter(recipient_id=user_id),
        "caregiver links as caregiver": CaregiverLink.objects.filter(caregiver_id=user_id),
        "views made as caregiver": AccessEvent.objects.filter(caregiver_id=user_id),
    }
    by_patient = {
        "patient": Patient.objects.filter(pk=patient_id),
        "logs": DailyLog.objects.filter(patient_id=patient_id),
        "log revisions": DailyLogRevision.objects.filter(patient_id=patient_id),
        "treatments": Treatment.objects.filter(patient_id=patient_id),
        "tests": Investigation.objects.filter(patient_id=patient_id),
        "blood results": LabResult.objects.filter(investigation__patient_id=patient_id),
        "life events": LifeEvent.objects.filter(patient_id=patient_id),
        "record revisions": RecordRevision.objects.filter(patient_id=patient_id),
        "alerts": Alert.objects.filter(patient_id=patient_id),
        "notifications about their alerts": Notification.objects.filter(alert__patient_id=patient_id),
        "share links": ShareLink.objects.filter(patient_id=patient_id),
        "caregiver links as patient": CaregiverLink.objects.filter(patient_id=patient_id),
        "views of their data": AccessEvent.objects.filter(patient_id=patient_id),
    }
    counts = {name: query.count() for name, query in by_user.items()}
    if patient_id is not None:
        counts |= {name: query.count() for name, query in by_patient.items()}
    if email:
        counts["pending invitations to their email"] = CaregiverLink.objects.filter(
            email__iexact=email, status=CaregiverLink.Status.PENDING
        ).count()
    counts["sessions"] = len(_sessions_of(user_id))
    return {name: count for name, count in counts.items() if count}


def _delete_sessions_of(user) -> None:
    Session.objects.filter(pk__in=_sessions_of(user.pk)).delete()


def _sessions_of(user_id: int) -> list[str]:
    # Sessions are signed blobs with no user column: decode the live ones.
    return [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now())
        if session.get_decoded().get("_auth_user_id") == str(user_id)
    ]
