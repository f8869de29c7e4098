from rest_framework.permissions import BasePermission


class HasPatientProfile(BasePermission):
    """For views of the signed-in patient's own data: a caregiver-only account has none."""

    message = "this account has no patient profile; a caregiver reads a patient's data under /api/patients/{id}/"

    def has_permission(self, request, view):
        # hasattr loads and caches request.user.patient, so the view reads it without another query.
        return request.user.is_authenticated and hasattr(request.user, "patient")
