"""A carer's pages: accepting an invitation, and a read-only view of each person who invited them."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from frontend.access import audited_patient
from frontend.chart_links import chart_links
from frontend.forms import AcceptInvitationForm
from frontend.views.invitations import remember_invitation
from tracker.models import Alert
from tracker.selectors.access import followed_patients
from tracker.selectors.alerts import alerts_for, current_alert_ids
from tracker.selectors.logs import last_logged_on
from tracker.services.caregivers import accept_invitation

RECENT_ALERTS_SHOWN = 20


def following(request):
    if "code" in request.GET:
        # The link in invitation emails sent before /invite/ existed.
        return remember_invitation(request, request.GET["code"])
    return _following(request)


@login_required
def _following(request):
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            link = accept_invitation(user=request.user, token=form.cleaned_data["token"].strip())
        except ValidationError as error:
            form.add_error("token", error.message_dict.get("token", error.messages))
        else:
            return redirect("frontend:followed-patient", patient_id=link.patient_id)
    return render(
        request,
        "frontend/following/list.html",
        {"patients": followed_patients(request.user).order_by("user__username"), "form": form},
    )


@login_required
def followed_patient(request, patient_id: int):
    patient = audited_patient(request, patient_id, "alerts and charts")
    alerts = list(alerts_for(patient=patient).order_by("-raised_on", "-pk")[:RECENT_ALERTS_SHOWN])
    return render(
        request,
        "frontend/following/patient.html",
        {
            "patient": patient,
            "open_alerts": [a for a in alerts if a.status == Alert.Status.OPEN],
            "earlier_alerts": [a for a in alerts if a.status != Alert.Status.OPEN],
            "current_ids": current_alert_ids(alerts, patient=patient),
            "last_logged": last_logged_on(patient=patient),
            **chart_links(request, "api:patient-chart", patient.pk),
        },
    )
