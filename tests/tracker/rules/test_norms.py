import pytest

from tracker.rules.norms import steadi_chair_stand_cutoff


@pytest.mark.parametrize(
    ("age", "sex", "expected"),
    [
        (60, "male", (14, "60-64")),
        (64, "female", (12, "60-64")),
        (72, "female", (10, "70-74")),
        (77, "male", (11, "75-79")),
        (94, "female", (4, "90-94")),
        (59, "male", None),
        (95, "female", None),
        (70, "unspecified", None),
        (None, "male", None),
    ],
)
def test_steadi_cut_off_by_age_band_and_sex(age, sex, expected):
    assert steadi_chair_stand_cutoff(age, sex) == expected
