"""The link in a carer's invitation email: it works signed out, through creating an account or signing in.

The code from the link is kept in the session (never in a later URL), so "Create an account" and "Sign in"
carry it through, and the person ends on the page of whoever invited them without typing anything.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from tracker.models import CaregiverLink
from tracker.selectors.invitations import pending_invitation
from tracker.services.caregivers import INVITATION_GONE, accept_invitation

SESSION_KEY = "invitation_code"


def remember_invitation(request, code: str):
    """Keep the code and show the invitation from a clean address, so the code stays out of history and Referer."""
    request.session[SESSION_KEY] = code.strip()
    return redirect("frontend:invitation")


def invitation_in_session(request) -> CaregiverLink | None:
    return pending_invitation(request.session.get(SESSION_KEY, ""))


def accept_invitation_in_session(request) -> CaregiverLink:
    """Accept the invitation the session holds for the signed-in person; raises ValidationError with its reason."""
    link = accept_invitation(user=request.user, token=request.session.get(SESSION_KEY, ""))
    request.session.pop(SESSION_KEY, None)
    return link


def invitation(request):
    if "code" in request.GET:
        return remember_invitation(request, request.GET["code"])
    error = None
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(reverse("frontend:invitation"))
        try:
            link = accept_invitation_in_session(request)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            return redirect("frontend:followed-patient", patient_id=link.patient_id)
    link = invitation_in_session(request)
    if link is None and error is None and SESSION_KEY in request.session:
        error = INVITATION_GONE
    return render(request, "frontend/invitations/invitation.html", {"link": link, "error": error})
