"""Sign up, sign in, the first-run step and deleting an account."""

from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_POST

from frontend.access import patient_required
from frontend.forms import DeleteAccountForm, SignInForm, SignUpForm, WelcomeForm
from tracker.services.accounts import account_delete
from tracker.services.patients import register_patient, update_profile


class SignInView(LoginView):
    template_name = "frontend/accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


def _add_errors(form, error: ValidationError) -> None:
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


def signup(request):
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            patient = register_patient(**form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            login(request, patient.user)
            return redirect("frontend:welcome")
    return render(request, "frontend/accounts/signup.html", {"form": form})


@patient_required
@ensure_csrf_cookie
def welcome(request):
    patient = request.user.patient
    form = WelcomeForm(request.POST or None, initial={"timezone": patient.timezone, "country": patient.country})
    if request.method == "POST" and form.is_valid():
        try:
            update_profile(patient=patient, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return redirect("frontend:today")
    return render(request, "frontend/accounts/welcome.html", {"form": form})


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
