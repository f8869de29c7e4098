"""A patient's own usual level and day-to-day noise, estimated robustly from their log."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from math import copysign, floor, log, log1p, sqrt

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
# Daily self-ratings persist: a bad day tends to follow a bad day and people copy yesterday's answer. In diary
# studies the lag-1 autocorrelation of daily symptom ratings runs about 0.3 to 0.7 (Stone & Broderick, Annu Rev
# Clin Psychol 2007; Schneider & Stone, Qual Life Res 2016), so the estimate from a person's own diary is shrunk
# towards 0.4 as if the prior were worth 10 pairs of days, and never taken below 0.3: a short calm diary cannot
# prove that its days are independent. Counts from a test (chair stands) have no such floor.
PERSISTENCE_PRIOR = 0.4
PERSISTENCE_PRIOR_PAIRS = 10
PERSISTENCE_FLOOR = 0.3
PERSISTENCE_CEILING = 0.9


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
    """The typical value of a series over a window, how much it wanders from day to day, and how much one day
    carries over into the next (`persistence`, the lag-1 autocorrelation)."""

    typical: float
    noise: float
    count: int
    persistence: float = PERSISTENCE_FLOOR
    # How slowly a spell fades (the lag-to-lag decay of the correlation); None for plain AR(1), where it is the
    # persistence itself.
    decay: float | None = None

    @property
    def effective_count(self) -> float:
        """How many independent days the window is worth: persistent days repeat each other."""
        return self.count / mean_variance_factor(self.persistence, self.count, self.decay)

    def standard_error(self) -> float:
        return self.noise * sqrt(1 / self.effective_count)


def mean_variance_factor(persistence: float, count: int, decay: float | None = None) -> float:
    """Var(mean of `count` consecutive values) / (noise^2 / count): 1 for independent days, close to
    (1 + rho) / (1 - rho) for long runs of AR(1) noise (Bartlett's formula). With a slower `decay` than the
    lag-1 `persistence`, the noise is a lasting spell (AR(1), decaying at `decay`) plus an answer's own
    independent error, the spell's share of the variance being persistence / decay."""
    if count <= 1 or persistence <= 0:
        return 1.0
    if decay is None or decay <= persistence:
        return _ar1_factor(persistence, count)
    return 1 + persistence / decay * (_ar1_factor(decay, count) - 1)


def _ar1_factor(rho: float, count: int) -> float:
    # 1 + 2 * sum((1 - k / count) * rho**k for k in 1..count-1), in closed form.
    return 1 + 2 * (rho / (1 - rho) - rho * (1 - rho**count) / (count * (1 - rho) ** 2))


def change_z(baseline: Level, recent: Sequence[float], persistence: float | None = None) -> float:
    """The recent mean's distance from the usual level in standard errors of their difference, both windows'
    persistence counted, turned from Student's t (the noise is estimated from few independent days) into the
    normal scale so that every rule is judged against one table of thresholds."""
    rho, decay = (baseline.persistence, baseline.decay) if persistence is None else (persistence, None)
    recent_mean = sum(recent) / len(recent)
    variance = baseline.noise**2 * (
        mean_variance_factor(rho, len(recent), decay) / len(recent) + 1 / baseline.effective_count
    )
    return normal_equivalent((recent_mean - baseline.typical) / sqrt(variance), baseline.effective_count - 1)


def normal_equivalent(t: float, degrees_of_freedom: float) -> float:
    """The standard normal value with the same tail probability as Student's t (Wallace's approximation,
    Ann Math Stat 1959; within 0.02 for 3 or more degrees of freedom)."""
    df = max(degrees_of_freedom, 2.0)
    return copysign(sqrt(df * log1p(t * t / df)) * (8 * df + 1) / (8 * df + 3), t)


def autocorrelations(values: Sequence[float], centre: float, cap: float) -> tuple[float, float]:
    """Lag-1 and lag-2 autocorrelations of consecutive logs (deviations from the centre, capped at `cap`); 0 where
    there are too few logs or no spread."""
    deviations = [-cap if (d := v - centre) < -cap else cap if d > cap else d for v in values]
    n = len(deviations)
    spread = sum([d * d for d in deviations])
    if not spread:
        return 0.0, 0.0
    lag1 = sum([a * b for a, b in pairwise(deviations)]) / spread * n / (n - 1) if n > 1 else 0.0
    lag2 = (
        sum([a * b for a, b in zip(deviations, deviations[2:], strict=False)]) / spread * n / (n - 2) if n > 2 else 0.0
    )
    return lag1, lag2


def persistence_of(lag1: float, count: int, floor: float = PERSISTENCE_FLOOR) -> float:
    """The lag-1 autocorrelation of `count` logs, shrunk towards the prior; with `floor` 0 (a test's counts) there is
    no prior: only the diary's own pairs speak."""
    pairs = count - 1
    prior_pairs = PERSISTENCE_PRIOR_PAIRS if floor > 0 else 0
    shrunk = (pairs * lag1 + prior_pairs * PERSISTENCE_PRIOR) / max(1, pairs + prior_pairs)
    return min(PERSISTENCE_CEILING, max(floor, shrunk))


def unbiased_lag1(lag1: float, count: int) -> float:
    """The lag-1 autocorrelation of `count` values measured around their own centre falls short of the true one by
    about (1 + 3 rho) / count (Kendall 1954; Marriott & Pope 1954): 0.06 for a rho of 0.7 over 60 logs. Left in, a
    baseline of lasting spells reads as less persistent than it is and every standard error built on it is too
    small."""
    return lag1 + (1 + 3 * lag1) / count if count > 1 else lag1


def decay_of(lag1: float, lag2: float, count: int, persistence: float) -> float:
    """How slowly a spell fades: the ratio of the lag-2 to the lag-1 autocorrelation, which is the decay of a
    lasting AR(1) spell seen through independent answer error (whole-number rounding, a mis-tap). That error
    lowers the lag-1 correlation without shortening the spell, so the lag-1 correlation alone understates how
    long a bad spell lasts and how little a fortnight's mean says. Shrunk towards plain AR(1) (decay = the
    persistence) as if that prior were worth PERSISTENCE_PRIOR_PAIRS pairs, and never below it."""
    if count < 4 or lag1 <= persistence / 2 or lag2 <= 0:
        return persistence
    observed = min(PERSISTENCE_CEILING, lag2 / lag1)
    shrunk = ((count - 2) * observed + PERSISTENCE_PRIOR_PAIRS * persistence) / (count - 2 + PERSISTENCE_PRIOR_PAIRS)
    return min(PERSISTENCE_CEILING, max(persistence, shrunk))


def level_of(
    values: Sequence[float],
    noise_floor: float = NOISE_FLOOR,
    persistence_floor: float = PERSISTENCE_FLOOR,
    independent: bool = False,
    lasting_spells: bool = False,
) -> Level | None:
    """Typical value and robust noise. MAD is zero for whole-number ratings that mostly repeat, and a trimmed
    mean absolute deviation drops exactly the +-1 and +-2 days that make up such a diary's noise, so the noise
    is the root mean square deviation from the median with each deviation capped at 3 times a first robust
    scale: it keeps the rounding and the ordinary wobble, and one wild day moves it only a little. (MAD itself
    jumps from 0 to 1.48 once just over half the days are off by one point, so it only sets the cap.)"""
    if not values:
        return None
    n = len(values)
    ordered = sorted(values)
    mid = n // 2
    centre = float(ordered[mid]) if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2
    deviations = sorted([abs(v - centre) for v in values])
    mad_sd = _MAD_TO_SD * (deviations[mid] if n % 2 else (deviations[mid - 1] + deviations[mid]) / 2)
    central = deviations[: max(1, int(n * 0.9))]
    first_scale = max(mad_sd, _MEAN_ABS_TO_SD * sum(central) / len(central), noise_floor)
    cap = _DEVIATION_CAP * first_scale
    capped_rms = sqrt(sum([(d if d < cap else cap) ** 2 for d in deviations]) / n)
    # Tests done days apart (chair stands) are independent; a trend in them (the learning effect) is no persistence.
    lag1, lag2 = (0.0, 0.0) if independent else autocorrelations(values, centre, cap)
    # Where lasting spells set the variance of a mean (trends, lasting weakness), the lag-1 correlation's small-sample
    # bias would make every standard error too small. The one-sided rule's gap between the legs (a one-step
    # prediction) keeps the plain estimate: corrected there, it cost clear 4-point drops under lasting spells.
    rho = (
        0.0 if independent else persistence_of(unbiased_lag1(lag1, n) if lasting_spells else lag1, n, persistence_floor)
    )
    decay = decay_of(lag1, lag2, n, rho) if lasting_spells and rho > 0 else None
    # A window of persistent days sees only part of the slow wander: its spread underestimates the noise by
    # about one effective day's worth (the AR(1) bias of a sample variance).
    seen_share = max(0.5, 1 - mean_variance_factor(rho, n, decay) / n)
    noise = max(capped_rms / sqrt(seen_share), noise_floor)
    quarter = n // 4
    middle = ordered[quarter : n - quarter]
    return Level(typical=sum(middle) / len(middle), noise=noise, count=n, persistence=rho, decay=decay)


def log_steps_level(days: Iterable[DayEntry]) -> Level | None:
    """The usual steps of the days that have a count, on a log scale (step counts vary by multiples); no prior of
    persistence, as for a test's counts."""
    return level_of([log(d.steps + 1) for d in days if d.steps is not None], noise_floor=0.1, persistence_floor=0.0)


def fresh_entries(days: Iterable[DayEntry]) -> list[DayEntry]:
    """The entries that do not repeat the one before them exactly: a copied day adds no information."""
    fresh, before = [], None
    for day in days:
        answers = (day.strength_left, day.strength_right, day.fatigue, day.numbness_extent, day.symptoms)
        if answers != before:
            fresh.append(day)
        before = answers
    return fresh


def nearest_whole(value: float) -> int:
    """The whole number nearest to `value` (halves round up): what a cut-off on whole-number answers is set by."""
    return floor(value + 0.5)


def halfway_below(usual: float, drop: float) -> float:
    """The cut-off for "at least `drop` below usual" on whole-number answers, put halfway between two attainable
    values, so that a usual level of 7.97 or 8.03 does not decide whether a 6 is a 2-point drop."""
    return nearest_whole(usual - drop) + 0.5


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
