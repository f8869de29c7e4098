from datetime import date, timedelta

from django.db.models import QuerySet

from tracker.models import Alert, Patient
from tracker.rules.realert import PRIOR_ALERT_LOOKBACK_DAYS
from tracker.rules.types import PriorAlert, Severity


def alerts_for(*, patient: Patient, status: str | None = None) -> QuerySet[Alert]:
    alerts = Alert.objects.filter(patient=patient)
    if status:
        alerts = alerts.filter(status=status)
    return alerts


def prior_alerts(*, patient_id: int, today: date) -> list[PriorAlert]:
    rows = Alert.objects.filter(
        patient_id=patient_id, raised_on__gt=today - timedelta(days=PRIOR_ALERT_LOOKBACK_DAYS)
    ).values_list("code", "severity", "raised_on", "status")
    return [
        PriorAlert(code=code, severity=Severity(sev), raised_on=day, status=status) for code, sev, day, status in rows
    ]
