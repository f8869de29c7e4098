from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import render


def patient_required(view):
    """A page about the signed-in person's own diary. A caregiver-only account has none: it is told so (403)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not hasattr(request.user, "patient"):
            return render(request, "frontend/accounts/no_diary.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper
