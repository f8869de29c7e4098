"""A simulated person and their diary: a latent state per day turned into what they log.

Each person has a true state that moves over days (each leg's strength, fatigue, activity, chair-stand
capacity, how far numbness reaches), made of their usual level, a slow wander that is not a change, and the
effects of whatever happens to them (bench/engine/conditions.py). What they log is that state seen through
their perception noise and answering style (bench/engine/noise.py), on the days they log at all: bad days are
skipped more often, holidays not at all. Steps are lognormal around a usual level with weekday and seasonal
patterns; chair stands are counts around a capacity, with a learning effect over the first tests, taken on
irregular days.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from math import cos, exp, floor, pi
from statistics import median

from .noise import AnsweringStyle, NoiseModel, PerceptionNoise, count_with_dispersion, draw

TIMEZONES = (
    ("Europe/Berlin", 1),
    ("Europe/London", 1),
    ("America/New_York", 1),
    ("America/Chicago", 1),
    ("Asia/Tokyo", 1),
    ("Australia/Sydney", -1),
    ("America/Sao_Paulo", -1),
    ("Africa/Johannesburg", -1),
)
# Ratings a person reads off their own scale; numbness extent is a level they name, 0-4.
RATINGS = ("strength_left", "strength_right", "fatigue")
# Slow wander of the true state that is not a change: an Ornstein-Uhlenbeck process (SD, time constant in days).
WANDER_SD = 0.2
WANDER_DAYS = 45.0
# How many recent logged answers make a person's "usual" answer when a condition fixes the size of a drop.
USUAL_ANSWER_LOGS = 14
MAX_CHANCE_OF_SKIPPING = 0.85
# A day is bad against what the person has got used to over the last weeks (an exponential average with this
# time constant): an acute dip is skipped more than a long-standing difference or a slow decline.
GETTING_USED_DAYS = 21.0


@dataclass
class DayEffect:
    """What the person's conditions do to one day."""

    left: float = 0.0
    right: float = 0.0
    legs_share: float = 1.0  # both legs' strength multiplied by this (a bad day, an illness)
    fatigue: float = 0.0
    steps: float = 1.0
    chair: float = 1.0
    numbness: float = 0.0
    symptoms: set[str] = field(default_factory=set)  # reported that day for sure
    symptom_chances: dict[str, float] = field(default_factory=dict)  # reported with this chance
    quiet_symptoms: bool = False  # nothing but `symptoms` is reported (a drop "with nothing else reported")
    drop_answer: dict[str, float] = field(default_factory=dict)  # answer at least this far below the usual one
    keep_answer: dict[str, float] = field(default_factory=dict)  # answer at most this far below the usual one
    must_log: bool = False
    fresh: bool = False  # answered afresh, never copied from yesterday
    holiday: bool = False


@dataclass
class Person:
    birth_year: int
    sex: str
    timezone: str
    hemisphere: int
    history: frozenset[str]
    left: float
    right: float
    fatigue: float
    usual_steps: float
    weekday: tuple[float, ...]
    season_amplitude: float
    season_peak_day: int
    steps_sigma: float
    steps_missing: float
    chair: float | None  # usual 30-s chair-stand capacity; None: never does the test
    chair_interval: float
    chair_learning: float
    numbness: int
    background: dict[str, float]
    leg_style: AnsweringStyle
    fatigue_style: AnsweringStyle
    copy_day: float
    missing_base: float
    missing_bad_gain: float

    @classmethod
    def draw(
        cls,
        rng: random.Random,
        model: NoiseModel,
        *,
        cancer: bool = False,
        diabetes: bool | None = None,
        chair_tester: bool | None = None,
        strength: tuple[float, float] = (6.5, 9.6),
        fatigue: tuple[float, float] = (1.0, 5.5),
        background_back_pain: bool | None = None,
        steps_always: bool = False,
    ) -> "Person":
        birth_year = rng.randint(1935, 1998)
        age = 2026 - birth_year
        diabetes = rng.random() < 0.25 if diabetes is None else diabetes
        history = {"cancer"} if cancer else set()
        if diabetes:
            history.add("diabetes")
        if rng.random() < 0.05:
            history.add("spinal_surgery")
        zone, hemisphere = rng.choice(TIMEZONES)
        usual = rng.uniform(*strength)
        if rng.random() < 0.15 and strength[0] >= 6.0:
            usual = rng.uniform(4.5, 6.5)  # already weaker legs: why people keep this diary
        weekend_effect = rng.uniform(-0.35, 0.25)
        weekday = [1.0] * 5 + [1.0 + weekend_effect] * 2
        mean_weekday = sum(weekday) / 7
        chair_tester = rng.random() < 0.75 if chair_tester is None else chair_tester
        capacity = max(6.0, rng.gauss(22 - 0.15 * age, 2.5)) if chair_tester else None
        numbness = 1 if diabetes and rng.random() < 0.6 else 0
        return cls(
            birth_year=birth_year,
            sex=rng.choice(("female", "male")),
            timezone=zone,
            hemisphere=hemisphere,
            history=frozenset(history),
            left=min(9.8, usual + rng.gauss(0, 0.3)),
            right=min(9.8, usual + rng.gauss(0, 0.3)),
            fatigue=rng.uniform(*fatigue),
            usual_steps=min(16000.0, max(900.0, rng.lognormvariate(8.4, 0.5))),
            weekday=tuple(w / mean_weekday for w in weekday),
            season_amplitude=rng.uniform(0.05, 0.25),
            season_peak_day=rng.randint(160, 220),
            steps_sigma=draw(rng, model.steps_sigma),
            steps_missing=rng.uniform(0.0, 0.03 if steps_always else 0.12),
            chair=capacity,
            chair_interval=rng.uniform(2.0, 10.0),
            chair_learning=rng.uniform(0.05, 0.25),
            numbness=numbness,
            background=_background_symptoms(rng, cancer, diabetes, numbness, background_back_pain),
            leg_style=AnsweringStyle.draw(model, rng),
            fatigue_style=AnsweringStyle.draw(model, rng),
            copy_day=draw(rng, model.copy_day),
            missing_base=draw(rng, model.missing_base),
            missing_bad_gain=draw(rng, model.missing_bad_gain),
        )

    def profile(self) -> dict:
        return {
            "birth_year": self.birth_year,
            "sex": self.sex,
            "timezone": self.timezone,
            "history": sorted(self.history),
        }


def _background_symptoms(
    rng: random.Random, cancer: bool, diabetes: bool, numbness: int, back_pain: bool | None
) -> dict[str, float]:
    """Symptoms that come and go without meaning a change: part of this person's usual picture."""
    chances = {}
    if back_pain if back_pain is not None else (not cancer and rng.random() < 0.3):
        chances["back_pain"] = rng.uniform(0.2, 0.7)
    for symptom, share, low, high in (
        ("cramps", 0.5, 0.02, 0.1),
        ("stiffness", 0.4, 0.05, 0.4),
        ("joint_pain", 0.3, 0.05, 0.3),
        ("heaviness", 0.15, 0.02, 0.1),
    ):
        if rng.random() < share:
            chances[symptom] = rng.uniform(low, high)
    if numbness:
        chances["numbness"] = rng.uniform(0.3, 0.8)
        chances["tingling"] = rng.uniform(0.1, 0.5)
        if not cancer and rng.random() < 0.3:
            chances["balance_problems"] = rng.uniform(0.12, 0.3)
    return chances


@dataclass
class Wander:
    """Slow mean-reverting wander of a true level: real life, not a change."""

    rng: random.Random
    value: float = 0.0

    def next(self) -> float:
        keep = exp(-1 / WANDER_DAYS)
        self.value = keep * self.value + (1 - keep**2) ** 0.5 * self.rng.gauss(0, WANDER_SD)
        return self.value


def simulate_days(
    person: Person, effects: list[DayEffect], start: date, model: NoiseModel, rng: random.Random
) -> list[dict]:
    """The diary's logged days, in the scenario file format."""
    wander = {name: Wander(rng) for name in RATINGS}
    leg_common, leg_left, leg_right = (PerceptionNoise(model, rng) for _ in range(3))
    fatigue_noise = PerceptionNoise(model, rng)
    days: list[dict] = []
    yesterday: dict | None = None
    next_chair_test = rng.randint(0, 6)
    chair_tests = 0
    used_to: tuple[float, float, float] | None = None  # the state the person has got used to
    for index, effect in enumerate(effects):
        day = start + timedelta(days=index)
        true_left = max(0.0, (person.left + wander["strength_left"].next() + effect.left) * effect.legs_share)
        true_right = max(0.0, (person.right + wander["strength_right"].next() + effect.right) * effect.legs_share)
        true_fatigue = min(10.0, max(0.0, person.fatigue + wander["fatigue"].next() + effect.fatigue))
        mood = rng.gauss(0, model.shared_sd)
        common = 0.8 * leg_common.next()
        latent = {
            "strength_left": true_left + common + 0.6 * leg_left.next() - mood,
            "strength_right": true_right + common + 0.6 * leg_right.next() - mood,
            "fatigue": true_fatigue + fatigue_noise.next() + mood,
        }
        leg_loss = max(0.0, person.left - true_left, person.right - true_right)
        used_to = used_to or (true_left, true_right, true_fatigue)
        badness = (
            max(0.0, true_fatigue - used_to[2]) / 2 + max(0.0, used_to[0] - true_left, used_to[1] - true_right) / 1.5
        )
        used_to = tuple(
            old + (new - old) / GETTING_USED_DAYS
            for old, new in zip(used_to, (true_left, true_right, true_fatigue), strict=True)
        )
        if effect.holiday and not effect.must_log:
            yesterday = None
            continue
        skip_chance = min(MAX_CHANCE_OF_SKIPPING, person.missing_base * exp(person.missing_bad_gain * badness))
        if not effect.must_log and rng.random() < skip_chance:
            yesterday = None
            continue
        answers = _answers(person, effect, latent, yesterday, days, rng)
        numbness = min(4, max(0, round(person.numbness + effect.numbness)))
        if yesterday is not None and not effect.fresh and answers is yesterday:
            numbness = yesterday["numbness_extent"]
        steps = _steps(person, effect, day, true_fatigue, leg_loss, model, rng)
        chair = None
        if person.chair is not None and index >= next_chair_test and (badness < 2 or rng.random() < 0.5):
            strength_change = (true_left + true_right - person.left - person.right) / 2
            capacity = person.chair * effect.chair * (1 + 0.06 * strength_change)
            capacity *= 1 - 0.015 * max(0.0, true_fatigue - person.fatigue)
            learning = 1 - person.chair_learning * exp(-chair_tests / 2.5)
            chair = min(60, count_with_dispersion(rng, max(0.0, capacity * learning), model.chair_dispersion))
            chair_tests += 1
            next_chair_test = index + 1 + int(rng.expovariate(1 / max(0.5, person.chair_interval - 1)))
        entry = {
            "date": day.isoformat(),
            "strength_left": answers["strength_left"],
            "strength_right": answers["strength_right"],
            "fatigue": answers["fatigue"],
            "steps": steps,
            "chair_stand_30s": chair,
            "numbness_extent": numbness,
            "symptoms": _symptoms(person, effect, numbness, rng),
        }
        days.append(entry)
        yesterday = entry
    return days


def _answers(
    person: Person, effect: DayEffect, latent: dict, yesterday: dict | None, days: list[dict], rng: random.Random
) -> dict:
    if yesterday is not None and not effect.fresh and rng.random() < person.copy_day:
        return yesterday
    answers = {}
    for name in RATINGS:
        style = person.fatigue_style if name == "fatigue" else person.leg_style
        copied = None if effect.fresh or yesterday is None else yesterday[name]
        answers[name] = min(10, max(0, style.answer_or_copy(latent[name], copied, rng)))
    for name, drop in effect.drop_answer.items():
        answers[name] = max(0, min(answers[name], floor(_usual_answer(days, name) - drop)))
    for name, most in effect.keep_answer.items():
        answers[name] = min(10, max(answers[name], floor(_usual_answer(days, name) - most)))
    return answers


def _usual_answer(days: list[dict], name: str) -> float:
    recent = [day[name] for day in days[-USUAL_ANSWER_LOGS:]]
    return median(recent) if recent else 7.0


def _steps(
    person: Person,
    effect: DayEffect,
    day: date,
    true_fatigue: float,
    leg_loss: float,
    model: NoiseModel,
    rng: random.Random,
) -> int | None:
    if rng.random() < person.steps_missing:
        return None
    season = 1 + person.season_amplitude * cos(
        2 * pi * (day.timetuple().tm_yday - person.season_peak_day - (182 if person.hemisphere < 0 else 0)) / 365.25
    )
    state = exp(-0.06 * max(0.0, true_fatigue - person.fatigue)) * max(0.2, 1 - 0.08 * leg_loss)
    steps = person.usual_steps * person.weekday[day.weekday()] * season * state * effect.steps
    steps *= rng.lognormvariate(0, person.steps_sigma)
    if rng.random() < model.steps_outlier_rate:
        steps *= exp(rng.choice((-1, 1)) * rng.uniform(0.7, 1.2))
    return min(200_000, max(0, round(steps)))


def _symptoms(person: Person, effect: DayEffect, numbness: int, rng: random.Random) -> list[str]:
    reported = set(effect.symptoms)
    if not effect.quiet_symptoms:
        for symptom, chance in (person.background | effect.symptom_chances).items():
            if symptom in ("numbness", "tingling") and numbness == 0 and symptom not in effect.symptom_chances:
                continue
            if rng.random() < chance:
                reported.add(symptom)
    return sorted(reported)
