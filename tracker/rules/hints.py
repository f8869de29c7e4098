"""Pattern hints: from what was logged, things worth discussing with a doctor and tests they may consider.

Never a diagnosis: each hint names a pattern the patient logged and leaves the meaning to the doctor. A hint
counts no days in its words: the day counts a person or doctor reads come from one place
(tracker.selectors.figures), so they never disagree with a hint's own count over other days.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from .baseline import median
from .clinical import CRASH_LAG_DAYS, CRASH_RISE, EXERTION_RATIO, MEANINGFUL_CHAIR_STAND_CHANGE
from .types import DayEntry

HINT_LOOKBACK_DAYS = 60
# A pattern must show up on a few days before it is worth a conversation.
MIN_DAYS_WITH_PATTERN = 3


@dataclass(frozen=True)
class Hint:
    topic: str
    worth_discussing: str
    tests: tuple[str, ...]
    learn_anchor: str


def pattern_hints(days: Sequence[DayEntry]) -> list[Hint]:
    if not days:
        return []
    since = days[-1].date - timedelta(days=HINT_LOOKBACK_DAYS)
    recent = [d for d in days if d.date > since]
    checks = (
        _numbness_from_feet,
        _cramps_with_weakness,
        _worse_after_exertion,
        _thigh_weakness,
        _back_pain_with_leg_symptoms,
        _balance,
        _stiffness_and_slowness,
    )
    return [hint for check in checks if (hint := check(recent)) is not None]


def _count(days: Sequence[DayEntry], symptom: str) -> int:
    return sum(1 for d in days if symptom in d.symptoms)


def _usual_strength(days: Sequence[DayEntry]) -> float:
    return median([(d.strength_left + d.strength_right) / 2 for d in days])


def _numbness_from_feet(days: Sequence[DayEntry]) -> Hint | None:
    numb_days = [d for d in days if d.numbness_extent > 0 or {"numbness", "tingling"} & d.symptoms]
    if len(numb_days) < MIN_DAYS_WITH_PATTERN:
        return None
    climbing = max(d.numbness_extent for d in days) > min(d.numbness_extent for d in days[: len(days) // 2 or 1])
    return Hint(
        topic="Numbness or tingling " + ("climbing up from the feet" if climbing else "in the legs or feet"),
        worth_discussing="You logged numbness or tingling on several days"
        f"{', reaching higher up the legs over time' if climbing else ''}. "
        "It is worth discussing with your doctor, who may want to check how your nerves are working.",
        tests=("vitamin B12", "blood sugar (HbA1c)", "thyroid function", "nerve conduction study and EMG"),
        learn_anchor="nerves-and-spine",
    )


def _cramps_with_weakness(days: Sequence[DayEntry]) -> Hint | None:
    usual = _usual_strength(days)
    weak_cramp_days = [d for d in days if "cramps" in d.symptoms and (d.strength_left + d.strength_right) / 2 < usual]
    if len(weak_cramp_days) < MIN_DAYS_WITH_PATTERN:
        return None
    return Hint(
        topic="Cramps on days the legs feel weaker",
        worth_discussing="On several days you logged cramps together with lower leg strength. "
        "Cramps with weakness are worth discussing; simple blood tests can look for common causes.",
        tests=(
            "electrolytes (sodium, potassium, calcium, magnesium)",
            "vitamin D",
            "thyroid function",
            "creatine kinase (CK)",
        ),
        learn_anchor="whole-body-causes",
    )


def _worse_after_exertion(days: Sequence[DayEntry]) -> Hint | None:
    steps = [d.steps for d in days if d.steps is not None]
    if not steps:
        return None
    usual_steps = median(steps)
    usual_fatigue = median([d.fatigue for d in days])
    usual_strength = _usual_strength(days)
    by_date = {d.date: d for d in days}
    worse_after = 0
    for day in days:
        if day.steps is None or day.steps < EXERTION_RATIO * usual_steps:
            continue
        following = [by_date.get(day.date + timedelta(days=lag)) for lag in CRASH_LAG_DAYS]
        if any(
            after is not None
            and (
                after.fatigue >= usual_fatigue + CRASH_RISE
                or (after.strength_left + after.strength_right) / 2 <= usual_strength - 1.5
            )
            for after in following
        ):
            worse_after += 1
    if worse_after < MIN_DAYS_WITH_PATTERN:
        return None
    return Hint(
        topic="Feeling worse a day or two after busy days",
        worth_discussing="More than once, tiredness or weakness rose a day or two after a more active "
        "day. This pattern is worth discussing, including how to pace activity.",
        tests=("blood count", "thyroid function", "vitamin D"),
        learn_anchor="post-exertional",
    )


def _thigh_weakness(days: Sequence[DayEntry]) -> Hint | None:
    stands = [d.chair_stand_30s for d in days if d.chair_stand_30s is not None]
    half = len(stands) // 2
    falling = half >= 3 and median(stands[:half]) - median(stands[half:]) >= MEANINGFUL_CHAIR_STAND_CHANGE
    heavy = _count(days, "heaviness") >= MIN_DAYS_WITH_PATTERN
    if not falling and not (heavy and half >= 3 and median(stands[half:]) < median(stands[:half])):
        return None
    return Hint(
        topic="Standing up from a chair getting harder",
        worth_discussing="Your chair-stand count has gone down. Difficulty rising from a chair "
        "often comes from "
        "the thigh and hip muscles, and is worth discussing with your doctor.",
        tests=("creatine kinase (CK)", "thyroid function", "vitamin D", "EMG"),
        learn_anchor="muscle-and-joints",
    )


def _back_pain_with_leg_symptoms(days: Sequence[DayEntry]) -> Hint | None:
    leg_symptoms = {"numbness", "tingling", "heaviness"}
    both = [d for d in days if "back_pain" in d.symptoms and (leg_symptoms & d.symptoms or d.numbness_extent)]
    if len(both) < MIN_DAYS_WITH_PATTERN:
        return None
    return Hint(
        topic="Back pain together with leg symptoms",
        worth_discussing="On several days you logged back pain together with numbness, tingling or "
        "heaviness in the legs. That combination is worth discussing, as nerves leave the spine there.",
        tests=("MRI of the spine",),
        learn_anchor="nerves-and-spine",
    )


def _balance(days: Sequence[DayEntry]) -> Hint | None:
    count = _count(days, "balance_problems") + _count(days, "fall")
    if count < MIN_DAYS_WITH_PATTERN:
        return None
    return Hint(
        topic="Balance problems or falls",
        worth_discussing="You logged balance problems or falls on several days. Balance depends on "
        "the nerves, "
        "the spinal cord and the brain working together; it is worth discussing with your doctor.",
        tests=("vitamin B12", "blood sugar (HbA1c)", "MRI of the brain or spine"),
        learn_anchor="brain-and-spinal-cord",
    )


def _stiffness_and_slowness(days: Sequence[DayEntry]) -> Hint | None:
    stiff = _count(days, "stiffness")
    if stiff < MIN_DAYS_WITH_PATTERN:
        return None
    steps = [d.steps for d in days if d.steps is not None]
    half = len(steps) // 2
    slowing = half >= 7 and median(steps[half:]) < 0.8 * median(steps[:half])
    if slowing:
        return Hint(
            topic="Stiffness with moving less",
            worth_discussing="You logged stiffness on several days while your daily steps went down. "
            "Stiffness together with slowing down is worth discussing with your doctor.",
            tests=("thyroid function", "MRI of the brain or spine"),
            learn_anchor="brain-and-spinal-cord",
        )
    return Hint(
        topic="Stiffness",
        worth_discussing="You logged stiffness on several days. It is worth discussing whether "
        "joints, muscles "
        "or nerves are behind it.",
        tests=("blood count", "vitamin D", "thyroid function"),
        learn_anchor="muscle-and-joints",
    )
