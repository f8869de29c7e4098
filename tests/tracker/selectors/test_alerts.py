"""Which unresolved urgent and emergency alerts Today shows as calls to act now, and which as reminders."""

from datetime import datetime, timedelta

import pytest

from tracker.models import Alert
from tracker.selectors.alerts import unresolved_pressing_alerts

pytestmark = pytest.mark.django_db


def _alert(patient, severity, code, created_days_ago, status="open"):
    raised_on = patient.local_today() - timedelta(days=created_days_ago)
    alert = Alert.objects.create(
        patient=patient,
        code=code,
        severity=severity,
        raised_on=raised_on,
        patient_text="x",
        physician_text="x",
        advice="x",
        status=status,
        dedup_key=f"{code}:{severity}:{raised_on}",
    )
    created = datetime.combine(raised_on, datetime.min.time().replace(hour=12), tzinfo=patient.zone)
    Alert.objects.filter(pk=alert.pk).update(created_at=created)
    return alert


def test_alerts_raised_today_or_yesterday_call_for_action_and_earlier_ones_remind(patient):
    today = _alert(patient, "urgent", "fall", 0)
    yesterday = _alert(patient, "emergency", "sudden_weakness", 1)
    earlier = _alert(patient, "emergency", "bladder_bowel", 3, status="acknowledged")
    _alert(patient, "urgent", "cord_compression", 5, status="resolved")
    _alert(patient, "soon", "worsening_trend", 0)

    current, reminders = unresolved_pressing_alerts(patient=patient)

    assert current == [yesterday, today], "the most severe first"
    assert reminders == [earlier]


def test_a_back_filled_day_raising_an_alert_now_is_current_whatever_day_it_is_for(patient):
    alert = _alert(patient, "emergency", "sudden_weakness", 0)
    Alert.objects.filter(pk=alert.pk).update(raised_on=patient.local_today() - timedelta(days=5))

    current, reminders = unresolved_pressing_alerts(patient=patient)

    assert [a.pk for a in current] == [alert.pk] and reminders == []
