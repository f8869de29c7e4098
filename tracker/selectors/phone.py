"""Reads for the phone pages: what Today needs to work offline."""

from datetime import date

from tracker.models import DailyLog, Patient
from tracker.rules.engine import HISTORY_DAYS
from tracker.selectors.logs import history_before


def offline_check_inputs(*, patient: Patient, day: date) -> dict:
    """The save-time red-flag inputs for `day`, as plain JSON for the phone's own copy of the check."""
    history = history_before(patient_id=patient.pk, day=day, days=HISTORY_DAYS)
    return {
        "history": [
            {
                "date": entry.date.isoformat(),
                "strength_left": entry.strength_left,
                "strength_right": entry.strength_right,
                "numbness_extent": entry.numbness_extent,
                "symptoms": sorted(entry.symptoms),
            }
            for entry in history
        ],
        "patient": {"history": sorted(patient.history)},
        "emergency_number": patient.emergency_number,
    }


def log_on(*, patient: Patient, day: date) -> DailyLog | None:
    return DailyLog.objects.filter(patient=patient, date=day).first()


def recent_logs(*, patient: Patient, limit: int = 60) -> list[DailyLog]:
    return list(DailyLog.objects.filter(patient=patient).order_by("-date")[:limit])
