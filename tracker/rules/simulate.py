"""`manage.py replay` without a database: the same alerts, in the same order, from the engine's pure functions.

For each simulated day, oldest first, the day's log (if any) gets the save-time check against the logs of the
HISTORY_DAYS before it, then the nightly analysis runs for that date over the logs of its window; each check's
findings go through the same re-alert policy (tracker.rules.realert.alerts_to_raise) against the alerts raised
within PRIOR_ALERT_LOOKBACK_DAYS, as tracker.services.alerting does with stored alerts. Sweeps and evaluations
replay thousands of diaries through this; tests/tracker/rules/test_simulate.py holds it to the database path
line for line.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from tracker.diaries import Diary, read_diary

from . import engine
from .types import DayEntry, Finding, PatientContext, PriorAlert, told_alerts


def replay_alerts(raw: dict) -> Iterator[dict]:
    """Yield each alert the diary raises, in order, as {"scenario", "date", "code", "severity"}."""
    diary = read_diary(raw)
    scenario_id = diary.id
    patient = diary_patient(diary)
    entries = diary_entries(diary)
    if not entries:
        return
    dates = [entry.date for entry in entries]
    raised: list[PriorAlert] = []
    stored_keys: set[tuple[str, str, date]] = set()

    def raise_alerts(findings: list[Finding], today: date, one_alert: bool = False) -> Iterator[dict]:
        if not findings:
            return
        since = today - timedelta(days=engine.PRIOR_ALERT_LOOKBACK_DAYS)
        prior = [alert for alert in raised if alert.raised_on > since]
        for finding in engine.alerts_to_raise(findings, prior, today, one_alert=one_alert):
            # The database's dedup key (code, severity, date) stores an alert at most once.
            key = (finding.code, finding.severity.value, today)
            if key in stored_keys:
                continue
            stored_keys.add(key)
            raised.extend(told_alerts(finding.code, finding.severity, today, "open", finding.evidence))
            yield {"scenario": scenario_id, "date": today.isoformat(), "code": finding.code, "severity": key[1]}

    day, last_day = dates[0], dates[-1]
    while day <= last_day:
        index = bisect_left(dates, day)
        if index < len(dates) and dates[index] == day:
            history = _between(entries, dates, day - timedelta(days=engine.HISTORY_DAYS), day - timedelta(days=1))
            yield from raise_alerts(engine.check_log(patient, history, entries[index]), day, one_alert=True)
        window = _between(entries, dates, day - timedelta(days=engine.ANALYSIS_WINDOW_DAYS - 1), day)
        yield from raise_alerts(engine.analyse_day(patient, window, day), day)
        day += timedelta(days=1)


def diary_patient(diary: Diary) -> PatientContext:
    """The patient as tracker.selectors.logs.patient_context reads the one `manage.py replay` creates."""
    return PatientContext(birth_year=diary.birth_year, sex=diary.sex, history=frozenset(diary.history))


def diary_entries(diary: Diary) -> list[DayEntry]:
    """The diary's days as the engine reads them back from the database, oldest first."""
    return [
        DayEntry(
            date=day,
            strength_left=values["strength_left"],
            strength_right=values["strength_right"],
            fatigue=values["fatigue"],
            steps=values["steps"],
            chair_stand_30s=values["chair_stand_30s"],
            numbness_extent=values["numbness_extent"],
            symptoms=frozenset(values["symptoms"]),
        )
        for day, values in diary.days
    ]


def _between(entries: Sequence[DayEntry], dates: Sequence[date], first: date, last: date) -> list[DayEntry]:
    return list(entries[bisect_left(dates, first) : bisect_right(dates, last)])
