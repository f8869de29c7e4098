"""The account page (email, password, devices) for everyone signed in, and recovering an account signed out.

Password change and reset are Django's own views and forms; what they add here is that every other sign-in
ends, a reset proves the email address, and reset requests are rate-limited.
"""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frontend.forms import ChangePasswordForm, EmailChangeForm, NewPasswordForm
from frontend.ratelimit import (
    PASSWORD_RESET_PER_ADDRESS,
    PASSWORD_RESET_PER_EMAIL,
    VERIFICATION_PER_ACCOUNT,
    request_address,
    spend_all,
    wait_message,
)
from tracker.selectors.accounts import email_is_verified
from tracker.selectors.devices import devices_of
from tracker.services import accounts
from tracker.services.devices import device_sign_out, end_other_sign_ins
from tracker.services.email_verification import mark_email_verified, verify_email


@login_required
def account(request):
    return render(
        request,
        "frontend/account/account.html",
        {
            "email_verified": email_is_verified(request.user),
            "devices": devices_of(request.user, current_session_key=request.session.session_key),
        },
    )


@login_required
@require_POST
def send_verification(request):
    wait = spend_all((VERIFICATION_PER_ACCOUNT, str(request.user.pk)))
    if wait:
        messages.error(request, wait_message(wait))
    else:
        accounts.request_email_verification(user=request.user)
        sent = _("We sent a new link to %(email)s. Open it on any device.") % {"email": request.user.email}
        messages.success(request, sent)
    return redirect("frontend:account")


@login_required
@require_POST
def sign_out_device(request, device_id):
    if device_sign_out(user=request.user, public_id=device_id):
        messages.success(request, _("That device is signed out. It needs the password to come back."))
    return redirect("frontend:account")


@login_required
def change_email(request):
    form = EmailChangeForm(request.POST or None, initial={"email": request.user.email})
    if request.method == "POST" and form.is_valid():
        try:
            accounts.email_change(user=request.user, **form.cleaned_data, keep_session_key=request.session.session_key)
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            messages.success(
                request,
                _("Your email address is now %(email)s. Open the link we sent there to confirm it.")
                % {"email": request.user.email},
            )
            return redirect("frontend:account")
    return render(request, "frontend/account/email.html", {"form": form})


def verify(request, token: str):
    try:
        user = verify_email(token)
    except ValidationError as error:
        return render(request, "frontend/account/verified.html", {"error": " ".join(error.messages)}, status=400)
    return render(request, "frontend/account/verified.html", {"verified_user": user})


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "frontend/account/password_change.html"
    form_class = ChangePasswordForm
    success_url = reverse_lazy("frontend:account")

    def form_valid(self, form):
        response = super().form_valid(form)  # saves, and keeps this browser signed in
        end_other_sign_ins(user=form.user, keep_session_key=self.request.session.session_key)
        messages.success(self.request, _("Your password is changed. Other phones and computers are signed out."))
        return response


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's form, sending from a worker so the answer takes as long whether the address has an account or not."""

    def save(self, **kwargs):
        accounts.request_password_reset(email=self.cleaned_data["email"])


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "frontend/account/password_reset.html"
    form_class = QueuedPasswordResetForm
    success_url = reverse_lazy("frontend:password-reset-sent")

    def form_valid(self, form):
        wait = spend_all(
            (PASSWORD_RESET_PER_ADDRESS, request_address(self.request)),
            (PASSWORD_RESET_PER_EMAIL, form.cleaned_data["email"].lower()),
        )
        if wait:
            form.add_error(None, wait_message(wait))
            return self.form_invalid(form)
        return super().form_valid(form)


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "frontend/account/password_reset_sent.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "frontend/account/password_reset_confirm.html"
    form_class = NewPasswordForm
    success_url = reverse_lazy("frontend:password-reset-complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        mark_email_verified(form.user)  # the link came to that address
        end_other_sign_ins(user=form.user)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "frontend/account/password_reset_complete.html"
