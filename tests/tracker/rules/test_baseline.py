import random
from math import sqrt

from tracker.rules.baseline import (
    autocorrelations,
    background_symptoms,
    change_z,
    falling_hinge,
    halfway_below,
    interquartile_mean,
    level_of,
    mean_variance_factor,
    median,
    normal_equivalent,
    unbiased_lag1,
)


def test_median_and_interquartile_mean_ignore_a_wild_day():
    values = [7, 7, 8, 7, 7, 0, 8, 7]
    assert median(values) == 7
    assert 7 <= interquartile_mean(values) <= 7.5


def test_noise_never_collapses_to_zero_for_repeating_ratings():
    assert level_of([8] * 30).noise == 0.5


def test_noisier_patients_get_larger_noise():
    calm = level_of([7, 7, 8, 7, 6, 7, 7, 8, 7, 7])
    wandering = level_of([5, 9, 7, 6, 9, 5, 8, 7, 9, 5])
    assert wandering.noise > calm.noise


def test_background_symptoms_are_the_frequent_ones():
    from datetime import date, timedelta

    from tracker.rules.types import DayEntry

    days = [
        DayEntry(
            date=date(2025, 1, 1) + timedelta(days=i),
            strength_left=7,
            strength_right=7,
            fatigue=3,
            symptoms=frozenset({"cramps"} if i % 3 == 0 else set()) | ({"fall"} if i == 5 else set()),
        )
        for i in range(30)
    ]
    assert background_symptoms(days) == frozenset({"cramps"})


def test_noise_of_whole_number_ratings_counts_the_one_point_wobble():
    # Mostly 7 with a one-point wobble on 40% of days: an SD of about 0.65, not the 0.5 floor.
    ratings = [7, 8, 7, 6, 7, 7, 8, 7, 6, 7] * 5
    assert 0.6 <= level_of(ratings).noise <= 0.7


def test_one_wild_day_moves_the_noise_only_a_little():
    ratings = [7, 8, 7, 6, 7, 7, 8, 7, 6, 7] * 5
    assert level_of([*ratings, 0]).noise - level_of(ratings).noise < 0.15


def test_falling_hinge_finds_a_decline_and_its_start_but_not_a_flat_series():
    baseline = level_of([12, 11, 13, 12, 12, 11, 13, 12, 12, 13])
    falling = [(float(age), 12 - 0.1 * max(0, 40 - age)) for age in range(0, 56, 3)]
    flat = [(float(age), 12 + (1 if age % 2 else -1)) for age in range(0, 56, 3)]
    hinge = falling_hinge(falling, baseline, 4, 2.5)
    assert hinge.z > 4 and 3 < hinge.drop_today < 5 and 36 <= hinge.days_ago <= 45
    assert falling_hinge(flat, baseline, 4, 2.5).z < 2


def test_persistent_days_are_worth_fewer_independent_days_and_widen_the_noise():
    independent = [8, 7, 9, 8, 7, 9, 8, 8, 7, 9] * 4
    spells = [8] * 10 + [7] * 10 + [9] * 10 + [8] * 10
    calm, persistent = level_of(independent), level_of(spells)
    assert persistent.persistence > calm.persistence >= 0.3
    assert persistent.effective_count < calm.effective_count < 40
    assert persistent.noise > calm.noise * 0.9


def test_chair_stand_tests_days_apart_are_independent_even_with_a_learning_trend():
    assert level_of([9, 9, 10, 10, 11, 11, 12, 12], independent=True).persistence == 0.0


def test_mean_variance_factor_matches_its_sum_and_grows_with_persistence():
    direct = 1 + 2 * sum((1 - k / 10) * 0.5**k for k in range(1, 10))
    assert abs(mean_variance_factor(0.5, 10) - direct) < 1e-12
    assert mean_variance_factor(0.0, 10) == 1.0 < mean_variance_factor(0.3, 10) < mean_variance_factor(0.8, 10)


def test_mean_variance_factor_with_a_slower_decay_is_that_of_a_lasting_spell_plus_independent_error():
    persistence, decay = 0.4, 0.8
    lags = [persistence * decay ** (k - 1) for k in range(1, 14)]
    direct = 1 + 2 * sum((1 - k / 14) * lags[k - 1] for k in range(1, 14))
    assert abs(mean_variance_factor(persistence, 14, decay) - direct) < 1e-12
    assert mean_variance_factor(persistence, 14, decay) > mean_variance_factor(persistence, 14)
    assert mean_variance_factor(persistence, 14, persistence) == mean_variance_factor(persistence, 14)


def spell_and_answer_error(rng, days, decay, spell_sd, error_sd):
    """Whole-number ratings of a lasting AR(1) spell seen through independent answer error."""
    spell, values = 0.0, []
    for _ in range(days):
        spell = decay * spell + rng.gauss(0, spell_sd * (1 - decay**2) ** 0.5)
        values.append(round(6 + spell + rng.gauss(0, error_sd)))
    return values


def test_lasting_spells_are_seen_through_the_answer_error_that_hides_them_from_the_lag_1_correlation():
    rng = random.Random(11)
    values = spell_and_answer_error(rng, 3000, decay=0.8, spell_sd=1.0, error_sd=0.7)
    plain, lasting = level_of(values), level_of(values, lasting_spells=True)
    assert plain.decay is None and plain.persistence < 0.6
    assert 0.7 < lasting.decay < 0.9
    assert lasting.effective_count < plain.effective_count
    # The same two-week rise is less surprising once spells are known to last.
    assert change_z(lasting, [8] * 14) < change_z(plain, [8] * 14)


def test_without_lasting_spells_the_decay_stays_at_the_lag_1_persistence():
    rng = random.Random(12)
    independent = [round(6 + rng.gauss(0, 1)) for _ in range(3000)]
    assert level_of(independent, lasting_spells=True).decay == level_of(independent).persistence
    ar1 = spell_and_answer_error(rng, 3000, decay=0.7, spell_sd=1.0, error_sd=0.0)
    level = level_of(ar1, lasting_spells=True)
    assert level.decay - level.persistence < 0.1


def test_normal_equivalent_of_student_t_is_smaller_with_few_degrees_of_freedom():
    assert normal_equivalent(3.0, 4) < normal_equivalent(3.0, 30) < 3.0
    assert abs(normal_equivalent(3.0, 10_000) - 3.0) < 0.01
    assert normal_equivalent(-3.0, 10) == -normal_equivalent(3.0, 10)


def test_cut_offs_sit_halfway_between_whole_number_answers():
    assert halfway_below(7.97, 2) == halfway_below(8.03, 2) == 6.5
    assert halfway_below(7.4, 2) == 5.5


def test_the_lag1_correlation_of_a_short_baseline_is_corrected_for_its_bias_towards_none():
    """Lasting spells (AR(1), rho 0.7) over 60 logs: measured around their own centre, the lag-1 correlation falls
    short of 0.7 by about (1 + 3 rho) / n; corrected, it is unbiased to within sampling error."""
    rng = random.Random(7)
    raw, corrected = [], []
    for _ in range(600):
        value, values = rng.gauss(0, 1), []
        for _ in range(60):
            value = 0.7 * value + rng.gauss(0, sqrt(1 - 0.49))
            values.append(value)
        lag1, _ = autocorrelations(values, sum(values) / 60, cap=10.0)
        raw.append(lag1)
        corrected.append(unbiased_lag1(lag1, 60))
    assert 0.7 - sum(raw) / 600 > 0.04
    assert abs(sum(corrected) / 600 - 0.7) < 0.02
