"""Properties of the alert engine over generated diaries (hypothesis)."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.rules.engine import analyse_day, check_log
from tracker.rules.types import DayEntry, PatientContext, Severity

HISTORY_DAYS = 120
# The day-to-day wobble a steady patient reports: one point either way on a 0-10 scale.
USUAL_NOISE = 1


@st.composite
def steady_diaries(draw):
    """A patient steady at their own levels, every day within the usual noise of them, today included."""
    left, right = draw(st.integers(2, 9)), draw(st.integers(2, 9))
    fatigue = draw(st.integers(1, 9))
    steps = draw(st.integers(1000, 12000))
    jitter = st.integers(-USUAL_NOISE, USUAL_NOISE)
    end = date(2026, 6, 30) + timedelta(days=draw(st.integers(0, 365)))
    skipped = draw(st.sets(st.integers(1, HISTORY_DAYS), max_size=HISTORY_DAYS // 4))
    days = [
        DayEntry(
            date=end - timedelta(days=offset),
            strength_left=left + draw(jitter),
            strength_right=right + draw(jitter),
            fatigue=fatigue + draw(jitter),
            steps=steps + draw(st.integers(-steps // 5, steps // 5)),
        )
        for offset in range(HISTORY_DAYS, -1, -1)
        if offset not in skipped
    ]
    patient = PatientContext(
        birth_year=draw(st.integers(1930, 2005)),
        sex=draw(st.sampled_from(["female", "male", "other", "unspecified"])),
        history=frozenset(draw(st.sets(st.sampled_from(["cancer", "diabetes", "spinal_surgery"])))),
    )
    return patient, days


@settings(max_examples=300, deadline=None)
@given(steady_diaries())
def test_jitter_within_a_patients_usual_noise_never_raises_an_emergency(diary):
    patient, days = diary
    for index in range(len(days) - 14, len(days)):
        findings = check_log(patient, days[:index], days[index])
        assert not [f for f in findings if f.severity == Severity.EMERGENCY], (days[index], findings)
    nightly = analyse_day(patient, days, days[-1].date)
    assert not [f for f in nightly if f.severity in (Severity.EMERGENCY, Severity.URGENT)], nightly
