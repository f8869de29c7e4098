"""How people turn how they feel into diary answers: noise models and personal answering styles.

A noise model is a named set of parameter ranges; each simulated person draws their own values from it. The
pieces are used by the diary generator (bench/engine/generator.py) and by the engine's property tests.

Self-ratings are modelled as a latent continuous value (the true state plus perception noise) cut into whole
numbers at the person's own cut-points (an ordinal response model), with digit preference (4 and 6 drift to 5,
7 and 9 to 8), ceiling shyness (10 is rarely given: its cut-point sits higher) and copying: some days a person
simply repeats yesterday's answer. Perception noise is independent from day to day, or persistent (AR(1): a
good or bad spell lasts days), or heavy-tailed (Student t: mostly small, now and then a wild day).
"""

import random
from dataclasses import dataclass, replace
from math import exp, sqrt

# The frozen validation set: generated with this model and seed, scored, never tuned on (bench/engine/README.md).
FROZEN_MODEL = "frozen"
FROZEN_SEED = 20260611


@dataclass(frozen=True, slots=True)
class NoiseModel:
    """Ranges (low, high) from which each person draws their own noise and answering style."""

    name: str
    description: str
    kind: str  # "independent", "ar1" or "student_t": the day-to-day perception noise of each rating
    rating_sd: tuple[float, float]  # marginal SD of the perception noise, in rating points
    ar1_rho: tuple[float, float]  # day-to-day correlation of the noise (used by "ar1")
    t_df: float  # degrees of freedom (used by "student_t")
    shared_sd: float  # a day's mood: moves both legs down and fatigue up together
    copy_day: tuple[float, float]  # chance of repeating yesterday's whole entry
    copy_field: tuple[float, float]  # chance of repeating yesterday's answer for one rating
    digit_pull: tuple[float, float]  # chance that a 4/6 becomes 5 and a 7/9 becomes 8
    ceiling_shift: tuple[float, float]  # how much higher than usual the cut-point for a 10 sits
    missing_base: tuple[float, float]  # chance of not logging an ordinary day
    missing_bad_gain: tuple[float, float]  # how much faster that chance grows on bad days (per point of badness)
    holidays_per_year: tuple[float, float]
    steps_sigma: tuple[float, float]  # lognormal SD of a day's steps around the person's usual
    steps_outlier_rate: float  # days far off the usual (a hike, a day in bed), any direction
    chair_dispersion: float  # 0 = Poisson counts; > 0 = gamma-Poisson with this squared coefficient of variation


MODELS = {
    model.name: model
    for model in (
        NoiseModel(
            name="independent",
            description="mild independent day-to-day noise, few copied answers, missing days mostly at random",
            kind="independent",
            rating_sd=(0.35, 0.75),
            ar1_rho=(0.0, 0.0),
            t_df=0,
            shared_sd=0.25,
            copy_day=(0.0, 0.05),
            copy_field=(0.0, 0.1),
            digit_pull=(0.0, 0.15),
            ceiling_shift=(0.0, 0.6),
            missing_base=(0.02, 0.15),
            missing_bad_gain=(0.1, 0.3),
            holidays_per_year=(0.0, 1.0),
            steps_sigma=(0.18, 0.32),
            steps_outlier_rate=0.01,
            chair_dispersion=0.0,
        ),
        NoiseModel(
            name="persistent",
            description="AR(1) day-to-day noise (good and bad spells last days) and many copied answers",
            kind="ar1",
            rating_sd=(0.5, 1.0),
            ar1_rho=(0.55, 0.85),
            t_df=0,
            shared_sd=0.35,
            copy_day=(0.1, 0.35),
            copy_field=(0.05, 0.25),
            digit_pull=(0.0, 0.2),
            ceiling_shift=(0.2, 1.0),
            missing_base=(0.03, 0.18),
            missing_bad_gain=(0.2, 0.5),
            holidays_per_year=(0.0, 1.5),
            steps_sigma=(0.22, 0.38),
            steps_outlier_rate=0.02,
            chair_dispersion=0.02,
        ),
        NoiseModel(
            name="heavy",
            description="heavy-tailed noise (Student t, 3 df), strong digit preference, bad days left unlogged",
            kind="student_t",
            rating_sd=(0.45, 0.9),
            ar1_rho=(0.0, 0.0),
            t_df=3.0,
            shared_sd=0.4,
            copy_day=(0.0, 0.15),
            copy_field=(0.0, 0.15),
            digit_pull=(0.15, 0.45),
            ceiling_shift=(0.5, 1.5),
            missing_base=(0.05, 0.25),
            missing_bad_gain=(0.5, 1.0),
            holidays_per_year=(0.5, 2.0),
            steps_sigma=(0.25, 0.5),
            steps_outlier_rate=0.04,
            chair_dispersion=0.05,
        ),
        # The frozen validation model mixes the others' pieces in proportions none of them has: moderate
        # persistence, strong copying and digit preference, the most missing days. Never tune on it.
        NoiseModel(
            name=FROZEN_MODEL,
            description="frozen validation: moderate AR(1) noise, strong copying and digit preference, many gaps",
            kind="ar1",
            rating_sd=(0.4, 0.95),
            ar1_rho=(0.3, 0.7),
            t_df=0,
            shared_sd=0.3,
            copy_day=(0.05, 0.3),
            copy_field=(0.05, 0.2),
            digit_pull=(0.1, 0.4),
            ceiling_shift=(0.3, 1.2),
            missing_base=(0.05, 0.3),
            missing_bad_gain=(0.3, 0.8),
            holidays_per_year=(0.5, 2.5),
            steps_sigma=(0.2, 0.45),
            steps_outlier_rate=0.03,
            chair_dispersion=0.03,
        ),
    )
}
# Two stress models, validation only like `frozen` (never tuned on), each a tuning model with one thing it holds
# moderate pushed to an extreme.
_STRESS_MODELS = (
    # Half the days unlogged, bad ones most of all, and long holidays: rules that need logs in a fixed window go
    # silent here first.
    replace(
        MODELS["independent"],
        name="sparse",
        description="stress: about half the days unlogged (bad days most), long holidays, little copying",
        rating_sd=(0.4, 0.85),
        copy_day=(0.0, 0.1),
        missing_base=(0.35, 0.6),
        missing_bad_gain=(0.5, 1.0),
        holidays_per_year=(1.0, 3.0),
    ),
    # Ratings that wander like a slow random walk (spells lasting weeks) and are copied from yesterday on a third to
    # a half of days: a fortnight's mean says little, and a trend is hard to tell from the wander.
    replace(
        MODELS["persistent"],
        name="sticky",
        description="stress: AR(1) rho 0.8-0.95 (spells last weeks), copying a third to a half of days",
        rating_sd=(0.6, 1.2),
        ar1_rho=(0.8, 0.95),
        copy_day=(0.3, 0.5),
        copy_field=(0.2, 0.4),
    ),
)
MODELS |= {model.name: model for model in _STRESS_MODELS}
TUNING_MODELS = ("independent", "persistent", "heavy")
# Looked at, never tuned on: the frozen set and the two stress sets.
VALIDATION_MODELS = (FROZEN_MODEL, "sparse", "sticky")


def draw(rng: random.Random, bounds: tuple[float, float]) -> float:
    low, high = bounds
    return rng.uniform(low, high)


class PerceptionNoise:
    """One rating's day-to-day perception noise for one person. It moves on every calendar day, logged or not."""

    def __init__(self, model: NoiseModel, rng: random.Random):
        self.rng = rng
        self.kind = model.kind
        self.sd = draw(rng, model.rating_sd)
        self.rho = draw(rng, model.ar1_rho) if model.kind == "ar1" else 0.0
        self.df = model.t_df
        self.value = rng.gauss(0.0, self.sd)

    def next(self) -> float:
        if self.kind == "ar1":
            self.value = self.rho * self.value + sqrt(1 - self.rho**2) * self.rng.gauss(0.0, self.sd)
        elif self.kind == "student_t":
            chi2 = self.rng.gammavariate(self.df / 2, 2.0)
            self.value = self.sd * sqrt((self.df - 2) / self.df) * self.rng.gauss(0.0, 1.0) / sqrt(chi2 / self.df)
        else:
            self.value = self.rng.gauss(0.0, self.sd)
        return self.value


@dataclass(frozen=True, slots=True)
class AnsweringStyle:
    """A person's own way of putting a feeling on a 0-10 scale."""

    cuts: tuple[float, ...]  # answer k (1..10) once the latent value reaches cuts[k - 1]
    digit_pull: float
    copy_field: float

    @classmethod
    def draw(cls, model: NoiseModel, rng: random.Random) -> "AnsweringStyle":
        bias = rng.gauss(0.0, 0.25)
        stretch = rng.uniform(0.85, 1.15)
        cuts = [5 + (k - 0.5 - 5) * stretch + bias + rng.gauss(0.0, 0.12) for k in range(1, 11)]
        cuts[9] += draw(rng, model.ceiling_shift)
        for k in range(1, 10):
            cuts[k] = max(cuts[k], cuts[k - 1] + 0.3)
        return cls(tuple(cuts), draw(rng, model.digit_pull), draw(rng, model.copy_field))

    def answer(self, latent: float, rng: random.Random) -> int:
        value = sum(1 for cut in self.cuts if latent >= cut)
        if value in (4, 6) and rng.random() < self.digit_pull:
            return 5
        if value in (7, 9) and rng.random() < self.digit_pull:
            return 8
        return value

    def answer_or_copy(self, latent: float, yesterday: int | None, rng: random.Random) -> int:
        if yesterday is not None and rng.random() < self.copy_field:
            return yesterday
        return self.answer(latent, rng)


def poisson(rng: random.Random, mean: float) -> int:
    """A Poisson count by inversion (means here are below about 40)."""
    if mean <= 0:
        return 0
    threshold, count, product = exp(-mean), 0, rng.random()
    while product > threshold:
        count += 1
        product *= rng.random()
    return count


def count_with_dispersion(rng: random.Random, mean: float, dispersion: float) -> int:
    """Poisson, or gamma-Poisson (over-dispersed) when `dispersion` > 0."""
    if dispersion > 0:
        mean = rng.gammavariate(1 / dispersion, mean * dispersion)
    return poisson(rng, mean)
