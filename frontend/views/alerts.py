from datetime import timedelta

from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from frontend.access import patient_required
from frontend.evidence import evidence_lines
from tracker.models import Alert
from tracker.rules.hints import HINT_LOOKBACK_DAYS
from tracker.selectors.alerts import alerts_for, current_alert_ids
from tracker.selectors.figures import period_figures
from tracker.services.alerting import acknowledge_alert, resolve_alert


@patient_required
def alert_list(request):
    patient = request.user.patient
    alerts = alerts_for(patient=patient)
    return render(
        request,
        "frontend/alerts/list.html",
        {
            "open_alerts": [a for a in alerts if a.status == Alert.Status.OPEN],
            "earlier_alerts": [a for a in alerts if a.status != Alert.Status.OPEN],
            "current_ids": current_alert_ids(alerts, patient=patient),
        },
    )


@patient_required
def alert_detail(request, pk: int):
    alert = get_object_or_404(alerts_for(patient=request.user.patient), pk=pk)
    # The days the alert's hints looked at, so its symptom counts cover the same days as its hints.
    figures = period_figures(
        patient=alert.patient,
        start=alert.raised_on - timedelta(days=HINT_LOOKBACK_DAYS - 1),
        end=alert.raised_on,
    )
    context = {
        "alert": alert,
        "evidence": evidence_lines(alert.evidence, figures),
        "current_ids": current_alert_ids([alert], patient=request.user.patient),
    }
    return render(request, "frontend/alerts/detail.html", context)


def _back(request, pk: int):
    """Today's buttons bring the person back to Today; the alert page's to the alert."""
    return redirect("frontend:today") if request.POST.get("back") == "today" else redirect("frontend:alert", pk=pk)


@patient_required
@require_POST
def acknowledge(request, pk: int):
    acknowledge_alert(alert=get_object_or_404(alerts_for(patient=request.user.patient), pk=pk))
    return _back(request, pk)


@patient_required
@require_POST
def resolve(request, pk: int):
    resolve_alert(alert=get_object_or_404(alerts_for(patient=request.user.patient), pk=pk))
    return _back(request, pk)
