from datetime import date, timedelta

from django.db.models import QuerySet

from tracker.models import Alert, Patient
from tracker.rules.realert import PRIOR_ALERT_LOOKBACK_DAYS
from tracker.rules.types import PRESSING_SEVERITIES, PriorAlert, Severity, told_alerts


def alerts_for(*, patient: Patient, status: str | None = None) -> QuerySet[Alert]:
    alerts = Alert.objects.filter(patient=patient)
    if status:
        alerts = alerts.filter(status=status)
    return alerts


def unresolved_pressing_alerts(*, patient: Patient) -> list[Alert]:
    """Urgent and emergency alerts not yet dealt with, the most severe first, then the newest."""
    alerts = Alert.objects.filter(patient=patient, severity__in=PRESSING_SEVERITIES).exclude(
        status=Alert.Status.RESOLVED
    )
    return sorted(alerts, key=lambda alert: (-Severity(alert.severity).rank, -alert.raised_on.toordinal(), -alert.pk))


def open_alert_count(*, patient_id: int) -> int:
    return Alert.objects.filter(patient_id=patient_id, status=Alert.Status.OPEN).count()


def red_flag_days(*, patient: Patient, days: list[date]) -> set[date]:
    """Which of `days` raised an urgent or emergency alert."""
    return set(
        Alert.objects.filter(patient=patient, raised_on__in=days, severity__in=PRESSING_SEVERITIES).values_list(
            "raised_on", flat=True
        )
    )


def prior_alerts(*, patient_id: int, today: date) -> list[PriorAlert]:
    rows = Alert.objects.filter(
        patient_id=patient_id, raised_on__gt=today - timedelta(days=PRIOR_ALERT_LOOKBACK_DAYS)
    ).values_list("code", "severity", "raised_on", "status", "evidence")
    return [
        prior
        for code, severity, day, status, evidence in rows
        for prior in told_alerts(code, Severity(severity), day, status, evidence or {})
    ]
