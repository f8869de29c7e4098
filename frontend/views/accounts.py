"""Sign up, sign in, the first-run step and deleting an account."""

from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_POST

from frontend.access import patient_required
from frontend.emergency import country_choice_context
from frontend.forms import CarerSignUpForm, DeleteAccountForm, SignInForm, SignUpForm, WelcomeForm
from frontend.ratelimit import SIGNUP_PER_ADDRESS, request_address, signup_wait_message, spend_all
from frontend.views.invitations import accept_invitation_in_session, invitation_in_session
from tracker.selectors.accounts import email_is_verified
from tracker.services.accounts import account_delete, register_account, request_email_verification
from tracker.services.patients import register_patient, update_profile
from tracker.services.patients import start_diary as start_diary_for


class SignInView(LoginView):
    template_name = "frontend/accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        # Someone who came from an invitation link and signed in goes back to it.
        if invitation_in_session(self.request) is not None:
            return reverse("frontend:invitation")
        return super().get_default_redirect_url()

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "invitation": invitation_in_session(self.request)}


def _add_errors(form, error: ValidationError) -> None:
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


def _signup_refused(request, form) -> bool:
    """Counts a sign-up attempt from this address; True (with the reason on the form) when it is one too many."""
    wait = spend_all((SIGNUP_PER_ADDRESS, request_address(request)))
    if wait:
        form.add_error(None, signup_wait_message(wait))
    return bool(wait)


def signup(request):
    invitation = invitation_in_session(request)
    if invitation is not None:
        return _carer_signup(request, invitation)
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and not _signup_refused(request, form) and form.is_valid():
        try:
            patient = register_patient(**form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            login(request, patient.user)
            request_email_verification(user=patient.user)
            return redirect("frontend:welcome")
    return render(request, "frontend/accounts/signup.html", {"form": form})


def _carer_signup(request, invitation):
    """Sign-up from an invitation: an account without a diary, following the person who invited them at once."""
    form = CarerSignUpForm(request.POST or None, initial={"email": invitation.email})
    form.fields["email"].help_text = _(
        "%(name)s invited this address. Keep it, so that the invitation is yours to accept."
    ) % {"name": invitation.patient.user.get_username()}
    if request.method == "POST" and not _signup_refused(request, form) and form.is_valid():
        try:
            user = register_account(**form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            login(request, user)
            try:
                link = accept_invitation_in_session(request)
            except ValidationError:
                request_email_verification(user=user)
                return redirect("frontend:invitation")  # which says why
            # Accepting proved the address when it is the invited one; another address still needs its link.
            if not email_is_verified(user):
                request_email_verification(user=user)
            return redirect("frontend:followed-patient", patient_id=link.patient_id)
    return render(request, "frontend/accounts/signup.html", {"form": form, "invitation": invitation})


@patient_required
@ensure_csrf_cookie
def welcome(request):
    patient = request.user.patient
    initial = {"timezone": patient.timezone, "country": patient.emergency_country, "history": patient.history}
    form = WelcomeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            update_profile(patient=patient, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect("frontend:today")
    return render(request, "frontend/accounts/welcome.html", {"form": form, **country_choice_context(form)})


@login_required
@require_POST
def start_diary(request):
    """A carer's account starts a diary of its own: then the first-run step, as for anyone signing up."""
    try:
        start_diary_for(user=request.user, timezone=request.POST.get("timezone", "UTC"))
    except ValidationError:
        start_diary_for(user=request.user, timezone="UTC")  # the first-run step asks for the zone anyway
    return redirect("frontend:welcome")


@require_POST
def sign_out(request):
    logout(request)
    return redirect("frontend:login")


@login_required
def delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        account_delete(user=user, password=form.cleaned_data["password"])
        return render(request, "frontend/accounts/deleted.html")
    return render(request, "frontend/accounts/delete.html", {"form": form})
