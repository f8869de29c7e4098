"""Reads for the charts and the clinical summary: one pass over the logs of a period, plus its alerts and what
was recorded besides the logs."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from tracker.models import Alert, Patient
from tracker.rules.trends import ANALYSIS_WINDOW_DAYS, BASELINE_ENDS_DAYS_AGO
from tracker.rules.types import DayEntry
from tracker.selectors.logs import day_entries
from tracker.selectors.timeline import Timeline, timeline

CHART_RANGES = {"30": 30, "90": 90, "365": 365, "all": None}
_BEFORE_ANY_LOG = date(1900, 1, 1)


@dataclass(frozen=True, slots=True)
class AlertMark:
    date: date
    code: str
    severity: str
    status: str
    acknowledged_at: datetime | None


@dataclass(frozen=True, slots=True)
class ChartData:
    """Everything the figures and the summary of one period need, as plain data."""

    start: date
    end: date
    days: list[DayEntry]
    baseline_days: list[DayEntry]
    alerts: list[AlertMark]
    age: int | None
    sex: str
    # Treatments, tests and life events, drawn on every chart's time axis.
    timeline: Timeline = field(default_factory=Timeline)


def chart_data(*, patient: Patient, end: date, start: date | None = None, days: int | None = None) -> ChartData:
    """The period ending on `end`: from `start`, or the last `days` days, or (neither) since the first log.

    The baseline is the engine's: the days from 120 to 28 days before `end` (tracker.rules.trends), so the
    band drawn is the usual level the nightly analysis compares against.
    """
    if start is None and days is not None:
        start = end - timedelta(days=days - 1)
    baseline_start = end - timedelta(days=ANALYSIS_WINDOW_DAYS - 1)
    baseline_end = end - timedelta(days=BASELINE_ENDS_DAYS_AGO)
    read_from = min(start, baseline_start) if start else _BEFORE_ANY_LOG
    rows = day_entries(patient_id=patient.pk, after=read_from - timedelta(days=1), through=end)
    if start is None:
        start = rows[0].date if rows else end
    alerts = [
        AlertMark(*row)
        for row in Alert.objects.filter(patient=patient, raised_on__gte=start, raised_on__lte=end)
        .order_by("raised_on", "id")
        .values_list("raised_on", "code", "severity", "status", "acknowledged_at")
    ]
    return ChartData(
        start=start,
        end=end,
        days=[d for d in rows if d.date >= start],
        baseline_days=[d for d in rows if baseline_start <= d.date <= baseline_end],
        alerts=alerts,
        age=end.year - patient.birth_year if patient.birth_year else None,
        sex=patient.sex,
        timeline=timeline(patient=patient, start=start, end=end),
    )
