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
# Deviations beyond this many first-pass robust SDs count as wild days and are capped there.
_DEVIATION_CAP = 3.0
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
    """Typical value and robust noise. MAD is zero for whole-number ratings that mostly repeat, and a trimmed
    mean absolute deviation drops exactly the +-1 and +-2 days that make up such a diary's noise, so the noise
    is the root mean square deviation from the median with each deviation capped at 3 times a first robust
    scale: it keeps the rounding and the ordinary wobble, and one wild day moves it only a little. (MAD itself
    jumps from 0 to 1.48 once just over half the days are off by one point, so it only sets the cap.)"""
    if not values:
        return None
    centre = median(values)
    deviations = sorted(abs(v - centre) for v in values)
    mad_sd = _MAD_TO_SD * median(deviations)
    central = deviations[: max(1, int(len(deviations) * 0.9))]
    first_scale = max(mad_sd, _MEAN_ABS_TO_SD * sum(central) / len(central), noise_floor)
    cap = _DEVIATION_CAP * first_scale
    capped_rms = sqrt(sum(min(d, cap) ** 2 for d in deviations) / len(deviations))
    return Level(typical=interquartile_mean(values), noise=max(capped_rms, noise_floor), count=len(values))


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


@dataclass(frozen=True, slots=True)
class Hinge:
    """The strongest "steady until `days_ago`, then falling in a straight line" fit to recent values."""

    z: float
    drop_today: float
    days_ago: float


def falling_hinge(points: Sequence[tuple[float, float]], baseline: Level, min_points: int, clip: float) -> Hinge | None:
    """Generalised likelihood ratio test for a decline that started at an unknown date, against the patient's
    own baseline level and noise. For each candidate start (a logged date), the values after it are regressed on
    the days since that start (the slope is the only free parameter; the baseline level is known, and its
    standard error is part of the statistic's variance). z is the fall's estimate in standard errors, computed
    with standardised residuals clipped at `clip` so one wild test cannot carry it; the largest z over all
    starts with at least `min_points` values after them wins. `points` are (days ago, value). Prefix sums make
    it linear in the number of points."""
    ordered = sorted(points)
    count = sum_age = sum_age2 = sum_r = sum_r_age = sum_d = sum_d_age = 0.0
    best = None
    for index, (age, value) in enumerate(ordered):
        deficit = baseline.typical - value
        residual = max(-clip, min(clip, deficit / baseline.noise))
        count += 1
        sum_age += age
        sum_age2 += age * age
        sum_r += residual
        sum_r_age += residual * age
        sum_d += deficit
        sum_d_age += deficit * age
        if count < min_points:
            continue
        # Candidate start: the next older logged value (or this one's age when it is the oldest).
        start = ordered[index + 1][0] if index + 1 < len(ordered) else age
        sum_u = count * start - sum_age
        sum_u2 = count * start * start - 2 * start * sum_age + sum_age2
        if sum_u2 <= 0:
            continue
        z = (start * sum_r - sum_r_age) / sqrt(sum_u2 + sum_u * sum_u / baseline.count)
        if best is None or z > best.z:
            slope = (start * sum_d - sum_d_age) / sum_u2
            best = Hinge(z=z, drop_today=slope * start, days_ago=start)
    return best
