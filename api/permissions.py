from rest_framework.permissions import BasePermission

from tracker.models import Patient


class HasPatientProfile(BasePermission):
    """For views of the signed-in patient's own data: a caregiver-only account has none."""

    message = "this account has no patient profile; a caregiver reads a patient's data under /api/patients/{id}/"

    def has_permission(self, request, view):
        return Patient.objects.filter(user_id=request.user.pk).exists() if request.user.is_authenticated else False
