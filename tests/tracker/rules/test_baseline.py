from tracker.rules.baseline import (
    background_symptoms,
    change_threshold,
    falling_hinge,
    interquartile_mean,
    level_of,
    median,
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


def test_change_threshold_is_at_least_the_meaningful_change_and_grows_with_noise():
    calm = level_of([7, 7, 8, 7, 6, 7, 7, 8, 7, 7] * 3)
    wandering = level_of([5, 9, 7, 6, 9, 5, 8, 7, 9, 5] * 3)
    assert change_threshold(2.0, 4.0, calm, 14) == 2.0
    assert change_threshold(2.0, 4.0, wandering, 5) > 2.0


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
