from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from frontend.ratelimit import client_address
from tracker.countries import country_names
from tracker.models import Patient
from tracker.services.login_throttle import login_wait

PASSWORD_HINT = _("At least 8 characters; a short sentence is easy to remember.")

HISTORY_CHOICES = [
    ("cancer", _("Cancer, now or in the past")),
    ("spinal_surgery", _("An operation on my spine")),
    ("diabetes", _("Diabetes")),
]


class CarerSignUpForm(forms.Form):
    """An account without a diary: enough to follow someone who invited you."""

    username = forms.RegexField(
        r"^[\w.@+-]{3,150}$",
        label=_("Choose a user name"),
        help_text=_("3 or more letters or digits."),
        error_messages={
            "invalid": _("Use 3 to 150 letters or digits (and . @ + - _ if you like), with no spaces."),
            "required": _("Choose a user name."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        error_messages={
            "invalid": _("Enter an email address like name@example.org."),
            "required": _("Enter your email address."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label=_("Choose a password"),
        help_text=PASSWORD_HINT,
        error_messages={"required": _("Choose a password.")},
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )


class SignUpForm(CarerSignUpForm):
    timezone = forms.CharField(widget=forms.HiddenInput(attrs={"data-detect-timezone": ""}), initial="UTC")


class SignInForm(AuthenticationForm):
    """Django's sign-in form that says how long to wait, instead of "wrong password", while this address must."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if username and self.request is not None:
            wait = login_wait(username=username, remote_addr=client_address(self.request))
            if wait:
                raise forms.ValidationError(wait.message(), code="wait")
        return super().clean()


class CountryField(forms.ChoiceField):
    def to_python(self, value):
        return super().to_python(value).upper()


class WelcomeForm(forms.Form):
    timezone = forms.CharField(
        label=_("Your time zone"),
        help_text=_("We found this from your phone. A day ends at midnight here."),
        widget=forms.TextInput(attrs={"data-detect-timezone": "", "autocomplete": "off"}),
    )
    country = CountryField(
        label=_("Your country"),
        help_text=_("So we show the right number to call in an emergency. Change it if it is not where you live."),
        error_messages={"required": _("Choose your country, so we can show the right emergency number.")},
        widget=forms.Select(attrs={"autocomplete": "country", "data-emergency-country": ""}),
    )
    history = forms.MultipleChoiceField(
        label=_("Have you ever had any of these?"),
        help_text=_("They change how quickly some changes in your legs need a doctor. Leave them all empty if none."),
        choices=HISTORY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Choose your country")), *country_names().items()]


class ProfileForm(WelcomeForm):
    birth_year = forms.IntegerField(label=_("Year of birth"), min_value=1900, max_value=2100, required=False)
    sex = forms.ChoiceField(label=_("Sex"), choices=Patient.Sex.choices, required=False)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Type your password to delete your account and all your entries",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if authenticate(username=self.user.get_username(), password=password) is None:
            raise forms.ValidationError("That is not your password.")
        return password


class _NewPasswordInPlainWords:
    """Django's password forms with one short hint instead of the list of every validator's rule."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = PASSWORD_HINT
        self.fields["new_password2"].label = _("Type the new password again")
        self.fields["new_password2"].help_text = ""


class NewPasswordForm(_NewPasswordInPlainWords, SetPasswordForm):
    pass


class ChangePasswordForm(_NewPasswordInPlainWords, PasswordChangeForm):
    pass


class EmailChangeForm(forms.Form):
    email = forms.EmailField(
        label=_("New email address"),
        error_messages={
            "invalid": _("Enter an email address like name@example.org."),
            "required": _("Enter the new email address."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label=_("Your password"),
        help_text=_("To be sure it is you."),
        error_messages={"required": _("Type your password.")},
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class AcceptInvitationForm(forms.Form):
    token = forms.CharField(
        label=_("Invitation code"),
        help_text=_("The code in the email that invited you."),
        error_messages={
            "required": _("Enter the code from the invitation email."),
            "max_length": _("This is longer than an invitation code. Copy only the code from the email."),
        },
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}),
    )
