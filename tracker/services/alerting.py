"""Turns the engine's findings into stored alerts, at save time and nightly.

The decisions are the pure functions of tracker.rules; this module only loads their
input, applies the re-alert policy against stored alerts and stores what is new.
"""

from dataclasses import asdict
from datetime import date, timedelta

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from tracker import sql
from tracker.models import Alert, DailyLog, Patient
from tracker.rules import engine
from tracker.rules.types import DayEntry, Finding, PatientContext
from tracker.selectors.alerts import prior_alerts
from tracker.selectors.logs import day_entry, history_before, patient_context
from tracker.selectors.rows import log_by_id, patient_by_id
from tracker.services import delivery


def triage_for_log(*, log: DailyLog) -> dict | None:
    """What the phone should say at once about this log, before any alert is stored."""
    patient = log.patient
    history = history_before(patient_id=patient.pk, day=log.date, days=engine.HISTORY_DAYS)
    top = engine.most_urgent(engine.check_log(patient_context(patient, as_of=log.date), history, day_entry(log)))
    if top is None:
        return None
    return {
        "severity": top.severity.value,
        "code": top.code,
        "advice": engine.advice(top.code, top.severity, patient.emergency_number),
        "emergency_number": patient.emergency_number,
    }


def check_saved_log(*, log_id: int) -> list[Alert]:
    log = log_by_id(log_id)
    if log is None:
        return []
    patient = log.patient = patient_by_id(log.patient_id)
    history = history_before(patient_id=patient.pk, day=log.date, days=engine.HISTORY_DAYS)
    today = day_entry(log)
    findings = engine.check_log(patient_context(patient, as_of=log.date), history, today)
    alerts = raise_alerts(
        patient=patient, findings=findings, raised_on=log.date, days=[*history, today], one_alert=True
    )
    _mark_checked(log)
    return alerts


def _mark_checked(log: DailyLog) -> None:
    """Record the check on this version of the log only: a correction saved meanwhile awaits its own."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {sql.table(DailyLog)} SET red_flags_checked_at = %s WHERE id = %s AND updated_at = %s",
            [sql.datetime_value(timezone.now()), log.pk, sql.datetime_value(log.updated_at)],
        )


def analyse_patient_day(
    *, patient: Patient, today: date, days: list[DayEntry], context: PatientContext | None = None
) -> list[Alert]:
    """`context`: the nightly run reads it for a whole chunk of patients at once."""
    findings = engine.analyse_day(context or patient_context(patient, as_of=today), days, today)
    return raise_alerts(patient=patient, findings=findings, raised_on=today, days=days)


def analysis_window_start(today: date) -> date:
    """Exclusive lower bound of the days analyse_day reads for `today`."""
    return today - timedelta(days=engine.ANALYSIS_WINDOW_DAYS)


def raise_alerts(
    *, patient: Patient, findings: list[Finding], raised_on: date, days: list[DayEntry], one_alert: bool = False
) -> list[Alert]:
    """`one_alert`: a saved entry raises at most one alert (its other findings ride along in its evidence)."""
    if not findings:
        return []
    prior = prior_alerts(patient_id=patient.pk, today=raised_on)
    to_raise = engine.alerts_to_raise(findings, prior, raised_on, one_alert=one_alert)
    if not to_raise:
        # Most nights a standing finding is held back by the re-alert policy: no hints to work out for it.
        return []
    hints = [asdict(hint) for hint in engine.pattern_hints(days)]
    raised = []
    for finding in to_raise:
        alert = _store_alert(patient, finding, raised_on, hints)
        if alert is not None:
            raised.append(alert)
    return raised


def _store_alert(patient: Patient, finding: Finding, raised_on: date, hints: list[dict]) -> Alert | None:
    """Store one alert; a retried task or a second worker hits the dedup key and stores nothing."""
    try:
        with transaction.atomic():
            alert = Alert.objects.create(
                patient=patient,
                code=finding.code,
                severity=finding.severity.value,
                raised_on=raised_on,
                evidence=finding.evidence,
                patient_text=finding.patient_text,
                physician_text=finding.physician_text,
                advice=engine.advice(finding.code, finding.severity, patient.emergency_number),
                hints=hints,
                dedup_key=f"{finding.code}:{finding.severity.value}:{raised_on.isoformat()}",
            )
            delivery.notify_alert(alert=alert)
            return alert
    except IntegrityError:
        return None


def acknowledge_alert(*, alert: Alert) -> Alert:
    """Mark an open alert as seen, which stops its escalation repeats; acknowledging twice changes nothing."""
    with transaction.atomic():
        Alert.objects.filter(pk=alert.pk, status=Alert.Status.OPEN).update(
            status=Alert.Status.ACKNOWLEDGED, acknowledged_at=timezone.now()
        )
        delivery.cancel_pending_for_alert(alert=alert)
    alert.refresh_from_db()
    return alert


def resolve_alert(*, alert: Alert) -> Alert:
    """Close an alert the patient has dealt with (seen a doctor, or it has passed); it counts as seen too."""
    now = timezone.now()
    with transaction.atomic():
        Alert.objects.filter(pk=alert.pk, acknowledged_at__isnull=True).update(acknowledged_at=now)
        Alert.objects.exclude(status=Alert.Status.RESOLVED).filter(pk=alert.pk).update(
            status=Alert.Status.RESOLVED, resolved_at=now
        )
        delivery.cancel_pending_for_alert(alert=alert)
    alert.refresh_from_db()
    return alert
