"""Reads for the phone pages: what Today needs to work offline."""

from dataclasses import dataclass
from datetime import date

from tracker.models import DailyLog, Patient
from tracker.rules.advice import SAVE_TIME_CODES, advice_table
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
                "fatigue": entry.fatigue,
                "steps": entry.steps,
                "numbness_extent": entry.numbness_extent,
                "symptoms": sorted(entry.symptoms),
            }
            for entry in history
        ],
        "patient": {"history": sorted(patient.history)},
        "emergency_number": patient.emergency_number,
        # The phone shows the server's words for what it finds itself (tracker/rules/advice.py).
        "advice": advice_table(SAVE_TIME_CODES, patient.emergency_number),
    }


def log_on(*, patient: Patient, day: date) -> DailyLog | None:
    return DailyLog.objects.filter(patient=patient, date=day).first()


# One screenful and a bit: the rest comes a page at a time as the person scrolls.
HISTORY_PAGE_SIZE = 60


@dataclass(frozen=True)
class HistoryPage:
    logs: list[DailyLog]
    older_than: date | None  # where the next, older page starts; None on the last page


def history_page(*, patient: Patient, before: date | None = None, size: int = HISTORY_PAGE_SIZE) -> HistoryPage:
    """The patient's logs newest first, `size` at a time, each page starting before the oldest day of the last."""
    logs = DailyLog.objects.filter(patient=patient)
    if before is not None:
        logs = logs.filter(date__lt=before)
    rows = list(logs.order_by("-date")[: size + 1])
    return HistoryPage(logs=rows[:size], older_than=rows[size - 1].date if len(rows) > size else None)
