"""Population norms shown next to a patient's own numbers, each with its source."""

# CDC STEADI "Assessment: 30-Second Chair Stand" (Centers for Disease Control and Prevention, 2017), after
# Rikli & Jones, Senior Fitness Test Manual (2013): a score below these counts is below average and
# indicates a risk for falls. (low age, high age) -> {sex: count below which the score is below average}.
STEADI_CHAIR_STAND_BELOW_AVERAGE = {
    (60, 64): {"male": 14, "female": 12},
    (65, 69): {"male": 12, "female": 11},
    (70, 74): {"male": 12, "female": 10},
    (75, 79): {"male": 11, "female": 10},
    (80, 84): {"male": 10, "female": 9},
    (85, 89): {"male": 8, "female": 8},
    (90, 94): {"male": 7, "female": 4},
}
STEADI_SOURCE = "CDC STEADI 30-Second Chair Stand (2017)"


def steadi_chair_stand_cutoff(age: int | None, sex: str) -> tuple[int, str] | None:
    """The below-average cut-off and its age band, or None when no STEADI norm applies (age under 60 or
    over 94, age or sex not known: the norms are given for men and women only)."""
    if age is None:
        return None
    for (low, high), by_sex in STEADI_CHAIR_STAND_BELOW_AVERAGE.items():
        if low <= age <= high and sex in by_sex:
            return by_sex[sex], f"{low}-{high}"
    return None
