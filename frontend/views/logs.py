"""Today (the home page) and History: both draw the same log form, which saves through the outbox."""

from datetime import date, timedelta

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.csrf import ensure_csrf_cookie

from frontend.access import carers_go_to_following, patient_required
from tracker.rules.clinical import CAUDA_EQUINA_SYMPTOMS, STROKE_SIGNS
from tracker.selectors.phone import log_on, offline_check_inputs, recent_logs
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
    return {
        "day": day,
        "editing": editing,
        "log": log,
        "values": log.values() | {"symptoms": log.symptoms, "client_id": str(log.client_id)} if log else None,
        "yesterday": yesterday.values() | {"symptoms": yesterday.symptoms} if yesterday else None,
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
    day = request.user.patient.local_today()
    return render(request, "frontend/logs/today.html", _form_context(request, day, editing=False))


@patient_required
def history(request):
    return render(request, "frontend/logs/history.html", {"logs": recent_logs(patient=request.user.patient)})


@patient_required
@ensure_csrf_cookie
def edit_day(request, day: str):
    try:
        parsed = date.fromisoformat(day)
    except ValueError:
        raise Http404 from None
    if parsed > request.user.patient.local_today():
        raise Http404
    return render(request, "frontend/logs/today.html", _form_context(request, parsed, editing=True))
