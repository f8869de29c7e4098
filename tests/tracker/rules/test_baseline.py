from tracker.rules.baseline import background_symptoms, change_threshold, interquartile_mean, level_of, median


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
