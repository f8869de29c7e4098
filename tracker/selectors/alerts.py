from datetime import date, timedelta

from django.db.models import QuerySet

from tracker.models import Alert, Patient
from tracker.rules.realert import PRIOR_ALERT_LOOKBACK_DAYS
from tracker.rules.types import PriorAlert, Severity, told_alerts


def alerts_for(*, patient: Patient, status: str | None = None) -> QuerySet[Alert]:
    alerts = Alert.objects.filter(patient=patient)
    if status:
        alerts = alerts.filter(status=status)
    return alerts


def prior_alerts(*, patient_id: int, today: date) -> list[PriorAlert]:
    rows = Alert.objects.filter(
        patient_id=patient_id, raised_on__gt=today - timedelta(days=PRIOR_ALERT_LOOKBACK_DAYS)
    ).values_list("code", "severity", "raised_on", "status", "evidence")
    return [
        prior
        for code, severity, day, status, evidence in rows
        for prior in told_alerts(code, Severity(severity), day, status, evidence or {})
    ]
