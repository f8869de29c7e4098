"""A patient's own usual level and day-to-day noise, estimated robustly from their log."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from math import sqrt

from .clinical import BACKGROUND_SYMPTOM_MIN_DAYS, BACKGROUND_SYMPTOM_SHARE
from .types import DayEntry

# 1.4826 * MAD and 1.2533 * mean absolute deviation both estimate a standard deviation for normal noise.
_MAD_TO_SD = 1.4826
_MEAN_ABS_TO_SD = 1.2533
# Self-ratings are whole numbers: a diary that never moves still has half a point of rounding noise.
NOISE_FLOOR = 0.5
# The efficiency loss of a median against a mean, used for the standard error of a median.
_MEDIAN_SE_FACTOR = 1.2533


def interquartile_mean(values: Sequence[float]) -> float:
    """The mean of the middle half: as robust as a median to the odd wild day, but it does not jump a
    whole point when a whole-number rating sits between two values."""
    ordered = sorted(values)
    quarter = len(ordered) // 4
    middle = ordered[quarter : len(ordered) - quarter]
    return sum(middle) / len(middle)


def median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    n = len(ordered)
    mid = n // 2
    return float(ordered[mid]) if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2


@dataclass(frozen=True, slots=True)
class Level:
    """The typical value of a series over a window and how much it wanders from day to day."""

    typical: float
    noise: float
    count: int


def level_of(values: Sequence[float], noise_floor: float = NOISE_FLOOR) -> Level | None:
    """Typical value and robust noise; MAD is zero for integer ratings that mostly repeat, so the mean
    absolute deviation of the central 90% backs it up, which still ignores the rare wild day."""
    if not values:
        return None
    centre = median(values)
    deviations = sorted(abs(v - centre) for v in values)
    mad_sd = _MAD_TO_SD * median(deviations)
    central = deviations[: max(1, int(len(deviations) * 0.9))]
    mean_abs_sd = _MEAN_ABS_TO_SD * sum(central) / len(central)
    return Level(typical=interquartile_mean(values), noise=max(mad_sd, mean_abs_sd, noise_floor), count=len(values))


def change_threshold(meaningful: float, multiplier: float, baseline: Level, recent_count: int) -> float:
    """A change must be clinically meaningful AND clearly larger than what this patient's own noise
    produces between two medians (baseline and recent window)."""
    standard_error = _MEDIAN_SE_FACTOR * baseline.noise * sqrt(1 / recent_count + 1 / baseline.count)
    return max(meaningful, multiplier * standard_error)


def background_symptoms(days: Iterable[DayEntry]) -> frozenset[str]:
    """Symptoms logged often enough in the baseline to be part of the patient's usual picture."""
    counts: dict[str, int] = {}
    total = 0
    for day in days:
        total += 1
        for symptom in day.symptoms:
            counts[symptom] = counts.get(symptom, 0) + 1
    return frozenset(
        symptom
        for symptom, count in counts.items()
        if count >= BACKGROUND_SYMPTOM_MIN_DAYS and count >= BACKGROUND_SYMPTOM_SHARE * total
    )


def theil_sen_end(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Robust straight line through (day, value) points: the median of all pairwise slopes and the value
    the line reaches at day 0 (today). Unlike a window median it does not lag behind a steady decline."""
    slopes = [(y2 - y1) / (x2 - x1) for i, (x1, y1) in enumerate(points) for x2, y2 in points[i + 1 :] if x2 != x1]
    slope = median(slopes) if slopes else 0.0
    return slope, median([y - slope * x for x, y in points])
