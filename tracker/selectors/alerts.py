from collections.abc import Iterable
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


# An emergency asks for action within hours and an urgent alert within the day: one raised before yesterday (the
# person's local dates) and not yet dealt with stays on Today as a reminder, no longer as a call to act now.
PRESSING_FOR_DAYS = 1


def unresolved_pressing_alerts(*, patient: Patient) -> tuple[list[Alert], list[Alert]]:
    """Urgent and emergency alerts not yet dealt with, the most severe first, then the newest: those raised today or
    yesterday (the person's dates, whatever day their entry was for), and those raised earlier."""
    alerts = Alert.objects.filter(patient=patient, severity__in=PRESSING_SEVERITIES).exclude(
        status=Alert.Status.RESOLVED
    )
    ordered = sorted(
        alerts, key=lambda alert: (-Severity(alert.severity).rank, -alert.raised_on.toordinal(), -alert.pk)
    )
    current = current_alert_ids(ordered, patient=patient)
    return [a for a in ordered if a.pk in current], [a for a in ordered if a.pk not in current]


def current_alert_ids(alerts: Iterable[Alert], *, patient: Patient) -> set[int]:
    """The alerts raised today or yesterday in the person's time zone (whatever day their entry was for): still a
    call to act. The others are shown by what they asked then."""
    since = patient.local_today() - timedelta(days=PRESSING_FOR_DAYS)
    return {alert.pk for alert in alerts if alert.created_at.astimezone(patient.zone).date() >= since}


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
