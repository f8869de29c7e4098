from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from tracker.countries import country_names
from tracker.models import Patient
from tracker.vocabulary import known_timezones

PROFILE_FIELDS = ("birth_year", "sex", "timezone", "country")


def validate_timezone(name: str) -> str:
    if name not in known_timezones():
        raise ValidationError({"timezone": f"'{name}' is not a known IANA time zone, e.g. Europe/Berlin."})
    return name


@transaction.atomic
def register_patient(*, username: str, email: str, password: str, timezone: str, **profile) -> Patient:
    user = get_user_model()(username=username, email=email)
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error
    user.set_password(password)
    return create_patient(user=user, timezone=timezone, **profile)


@transaction.atomic
def create_patient(*, user, timezone: str, **profile) -> Patient:
    """Save a new user (already holding its password, or none) with their patient profile."""
    validate_timezone(timezone)
    if get_user_model().objects.filter(username__iexact=user.username).exists():
        raise ValidationError({"username": "This user name is taken. Choose another one."})
    user.save()
    patient = Patient(user=user, timezone=timezone)
    _apply_profile(patient, profile)
    patient.save()
    return patient


@transaction.atomic
def start_diary(*, user, timezone: str) -> Patient:
    """A diary for an account that had none (a carer who wants to log their own legs too); the existing one if any."""
    validate_timezone(timezone)
    patient, _ = Patient.objects.get_or_create(user=user, defaults={"timezone": timezone})
    return patient


@transaction.atomic
def update_profile(*, patient: Patient, **profile) -> Patient:
    if "timezone" in profile:
        validate_timezone(profile["timezone"])
    _apply_profile(patient, profile)
    patient.save()
    return patient


def _apply_profile(patient: Patient, profile: dict) -> None:
    for name in PROFILE_FIELDS:
        if name in profile:
            setattr(patient, name, profile[name])
    if "country" in profile:
        patient.country = (profile["country"] or "").upper()
        if patient.country and patient.country not in country_names():
            raise ValidationError({"country": f"'{patient.country}' is not a country code, e.g. DE, US or GB."})
    if "history" in profile:
        patient.set_history(profile["history"])
