"""Who may read whose data: a patient their own, a caregiver the patients who accepted them.

Every read-only view of a patient's data (alerts, logs, charts) should find the patient here.
"""

from django.db.models import Q, QuerySet
from django.http import Http404

from tracker.models import CaregiverLink, Patient


def patients_visible_to(user) -> QuerySet[Patient]:
    """The user's own patient profile, if any, and every patient they follow as a caregiver."""
    return Patient.objects.filter(
        Q(user=user) | Q(caregiver_links__caregiver=user, caregiver_links__status=CaregiverLink.Status.ACTIVE)
    ).distinct()


def followed_patients(user) -> QuerySet[Patient]:
    return Patient.objects.filter(
        caregiver_links__caregiver=user, caregiver_links__status=CaregiverLink.Status.ACTIVE
    ).select_related("user")


def follows_anyone(user) -> bool:
    return CaregiverLink.objects.filter(caregiver=user, status=CaregiverLink.Status.ACTIVE).exists()


def visible_patient(user, patient_id: int) -> Patient:
    """The patient if `user` may read their data; else Http404, so their existence is not revealed."""
    patient = patients_visible_to(user).filter(pk=patient_id).first()
    if patient is None:
        raise Http404("No patient you have access to has this id.")
    return patient


def notes_visible_to(user, patient: Patient) -> bool:
    """The patient themself, or a caregiver the patient lets read their notes."""
    return (
        patient.user_id == user.pk
        or CaregiverLink.objects.filter(
            patient=patient, caregiver=user, status=CaregiverLink.Status.ACTIVE, sees_notes=True
        ).exists()
    )


def caregiver_links_for(*, patient: Patient) -> QuerySet[CaregiverLink]:
    return CaregiverLink.objects.filter(patient=patient).select_related("caregiver")
