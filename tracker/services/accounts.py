"""Making, recovering and changing an account (password, email), and deleting it with all its personal data."""

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from knox.models import AuthToken

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
    VerifiedEmail,
    WebSession,
)
from tracker.services.email_verification import mark_email_verified


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
        "tokens": AuthToken.objects.filter(user_id=user_id),
        "browser sessions listed": WebSession.objects.filter(user_id=user_id),
        "verified email": VerifiedEmail.objects.filter(user_id=user_id),
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
    counts["sessions"] = len(sessions_of(user_id))
    return {name: count for name, count in counts.items() if count}


def _delete_sessions_of(user) -> None:
    Session.objects.filter(pk__in=sessions_of(user.pk)).delete()


def sessions_of(user_id: int) -> list[str]:
    # Sessions are signed blobs with no user column: decode the live ones.
    return [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now())
        if session.get_decoded().get("_auth_user_id") == str(user_id)
    ]


def request_email_verification(*, user) -> None:
    """Emails the link that proves the account's address (after the transaction, from a worker)."""
    from tracker.tasks import send_verification_email

    if user.email:
        transaction.on_commit(lambda: send_verification_email.delay(user.pk))


def request_password_reset(*, email: str) -> None:
    """Emails a one-time reset link to each active account with this address; nothing says whether there is one."""
    from tracker.tasks import send_password_reset_email

    for user_id in get_user_model().objects.filter(email__iexact=email, is_active=True).values_list("pk", flat=True):
        transaction.on_commit(lambda user_id=user_id: send_password_reset_email.delay(user_id))


@transaction.atomic
def password_reset(*, uid: str, token: str, new_password: str):
    """Sets the new password from an emailed link; the link proved the address, and every sign-in ends."""
    from tracker.services.devices import end_other_sign_ins

    user = _user_from_uid(uid)
    if user is None or not default_token_generator.check_token(user, token):
        raise ValidationError(
            {"token": _("This link was already used or is too old. Ask for a new one on the sign-in page.")}
        )
    _set_password(user, new_password, field="new_password")
    mark_email_verified(user)
    end_other_sign_ins(user=user)
    return user


@transaction.atomic
def password_change(*, user, current_password: str, new_password: str, keep_session_key=None, keep_token=None) -> None:
    from tracker.services.devices import end_other_sign_ins

    if not user.check_password(current_password):
        raise ValidationError({"current_password": _("This is not your current password.")})
    _set_password(user, new_password, field="new_password")
    end_other_sign_ins(user=user, keep_session_key=keep_session_key, keep_token=keep_token)


@transaction.atomic
def email_change(*, user, email: str, password: str, keep_session_key=None, keep_token=None) -> None:
    """A new address for the account: it is not emailed anything but the proof link until it is proved."""
    from tracker.services.devices import end_other_sign_ins

    if not user.check_password(password):
        raise ValidationError({"password": _("This is not your password.")})
    if email.lower() == user.email.lower():
        return
    user.email = email
    user.save(update_fields=["email"])
    end_other_sign_ins(user=user, keep_session_key=keep_session_key, keep_token=keep_token)
    request_email_verification(user=user)


def _set_password(user, password: str, *, field: str) -> None:
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error
    user.set_password(password)
    user.save(update_fields=["password"])


def _user_from_uid(uid: str):
    try:
        pk = urlsafe_base64_decode(uid).decode()
        return get_user_model().objects.filter(pk=int(pk), is_active=True).first()
    except (TypeError, ValueError, OverflowError, UnicodeDecodeError):
        return None
