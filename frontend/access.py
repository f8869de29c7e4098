from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from frontend.ratelimit import client_address
from tracker.models import Patient
from tracker.selectors.access import visible_patient
from tracker.services.audit import caregiver_access_record


def patient_required(view):
    """A page about the signed-in person's own diary. A caregiver-only account has none: it is told so (403)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not hasattr(request.user, "patient"):
            return render(request, "frontend/accounts/no_diary.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def carers_go_to_following(view):
    """The home page of an account with no diary of its own is the list of people it follows."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated and not hasattr(request.user, "patient"):
            return redirect("frontend:following")
        return view(request, *args, **kwargs)

    return wrapper


def audited_patient(request, patient_id: int, what: str) -> Patient:
    """The patient if the signed-in user may read their data; a caregiver's read goes into the patient's audit log."""
    patient = visible_patient(request.user, patient_id)
    caregiver_access_record(
        patient=patient,
        viewer=request.user,
        what=what,
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
        remote_addr=client_address(request),
    )
    return patient
