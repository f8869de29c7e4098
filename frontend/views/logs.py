"""Today (the home page) and History: both draw the same log form, which saves through the outbox."""

from datetime import date, timedelta

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie

from frontend.access import carers_go_to_following, patient_required
from tracker.rules.clinical import CAUDA_EQUINA_SYMPTOMS, STROKE_SIGNS
from tracker.selectors.alerts import red_flag_days, unresolved_pressing_alerts
from tracker.selectors.phone import history_page, log_on, offline_check_inputs
from tracker.stroke_questions import STROKE_QUESTIONS, when_to_ask
from tracker.symptoms import SYMPTOM_LABELS

# Shown first under "More about today", so the signs that cannot wait are found before the everyday ones.
WARNING_SIGNS = CAUDA_EQUINA_SYMPTOMS | STROKE_SIGNS | {"sudden_onset"}

NUMBNESS_CHOICES = (
    (0, "No numbness"),
    (1, "Toes or feet"),
    (2, "Up to the ankles"),
    (3, "Up to the calves or knees"),
    (4, "Thighs or higher"),
)


def _form_context(request, day: date, *, editing: bool) -> dict:
    patient = request.user.patient
    log = log_on(patient=patient, day=day)
    yesterday = log_on(patient=patient, day=day - timedelta(days=1))
    flagged = red_flag_days(patient=patient, days=[day, day - timedelta(days=1)])
    return {
        "day": day,
        "editing": editing,
        "log": log,
        "values": log.values() | {"symptoms": log.symptoms, "client_id": str(log.client_id)} if log else None,
        "yesterday": yesterday.values() | {"symptoms": yesterday.symptoms} if yesterday else None,
        # Copying a day that called for help would carry its warning signs into today unnoticed.
        "yesterday_red_flag": day - timedelta(days=1) in flagged,
        "day_red_flag": log is not None and day in flagged,
        "offline_inputs": offline_check_inputs(patient=patient, day=day) | {"timezone": patient.timezone},
        "ratings": range(11),
        "warning_signs": [(name, label) for name, label in SYMPTOM_LABELS.items() if name in WARNING_SIGNS],
        "other_symptoms": [(name, label) for name, label in SYMPTOM_LABELS.items() if name not in WARNING_SIGNS],
        "numbness_choices": NUMBNESS_CHOICES,
        "emergency_number": patient.emergency_number,
        "stroke_questions": STROKE_QUESTIONS,
        "when_to_ask_stroke_questions": when_to_ask(),
    }


@carers_go_to_following
@patient_required
@ensure_csrf_cookie
def today(request):
    patient = request.user.patient
    context = _form_context(request, patient.local_today(), editing=False)
    context["pressing_alerts"], context["earlier_pressing_alerts"] = unresolved_pressing_alerts(patient=patient)
    return render(request, "frontend/logs/today.html", context)


def _parse_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value or "")
    except ValueError:
        return None


@patient_required
def history(request, add_day_error: str = ""):
    patient = request.user.patient
    before = _parse_day(request.GET.get("before"))
    page = history_page(patient=patient, before=before)
    context = {
        "logs": page.logs,
        "older_than": page.older_than,
        "earlier_page": before is not None,
        "yesterday": patient.local_today() - timedelta(days=1),
        "add_day_error": add_day_error,
    }
    return render(request, "frontend/logs/history.html", context, status=400 if add_day_error else 200)


@patient_required
def add_day(request):
    """'Add a missed day': the picked day's own page, Today's for today; a day to come is refused in words."""
    day = _parse_day(request.GET.get("day"))
    today = request.user.patient.local_today()
    if day is None:
        return history(request, add_day_error=_("Choose the day you missed, for example 3 March."))
    if day > today:
        return history(request, add_day_error=_("Choose a day that has already been: today or before."))
    if day == today:
        return redirect("frontend:today")
    return redirect("frontend:edit-day", day=day.isoformat())


@patient_required
@ensure_csrf_cookie
def edit_day(request, day: str):
    parsed = _parse_day(day)
    if parsed is None or parsed > request.user.patient.local_today():
        raise Http404
    return render(request, "frontend/logs/today.html", _form_context(request, parsed, editing=True))
