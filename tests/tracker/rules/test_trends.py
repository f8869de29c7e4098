from datetime import date, timedelta

from tracker.rules.engine import ANALYSIS_WINDOW_DAYS, analyse_day
from tracker.rules.types import DayEntry, PatientContext, Severity

START = date(2025, 1, 1)
WOBBLE = (0, 1, 0, -1, 0, 0, 1, -1, 0)


def diary(
    days=120,
    left=lambda i: 8,
    right=lambda i: 8,
    fatigue=lambda i: 3,
    steps=lambda i: 6000,
    chair=lambda i: 12,
    skip=lambda i: False,
):
    return [
        DayEntry(
            date=START + timedelta(days=i),
            strength_left=round(left(i)) + WOBBLE[i % 9],
            strength_right=round(right(i)) - WOBBLE[(i + 3) % 9],
            fatigue=round(fatigue(i)) + WOBBLE[(i + 5) % 9],
            steps=round(steps(i)),
            chair_stand_30s=round(chair(i)) + WOBBLE[i % 9] if i % 3 == 0 else None,
        )
        for i in range(days)
        if not skip(i)
    ]


def found(days, patient=None):
    patient = patient or PatientContext()
    today = START + timedelta(days=119)
    window = [d for d in days if d.date > today - timedelta(days=ANALYSIS_WINDOW_DAYS)]
    return {f.code: f.severity for f in analyse_day(patient, window, today)}


def test_stable_diary_raises_nothing():
    assert found(diary()) == {}


def test_strength_declining_over_weeks_is_a_worsening_trend():
    days = diary(left=lambda i: 8 - max(0, i - 80) * 0.1, right=lambda i: 8 - max(0, i - 80) * 0.1)
    assert found(days)["worsening_trend"] is Severity.SOON


def test_chair_stand_declining_over_weeks_is_a_worsening_trend():
    assert "worsening_trend" in found(diary(chair=lambda i: 13 - max(0, i - 75) * 0.1))


def test_slow_drift_below_meaningful_change_raises_nothing():
    assert found(diary(left=lambda i: 8 - i / 120, right=lambda i: 8 - i / 120)) == {}


def test_recovery_after_injury_raises_nothing():
    rising = diary(
        left=lambda i: 4 + min(4, i / 15),
        chair=lambda i: 8 + min(4, i / 15),
        steps=lambda i: 2000 + min(4000, i * 60),
    )
    assert {code for code, sev in found(rising).items() if sev.rank >= Severity.SOON.rank} == set()


def test_new_one_sided_difference_is_asymmetry_but_long_standing_is_not():
    assert "asymmetry" in found(diary(left=lambda i: 8 if i < 95 else 5)) or "worsening_trend" in found(
        diary(left=lambda i: 8 if i < 95 else 5)
    )
    assert found(diary(left=lambda i: 4)) == {}


def test_rising_fatigue_is_a_fatigue_trend_but_chronic_high_fatigue_is_not():
    assert found(diary(fatigue=lambda i: 3 + max(0, i - 85) * 0.12))["fatigue_trend"] is Severity.SOON
    assert found(diary(fatigue=lambda i: 7 + (i * 7 % 5 - 2) * 0.8)) == {}


def test_logging_gap_raises_nothing():
    assert found(diary(skip=lambda i: 70 <= i < 90)) == {}


def test_weekend_step_dips_are_not_an_activity_drop():
    weekly = diary(steps=lambda i: 2000 if (START + timedelta(days=i)).weekday() >= 5 else 7000)
    assert "activity_drop" not in found(weekly)


def test_a_week_of_collapsed_steps_is_an_activity_drop_at_info():
    assert found(diary(steps=lambda i: 6000 if i < 112 else 1500))["activity_drop"] is Severity.INFO


def test_repeated_crashes_after_busy_days_are_post_exertional_at_info():
    busy = {70, 84, 98, 112}
    days = diary(
        steps=lambda i: 15000 if i in busy else 5000,
        fatigue=lambda i: 7 if (i - 1 in busy or i - 2 in busy) else 3,
    )
    assert found(days)["post_exertional"] is Severity.INFO


def test_known_cancer_with_weakening_legs_is_cord_compression():
    days = diary(left=lambda i: 8 - max(0, i - 80) * 0.1, right=lambda i: 8 - max(0, i - 80) * 0.1)
    assert found(days, PatientContext(history=frozenset({"cancer"})))["cord_compression"] is Severity.URGENT


def test_runs_on_a_day_without_a_log_and_on_an_empty_window():
    assert analyse_day(PatientContext(), [], START) == []
    assert found(diary(skip=lambda i: i == 119)) == {}


def test_slow_chair_stand_decline_tested_every_four_days_is_found_within_seven_weeks():
    # 0.08 stands a day from day 75, so only 3.5 stands down by today (day 119), tested on a quarter of the days.
    days = [
        d._replace(chair_stand_30s=None if i % 4 else round(12 + WOBBLE[i % 9] - max(0, i - 75) * 0.08))
        for i, d in enumerate(diary())
    ]
    assert "worsening_trend" in found(days)


def test_one_low_chair_stand_is_not_a_decline():
    days = diary(chair=lambda i: 5 if i == 117 else 12)
    assert "worsening_trend" not in found(days)


def test_post_exertional_crashes_are_found_when_step_counts_vary_a_lot():
    busy = {75, 90, 104}
    noisy_steps = (5000, 6500, 4000, 9000, 4500, 6000, 3500, 8600, 5200, 4200, 5600)
    days = diary(
        steps=lambda i: 14000 if i in busy else noisy_steps[i % 11],
        fatigue=lambda i: 6 if (i - 2 in busy) else 3,
    )
    assert found(days)["post_exertional"] is Severity.INFO


def test_fatigue_peaks_unrelated_to_busy_days_are_not_post_exertional():
    noisy_steps = (5000, 8500, 3000, 9000, 4000, 6000, 2500, 8800, 5200, 3500, 8400)
    days = diary(steps=lambda i: noisy_steps[i % 11], fatigue=lambda i: 6 if i % 5 == 0 else 3)
    assert "post_exertional" not in found(days)
