"""Pages whose content is fixed or fetched by their own script: Learn, More, Charts, Sharing, Settings."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie

from frontend.access import patient_required
from frontend.chart_links import chart_links
from frontend.emergency import country_choice_context
from frontend.forms import ProfileForm
from tracker.rules.advice import advice
from tracker.rules.types import Severity
from tracker.selectors.notifications import unread_count
from tracker.services.patients import update_profile


def learn(request):
    """The warning signs say what to do in the very words the alerts use (tracker/rules/advice.py)."""
    patient = getattr(request.user, "patient", None)
    number = patient.emergency_number if patient is not None else _("your emergency number")
    what_to_do = {
        "stroke": advice("sudden_weakness", Severity.EMERGENCY, number),
        "cauda_equina_with_weakness": advice("bladder_bowel", Severity.EMERGENCY, number),
        "cauda_equina": advice("bladder_bowel", Severity.URGENT, number),
        "spreading": advice("rapid_progression", Severity.URGENT, number),
        "cancer": advice("cord_compression", Severity.URGENT, number),
        "fall": advice("fall", Severity.SOON, number),
        "fall_with_weakness": advice("fall", Severity.URGENT, number),
    }
    return render(request, "frontend/pages/learn.html", {"what_to_do": what_to_do})


@login_required
def more(request):
    return render(request, "frontend/pages/more.html", {"unread_messages": unread_count(user=request.user)})


@patient_required
def charts(request):
    return render(request, "frontend/pages/charts.html", chart_links(request, "api:chart"))


@patient_required
@ensure_csrf_cookie
def sharing(request):
    return render(request, "frontend/pages/sharing.html")


@patient_required
@ensure_csrf_cookie
def settings(request):
    patient = request.user.patient
    initial = {
        "timezone": patient.timezone,
        "country": patient.emergency_country,
        "birth_year": patient.birth_year,
        "sex": patient.sex,
        "history": patient.history,
    }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            update_profile(patient=patient, **form.cleaned_data)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                form.add_error(field if field in form.fields else None, messages)
        else:
            return redirect("frontend:settings")
    return render(
        request, "frontend/pages/settings.html", {"form": form, "patient": patient, **country_choice_context(form)}
    )
