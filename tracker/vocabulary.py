"""What a daily log and a patient's profile may hold, in one place for the models' constraints, the API's checks and
the replay's reading of scenario diaries (plain Python: the engine's pure replay reads it without Django)."""

import zoneinfo
from functools import cache

RATING_FIELDS = ("strength_left", "strength_right", "fatigue")
RATING_MAX = 10
# The measured values of a day, in the order every export and series uses.
MEASURE_FIELDS = (*RATING_FIELDS, "steps", "chair_stand_30s", "numbness_extent")
LOG_VALUE_FIELDS = (*MEASURE_FIELDS, "symptoms", "note")
MAX_STEPS = 200_000
MAX_CHAIR_STANDS = 60
NUMBNESS_MAX = 4

MEDICAL_HISTORY = ("cancer", "diabetes", "spinal_surgery")
SEXES = ("female", "male", "other", "unspecified")


@cache
def known_timezones() -> frozenset[str]:
    # available_timezones() walks the whole zone directory on every call.
    return frozenset(zoneinfo.available_timezones())
