"""What happens to a simulated person, and what a clinician expects the engine to raise for it.

Each recipe draws a person, lays out their conditions day by day (DayEffect, bench/engine/people.py) and,
for a positive diary, writes its expectations in the scenario format (../shared/scenarios/README.md). The
expectations were set from the clinical picture before the engine was scored on these diaries; each recipe
says why. Windows, in days after the problem's start (day 0):

* emergencies (stroke, cauda equina, cord compression with weakness, a fall): the same day;
* rapidly progressive weakness (Guillain-Barre-like, cancer with weakness building over days): within the days
  it takes to become unmistakable (NICE CKS: same-day assessment once progression is evident);
* persistent new back pain alone in cancer: `soon` from the 5th day of pain (most days of the week so far) to
  the 14th (NICE NG234: MRI within a week once pain is new and persistent);
* slow trends (strength, fatigue, asymmetry): by 3 weeks after the change has become meaningful (2 points,
  Farrar 2001): two weeks to see that it is sustained and a week's slack, the delay a clinician would accept
  for a routine appointment;
* chair stands (sparse, noisy counts; sarcopenia, myopathy and parkinsonism unfold over months and are referred
  routinely): by 6 weeks after the capacity has fallen 3 stands or a fifth;
* disuse: by day 10 (a week of collapsed activity is "sustained"); post-exertional crashes: by day 42 (six
  weeks of a pattern that repeats every week or so).
A diary with no expectation must raise nothing at `soon` or above; `info` is never a false alert.
"""

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from math import ceil

from .noise import NoiseModel
from .people import DayEffect, Person

SIDES = ("left", "right")


@dataclass
class Expectation:
    codes: list[str]
    min_severity: str
    first: int  # day index of the diary
    last: int


@dataclass
class Plan:
    """A diary's calendar of effects, and what it should raise."""

    rng: random.Random
    effects: list[DayEffect]
    title: str
    positive: bool = False
    onset: int | None = None
    expect: list[Expectation] = field(default_factory=list)

    @classmethod
    def negative(cls, rng: random.Random, title: str) -> "Plan":
        return cls(rng, [DayEffect() for _ in range(rng.randint(330, 420))], title)

    @classmethod
    def positive_with(cls, rng: random.Random, title: str, after: int) -> "Plan":
        """A healthy stretch of 90 to 240 days, then the problem from day `onset`, followed for `after` days."""
        onset = rng.randint(90, 240)
        return cls(rng, [DayEffect() for _ in range(onset + after)], title, positive=True, onset=onset)

    def days(self, first: int, last: int | None = None) -> Iterator[tuple[int, DayEffect]]:
        last = len(self.effects) - 1 if last is None else min(last, len(self.effects) - 1)
        for index in range(max(0, first), last + 1):
            yield index - first, self.effects[index]

    def expect_alert(self, codes: list[str], min_severity: str, first: int, last: int) -> None:
        if last >= len(self.effects):
            raise ValueError(f"{self.title}: expectation ends on day {last}, after the diary")
        self.expect.append(Expectation(codes, min_severity, first, last))

    def calm_from(self) -> int:
        """Confounders (illness, holidays, numbness wobbles) stay this far before a problem's start."""
        return len(self.effects) if self.onset is None else self.onset - 14


def side_strength(effect: DayEffect, side: str, change: float) -> None:
    if side == "left":
        effect.left += change
    else:
        effect.right += change


def fixed_drop_day(effect: DayEffect, drops: dict[str, float], keep: tuple[str, ...] = ()) -> None:
    """The day a problem shows: logged, answered afresh, the named legs at least `drop` below the usual answer,
    the legs in `keep` within a point of it (so a one-sided drop is one-sided in what is written down)."""
    effect.must_log = effect.fresh = True
    effect.drop_answer.update({f"strength_{side}": drop for side, drop in drops.items()})
    effect.keep_answer.update({f"strength_{side}": 1 for side in keep})


# Everyday life: what every diary has, and what the negative ones are made of.


def add_bad_days(plan: Plan, rate: float) -> None:
    """Single bad days: both legs a fifth to a third weaker (about 2 points from 8), more tired, back the next."""
    quiet = range(plan.onset - 3, plan.onset + 4) if plan.onset is not None else range(0)
    for index, effect in plan.days(0):
        if index not in quiet and effect.legs_share == 1.0 and plan.rng.random() < rate:
            effect.legs_share = 1 - plan.rng.uniform(0.18, 0.3)
            effect.fatigue += plan.rng.uniform(1.5, 3.0)
            effect.steps *= 0.7


def add_illness(plan: Plan, start: int) -> None:
    """A flu-like week: both legs down about a third (2-3 points from 8), fatigue high, aching joints,
    recovering over days."""
    rng = plan.rng
    sick, recovery = rng.randint(3, 7), rng.randint(2, 6)
    legs, tiredness = rng.uniform(0.25, 0.35), rng.uniform(4.0, 6.0)
    for offset, effect in plan.days(start, start + sick + recovery - 1):
        share = min(1.0, (offset + 1) / 2) if offset < sick else 1 - (offset - sick + 1) / (recovery + 1)
        effect.legs_share = min(effect.legs_share, 1 - legs * share)
        effect.fatigue += tiredness * share
        effect.steps *= 1 - 0.55 * share
        effect.chair *= 1 - 0.2 * share
        effect.symptom_chances["joint_pain"] = 0.7 * share
        effect.symptom_chances["heaviness"] = 0.2 * share


def add_holiday(plan: Plan, start: int) -> None:
    for _, effect in plan.days(start, start + plan.rng.randint(7, 21) - 1):
        effect.holiday = True


def add_numbness_wobbles(plan: Plan, until: int) -> None:
    """Diabetic numbness reaching a level higher for a day or two now and then."""
    day = plan.rng.randint(5, 40)
    while day < until:
        for _, effect in plan.days(day, min(until - 1, day + plan.rng.randint(0, 1))):
            effect.numbness += 1
            effect.symptom_chances["tingling"] = 0.6
        day += plan.rng.randint(20, 60)


def add_everyday_life(plan: Plan, person: Person, model: NoiseModel, *, bad_day_rate: float | None = None) -> None:
    rng = plan.rng
    add_bad_days(plan, rng.uniform(0.005, 0.025) if bad_day_rate is None else bad_day_rate)
    calm_from = plan.calm_from()
    # Not in known cancer: whether weak legs during a flu-like week need the cord compression pathway is a
    # clinical judgement these diaries should not settle.
    if "cancer" not in person.history and calm_from > 60 and rng.random() < (0.4 if plan.positive else 0.5):
        add_illness(plan, rng.randint(10, calm_from - 45))
    years = len(plan.effects) / 365.25
    holidays = round(rng.uniform(*model.holidays_per_year) * years)
    for _ in range(holidays):
        if calm_from > 40:
            add_holiday(plan, rng.randint(14, calm_from - 25))
    if person.numbness == 1:
        add_numbness_wobbles(plan, calm_from)


# Negative diaries: nothing here must raise anything at `soon` or above.


def stable(rng, model):
    return Person.draw(rng, model), Plan.negative(rng, "Stable diary")


def bad_days(rng, model):
    plan = Plan.negative(rng, "Frequent single bad days, back to usual the next day")
    add_bad_days(plan, rng.uniform(0.03, 0.06))
    return Person.draw(rng, model), plan


def illness_weeks(rng, model):
    """Flu-like weeks that recover: bilateral, with a fatigue spike and aching joints, no neurological sign."""
    plan = Plan.negative(rng, "One to three flu-like weeks (both legs down 2-3, fatigue high), recovering")
    start = rng.randint(30, 90)
    while start < len(plan.effects) - 20:
        add_illness(plan, start)
        start += rng.randint(60, 150)
    return Person.draw(rng, model), plan


def old_injury(rng, model):
    """A long-standing difference between the legs: it is the person's usual picture, not a new asymmetry."""
    plan = Plan.negative(rng, "Old injury: a stable difference between the legs")
    side, size = rng.choice(SIDES), rng.uniform(1.5, 3.0)
    for _, effect in plan.days(0):
        side_strength(effect, side, -size)
    return Person.draw(rng, model), plan


def injury_recovery(rng, model):
    """Getting better after an injury: strength and activity rising is not a problem."""
    plan = Plan.negative(rng, "Recovering after an injury: strength and activity rising")
    sides = rng.choice((("left",), ("right",), SIDES))
    size, days = rng.uniform(2.5, 4.5), rng.uniform(12, 30)
    for offset, effect in plan.days(0):
        remaining = 2.718281828 ** (-offset / days)
        for side in sides:
            side_strength(effect, side, -size * remaining)
        effect.steps *= 1 - 0.5 * remaining
        effect.symptom_chances["joint_pain"] = 0.5 * remaining
    return Person.draw(rng, model), plan


def cancer_stable(rng, model):
    """Known cancer, stable legs: cancer alone is not a finding."""
    return Person.draw(rng, model, cancer=True), Plan.negative(rng, "Known cancer, stable legs")


def cancer_back_pain_days(rng, model):
    """Known cancer with an odd day of back pain now and then (never most days of a week): NICE NG234 asks for
    review of new pain that persists; an odd day of back pain alone is not a finding."""
    plan = Plan.negative(rng, "Known cancer, stable legs, isolated days of back pain")
    day = rng.randint(10, 60)
    while day < len(plan.effects):
        for _, effect in plan.days(day, day + (1 if rng.random() < 0.2 else 0)):
            effect.symptoms.add("back_pain")
        day += rng.randint(12, 70)
    return Person.draw(rng, model, cancer=True, background_back_pain=False), plan


def diabetes_numbness(rng, model):
    """Diabetic numbness at the feet, now and then a level higher for a day or two: not an ascending numbness."""
    person = Person.draw(rng, model, diabetes=True)
    person.numbness = 1
    person.background["numbness"] = rng.uniform(0.4, 0.9)
    return person, Plan.negative(rng, "Diabetic numbness of the feet wobbling a level for a day or two")


def high_fatigue(rng, model):
    """Chronically high but stable fatigue is the person's baseline, not a trend."""
    return Person.draw(rng, model, fatigue=(6.5, 8.5)), Plan.negative(rng, "Chronically high but stable fatigue")


def chronic_back_pain(rng, model):
    """Long-standing back pain on many days (a third of these people have cancer): it is not new."""
    person = Person.draw(rng, model, cancer=rng.random() < 0.3, background_back_pain=True)
    return person, Plan.negative(rng, "Chronic back pain on many days")


def logging_gaps(rng, model):
    """Several holidays of one to three weeks without a log, then the same level as before."""
    plan = Plan.negative(rng, "Several logging gaps of 1-3 weeks")
    for _ in range(rng.randint(2, 4)):
        add_holiday(plan, rng.randint(14, len(plan.effects) - 25))
    return Person.draw(rng, model), plan


# Positive diaries.


def stroke(rng, model):
    """A sudden one-sided drop of 4 to 6 points, sometimes with BE-FAST signs: possible stroke, call now
    (BE-FAST, Aroor 2017; NICE NG127). Emergency, the same day."""
    plan = Plan.positive_with(rng, "", after=rng.randint(14, 45))
    side, drop = rng.choice(SIDES), rng.randint(4, 6)
    with_signs = rng.random() < 0.5
    plan.title = f"Sudden one-sided weakness ({side}, -{drop})" + (" with face/arm/speech signs" if with_signs else "")
    _stroke_course(plan, side, drop)
    if with_signs:
        plan.effects[plan.onset].symptoms.update(rng.sample(("face_arm_speech", "sudden_onset"), rng.randint(1, 2)))
    plan.expect_alert(["sudden_weakness"], "emergency", plan.onset, plan.onset)
    return Person.draw(rng, model), plan


def stroke_three_points(rng, model):
    """A sudden one-sided drop of about 3 points (8 to 5, 7 to 4) with nothing else reported. One leg suddenly
    much weaker than the other is a focal deficit; BE-FAST does not wait for a second sign. Emergency, the same
    day (the phone asks the BE-FAST questions; in a diary there is no answer, so the drop alone must do)."""
    plan = Plan.positive_with(rng, "", after=rng.randint(14, 45))
    side = rng.choice(SIDES)
    plan.title = f"Sudden one-sided weakness ({side}, -3) with nothing else reported"
    _stroke_course(plan, side, 3)
    plan.effects[plan.onset].quiet_symptoms = True
    plan.expect_alert(["sudden_weakness"], "emergency", plan.onset, plan.onset)
    return Person.draw(rng, model, strength=(7.0, 9.6)), plan


def stroke_with_signs(rng, model):
    """A one-sided drop of 2-3 points with face/arm/speech signs and sudden onset: BE-FAST positive, emergency."""
    plan = Plan.positive_with(rng, "", after=rng.randint(14, 45))
    side, drop = rng.choice(SIDES), rng.randint(2, 3)
    plan.title = f"One-sided weakness ({side}, -{drop}) with face/arm/speech signs, came on suddenly"
    _stroke_course(plan, side, drop)
    plan.effects[plan.onset].symptoms.update(("face_arm_speech", "sudden_onset"))
    plan.expect_alert(["sudden_weakness"], "emergency", plan.onset, plan.onset)
    return Person.draw(rng, model), plan


def _stroke_course(plan: Plan, side: str, drop: float) -> None:
    """The leg stays weak, recovering a little over weeks; the other leg does not change."""
    other = "right" if side == "left" else "left"
    for offset, effect in plan.days(plan.onset):
        side_strength(effect, side, -_lasting_deficit(drop, offset))
        effect.steps *= 0.6 if offset < 7 else 0.8
    onset = plan.effects[plan.onset]
    fixed_drop_day(onset, {side: drop}, keep=(other,))


def _lasting_deficit(drop: float, offset: int) -> float:
    """A sudden deficit that stays, recovering by up to 30% over the weeks after it (time constant 30 days)."""
    return drop * (1 - 0.3 * (1 - 2.718281828 ** (-offset / 30)))


def _first_week_plan(rng: random.Random, title: str) -> Plan:
    """A diary whose problem starts on its 2nd to 7th day, before there are enough logs for a usual level."""
    onset = rng.randint(1, 6)
    return Plan(rng, [DayEffect() for _ in range(onset + rng.randint(14, 45))], title, positive=True, onset=onset)


def stroke_first_week(rng, model):
    """A sudden one-sided drop of 4 to 6 points on the 2nd to 7th day of a new diary: a red flag needs no usual
    level (BE-FAST, Aroor 2017; NICE NG127). Emergency, the same day."""
    plan = _first_week_plan(rng, "")
    side, drop = rng.choice(SIDES), rng.randint(4, 6)
    plan.title = f"Sudden one-sided weakness in the first week ({side}, -{drop})"
    _stroke_course(plan, side, drop)
    plan.expect_alert(["sudden_weakness"], "emergency", plan.onset, plan.onset)
    return Person.draw(rng, model), plan


def cord_compression_first_week(rng, model):
    """Known cancer, and in the first week of the diary new back pain with leg weakness building over days (NICE
    NG234: back pain with limb weakness needs an MRI within 24 hours). Urgent or higher within a day, as `mscc`."""
    plan = _first_week_plan(rng, "Known cancer, new back pain with leg weakness in the first week")
    _cord_compression_course(rng, plan)
    return Person.draw(rng, model, cancer=True, background_back_pain=False), plan


def cauda_equina(rng, model):
    """New bladder or bowel control loss or saddle numbness, with back or leg symptoms: possible cauda equina
    syndrome (GIRFT 2023 pathway; NICE CKS Sciatica). Urgent or higher, the same day."""
    plan = Plan.positive_with(
        rng, "New bladder/bowel change or saddle numbness with back pain", after=rng.randint(7, 30)
    )
    signs = rng.sample(("bladder_bowel_change", "saddle_numbness"), rng.randint(1, 2))
    weakness = rng.uniform(0.5, 2.0)
    for offset, effect in plan.days(plan.onset):
        effect.left -= weakness
        effect.right -= weakness
        effect.symptom_chances.update({"back_pain": 0.9, "heaviness": 0.4, "numbness": 0.4})
        effect.symptom_chances.update(dict.fromkeys(signs, 0.8 if offset < 10 else 0.3))
    onset = plan.effects[plan.onset]
    onset.must_log = onset.fresh = True
    onset.symptoms.update((*signs, "back_pain"))
    plan.expect_alert(["bladder_bowel"], "urgent", plan.onset, plan.onset)
    return Person.draw(rng, model), plan


def _cord_compression_course(rng: random.Random, plan: Plan) -> None:
    """New back pain from the onset, with one or both legs weakening over days from 2 points down."""
    sides = SIDES if rng.random() < 0.6 else (rng.choice(SIDES),)
    rate, most = rng.uniform(0.3, 0.8), rng.uniform(3.0, 5.0)
    for offset, effect in plan.days(plan.onset):
        for side in sides:
            side_strength(effect, side, -min(most, 2 + rate * offset))
        effect.symptom_chances.update({"back_pain": 0.9, "heaviness": 0.4, "numbness": 0.3})
    onset = plan.effects[plan.onset]
    fixed_drop_day(onset, dict.fromkeys(sides, 2))
    onset.symptoms.add("back_pain")
    plan.expect_alert(
        ["cord_compression", "sudden_weakness", "rapid_progression"], "urgent", plan.onset, plan.onset + 1
    )


def cord_compression(rng, model):
    """Known cancer, then new back pain with leg weakness building over days: possible metastatic spinal cord
    compression (NICE NG234: immediate referral with neurological signs). Urgent or higher within a day."""
    plan = Plan.positive_with(rng, "Known cancer, then new back pain with leg weakness", after=rng.randint(10, 30))
    _cord_compression_course(rng, plan)
    return Person.draw(rng, model, cancer=True, background_back_pain=False), plan


def cancer_back_pain_persistent(rng, model):
    """Known cancer, then new back pain on most days, no neurological sign: NICE NG234 asks for an MRI within a
    week once such pain is new and persistent. `cord_compression` at `soon` from the 5th day of pain (4 or more
    of the first 5 days) to the 14th; alerting on the first day or two is premature (an odd day of back pain
    is not a finding) and counts as a false alert."""
    plan = Plan.positive_with(
        rng, "Known cancer, then new back pain on most days, legs stable", after=rng.randint(21, 45)
    )
    chance = rng.uniform(0.75, 0.95)
    # Four of the first five days are logged with pain for sure (the third is left to chance), so the pain is
    # "most days" by the 5th day, as the expectation assumes.
    for offset, effect in plan.days(plan.onset):
        certain = offset < 5 and offset != 2
        if certain or rng.random() < chance:
            effect.symptoms.add("back_pain")
            effect.must_log = certain
    plan.expect_alert(["cord_compression"], "soon", plan.onset + 4, plan.onset + 13)
    return Person.draw(rng, model, cancer=True, background_back_pain=False), plan


def guillain_barre(rng, model):
    """Numbness climbing from the feet a level every day or two, both legs weakening day by day: rapidly
    progressive weakness (NICE CKS Guillain-Barre syndrome: same-day assessment). Urgent or higher by day 5,
    when the climb and the weakness are unmistakable."""
    plan = Plan.positive_with(rng, "Ascending numbness and weakness of both legs over days", after=rng.randint(14, 30))
    rate, most = rng.uniform(0.6, 1.2), rng.uniform(4.0, 6.0)
    climb_days = rng.uniform(1.0, 2.0)
    for offset, effect in plan.days(plan.onset):
        weakness = min(most, rate * (offset + 1))
        effect.left -= weakness * rng.uniform(0.85, 1.0)
        effect.right -= weakness * rng.uniform(0.85, 1.0)
        effect.numbness += min(4.0, 1 + offset / climb_days)
        effect.fatigue += min(2.0, 0.4 * offset)
        effect.symptom_chances.update({"numbness": 0.9, "tingling": 0.8, "heaviness": 0.5})
        if offset >= 3:
            effect.symptom_chances["balance_problems"] = 0.4
        effect.fresh = offset < 6
    plan.expect_alert(["rapid_progression", "sudden_weakness"], "urgent", plan.onset, plan.onset + 5)
    return Person.draw(rng, model, diabetes=False), plan


def acute_both_legs(rng, model):
    """Both legs suddenly 3 to 5 points weaker, with no known cancer, no bladder or saddle sign and no numbness
    climbing; half with back pain (acute myelopathy: an epidural abscess or haematoma, transverse myelitis, a cord
    compression nobody knew of). NICE NG127 asks for same-day assessment of suspected acute spinal cord
    compression; the diary holds no answer to "did it come on suddenly?", so `urgent` within a day is the least a
    good engine must say (added 2026-12-01, expectation set before scoring)."""
    plan = Plan.positive_with(rng, "", after=rng.randint(14, 40))
    drop = rng.randint(3, 5)
    back_pain = rng.random() < 0.5
    plan.title = f"Both legs suddenly weaker (-{drop}), no known cancer" + (", with back pain" if back_pain else "")
    for offset, effect in plan.days(plan.onset):
        weakness = _lasting_deficit(drop, offset)
        effect.left -= weakness
        effect.right -= weakness
        effect.steps *= 0.5 if offset < 7 else 0.7
        effect.symptom_chances["heaviness"] = 0.4
        if back_pain:
            effect.symptom_chances["back_pain"] = 0.8
    onset = plan.effects[plan.onset]
    fixed_drop_day(onset, {"left": drop, "right": drop})
    if back_pain:
        onset.symptoms.add("back_pain")
    plan.expect_alert(["sudden_weakness", "rapid_progression"], "urgent", plan.onset, plan.onset + 1)
    return Person.draw(rng, model, cancer=False), plan


def _slow_trend_window(plan: Plan, rate: float, meaningful: float, slack: int) -> tuple[int, int]:
    """From the start, to `slack` days after the change has reached a meaningful size."""
    return plan.onset, plan.onset + ceil(meaningful / rate) + slack


def slow_decline_one_side(rng, model):
    """One leg weakening steadily over weeks (a compressive or neuropathic process): `soon`, by 3 weeks after the
    loss has reached 2 points."""
    rate = rng.uniform(0.04, 0.1)
    reach = ceil(2 / rate)
    plan = Plan.positive_with(rng, "", after=reach + 21 + rng.randint(7, 30))
    side, most = rng.choice(SIDES), rng.uniform(3.5, 5.0)
    plan.title = f"One-sided slow decline ({side}, {rate:.2f}/day)"
    for offset, effect in plan.days(plan.onset):
        side_strength(effect, side, -min(most, rate * offset))
    plan.expect_alert(["worsening_trend", "asymmetry"], "soon", *_slow_trend_window(plan, rate, 2, 21))
    return Person.draw(rng, model), plan


def slow_decline_both_sides(rng, model):
    """Both legs weakening steadily over weeks (myelopathy, neuropathy): `soon`, by 3 weeks after 2 points."""
    rate = rng.uniform(0.04, 0.1)
    reach = ceil(2 / rate)
    plan = Plan.positive_with(rng, f"Bilateral slow decline ({rate:.2f}/day)", after=reach + 21 + rng.randint(7, 30))
    most = rng.uniform(3.5, 5.0)
    for offset, effect in plan.days(plan.onset):
        effect.left -= min(most, rate * offset * rng.uniform(0.9, 1.1))
        effect.right -= min(most, rate * offset * rng.uniform(0.9, 1.1))
    plan.expect_alert(["worsening_trend"], "soon", *_slow_trend_window(plan, rate, 2, 21))
    return Person.draw(rng, model), plan


def _chair_decline(rng, model, title: str, steps_fall: tuple[float, float], stiffness: bool):
    person = Person.draw(rng, model, chair_tester=True, strength=(6.5, 9.6))
    person.chair_interval = rng.uniform(2.0, 5.0)
    fall, over = rng.uniform(0.3, 0.45), rng.randint(56, 100)
    # Capacity falls linearly by `fall` over `over` days; meaningful at 3 stands or a fifth, whichever is more.
    meaningful = max(3 / person.chair, 0.2)
    reach = ceil(over * meaningful / fall)
    plan = Plan.positive_with(rng, title, after=reach + 42 + rng.randint(7, 30))
    steps = rng.uniform(*steps_fall)
    for offset, effect in plan.days(plan.onset):
        progress = min(1.0, offset / over)
        effect.chair *= 1 - fall * progress
        effect.steps *= 1 - steps * progress
        if stiffness:
            effect.symptom_chances["stiffness"] = 0.5 * progress
            effect.left -= 0.5 * progress
            effect.right -= 0.5 * progress
    plan.expect_alert(["worsening_trend"], "soon", plan.onset, plan.onset + reach + 42)
    return person, plan


def chair_stand_decline(rng, model):
    """Chair-stand counts falling over months while self-rated strength stays flat (sarcopenia, myopathy): thigh
    weakness shows in the objective test first. `soon`, by 6 weeks after a fall of 3 stands (or a fifth)."""
    return _chair_decline(rng, model, "Chair stands falling, self-rated strength flat", (0.0, 0.1), stiffness=False)


def parkinsonian_slowing(rng, model):
    """Chair stands and steps falling together over months, stiffness creeping in, strength ratings nearly flat
    (parkinsonian slowing). `soon`, by 6 weeks after the chair stand has fallen 3 stands (or a fifth)."""
    return _chair_decline(rng, model, "Chair stands and steps falling together (slowing)", (0.3, 0.5), stiffness=True)


def fatigue_rising(rng, model):
    """Fatigue rising steadily over weeks (anaemia, thyroid, depression, disease activity): `soon`, by 3 weeks
    after the rise has reached 2 points."""
    rate = rng.uniform(0.05, 0.12)
    plan = Plan.positive_with(rng, f"Fatigue rising {rate:.2f}/day", after=ceil(2 / rate) + 21 + rng.randint(7, 30))
    most = rng.uniform(3.0, 4.5)
    for offset, effect in plan.days(plan.onset):
        effect.fatigue += min(most, rate * offset)
    plan.expect_alert(["fatigue_trend"], "soon", *_slow_trend_window(plan, rate, 2, 21))
    return Person.draw(rng, model, fatigue=(1.0, 4.5)), plan


def disuse(rng, model):
    """Activity collapsing to a fifth to two fifths of usual for weeks (disuse costs about 0.5% of muscle a
    day: Wall 2014). `activity_drop` at `info`, by day 10 (a week of collapse is sustained)."""
    length = rng.randint(16, 35)
    plan = Plan.positive_with(rng, "Activity collapses for weeks (disuse)", after=length + rng.randint(10, 40))
    level = rng.uniform(0.2, 0.4)
    for offset, effect in plan.days(plan.onset):
        if offset < length:
            effect.steps *= max(level, 1 - (offset + 1) / 2)
        else:
            effect.steps *= min(1.0, level + (1 - level) * (offset - length + 1) / 7)
    plan.expect_alert(["activity_drop"], "info", plan.onset, plan.onset + 10)
    return Person.draw(rng, model, steps_always=True), plan


def post_exertional(rng, model):
    """Fatigue crashing one or two days after busy days, again and again (NICE NG206). Busy days are often only
    1.4-1.5 times the usual steps; crashes are noisy. `post_exertional` at `info`, by day 42 (six weeks of a
    pattern repeating every 4 to 9 days)."""
    plan = Plan.positive_with(rng, "Fatigue crashes 1-2 days after busy days", after=42 + rng.randint(14, 40))
    busy = plan.onset
    while busy < len(plan.effects):
        effect = plan.effects[busy]
        effect.steps *= rng.uniform(1.4, 1.55) if rng.random() < 0.7 else rng.uniform(1.6, 2.0)
        if rng.random() < 0.85:
            lag = rng.choice((1, 2))
            rise = rng.uniform(2.5, 4.0)
            for offset, crash in plan.days(busy + lag, busy + lag + rng.randint(0, 1)):
                crash.fatigue += rise * (1 if offset == 0 else 0.5)
                crash.left -= 0.5
                crash.right -= 0.5
                crash.steps *= 0.7
        busy += rng.randint(4, 9)
    plan.expect_alert(["post_exertional"], "info", plan.onset, plan.onset + 42)
    return Person.draw(rng, model, steps_always=True, fatigue=(1.5, 5.0)), plan


def fall(rng, model):
    """A fall: a falls assessment is advised (NICE NG249). `soon`, the same day."""
    plan = Plan.positive_with(rng, "A fall", after=rng.randint(7, 30))
    day = plan.effects[plan.onset]
    day.must_log = day.fresh = True
    day.symptoms.add("fall")
    if rng.random() < 0.5:
        day.symptoms.add("balance_problems")
    if rng.random() < 0.4:
        day.left -= rng.uniform(0.5, 1.0)
        day.right -= rng.uniform(0.5, 1.0)
    plan.expect_alert(["fall"], "soon", plan.onset, plan.onset)
    return Person.draw(rng, model), plan


def growing_asymmetry(rng, model):
    """An old, stable difference between the legs that starts to grow: the weaker leg losing more. A new
    asymmetry is a difference that grows; `soon`, by 3 weeks after it has grown by 2 points."""
    rate = rng.uniform(0.04, 0.09)
    plan = Plan.positive_with(rng, "", after=ceil(2 / rate) + 21 + rng.randint(7, 30))
    side, old, most = rng.choice(SIDES), rng.uniform(1.0, 2.0), rng.uniform(3.0, 4.5)
    plan.title = f"Old difference between the legs growing ({side} weaker, {rate:.2f}/day)"
    for offset, effect in plan.days(0):
        grown = 0.0 if offset < plan.onset else min(most, rate * (offset - plan.onset))
        side_strength(effect, side, -old - grown)
    plan.expect_alert(["asymmetry", "worsening_trend"], "soon", *_slow_trend_window(plan, rate, 2, 21))
    return Person.draw(rng, model), plan


def escalation(rng, model):
    """Known cancer: legs weakening over days (urgent by day 4: cancer with new weakness is possible cord
    compression), partly better with treatment; 10 to 24 days later new back pain with a bladder/saddle change
    or further weakness. The second is a new, more specific red flag of metastatic cord compression (NICE
    NG234): `cord_compression`, urgent or higher, within a day, whatever was raised before."""
    plan = Plan.positive_with(rng, "Known cancer: rapid weakening, then back pain with new signs", after=45)
    rate, most = rng.uniform(0.7, 1.2), rng.uniform(3.0, 4.0)
    second = plan.onset + rng.randint(10, 24)
    recovered = rng.uniform(0.5, 0.7)
    with_bladder = rng.random() < 0.5
    right_share = rng.uniform(0.7, 1.0)
    for offset, effect in plan.days(plan.onset):
        weakness = min(most, rate * (offset + 1))
        if offset > 5:
            weakness = most * (1 - recovered * min(1.0, (offset - 5) / 10))
        if plan.onset + offset >= second and not with_bladder:
            weakness += min(3.0, 2.0 + 0.3 * (plan.onset + offset - second))
        effect.left -= weakness
        effect.right -= weakness * right_share
        effect.symptom_chances["heaviness"] = 0.4
        if plan.onset + offset >= second:
            effect.symptom_chances["back_pain"] = 0.9
            if with_bladder:
                effect.symptom_chances["bladder_bowel_change"] = 0.6
    for _, effect in plan.days(plan.onset, plan.onset + 3):
        effect.fresh = True
    plan.effects[plan.onset + 2].must_log = True
    plan.expect_alert(
        ["rapid_progression", "cord_compression", "sudden_weakness"], "urgent", plan.onset, plan.onset + 4
    )
    onset = plan.effects[second]
    if with_bladder:
        onset.must_log = onset.fresh = True
        onset.symptoms.add("bladder_bowel_change")
    else:
        fixed_drop_day(onset, {"left": 2})
    onset.symptoms.add("back_pain")
    plan.expect_alert(["cord_compression"], "urgent", second, second + 1)
    return Person.draw(rng, model, cancer=True, background_back_pain=False, diabetes=False), plan


Recipe = Callable[[random.Random, NoiseModel], tuple[Person, Plan]]

# How many diaries of each recipe make one set: about 330 patient-years without a change (negatives and the
# healthy stretch before each problem) and about 250 expected alerts.
NEGATIVE_RECIPES: dict[str, tuple[Recipe, int]] = {
    "stable": (stable, 30),
    "bad_days": (bad_days, 20),
    "illness": (illness_weeks, 25),
    "old_injury": (old_injury, 20),
    "recovery": (injury_recovery, 15),
    "cancer_stable": (cancer_stable, 15),
    "cancer_back_pain_days": (cancer_back_pain_days, 20),
    "diabetes_numbness": (diabetes_numbness, 20),
    "high_fatigue": (high_fatigue, 10),
    "chronic_back_pain": (chronic_back_pain, 10),
    "gaps": (logging_gaps, 15),
}
POSITIVE_RECIPES: dict[str, tuple[Recipe, int]] = {
    "stroke": (stroke, 20),
    "stroke_3pt": (stroke_three_points, 20),
    "stroke_signs": (stroke_with_signs, 10),
    "cauda": (cauda_equina, 15),
    "mscc": (cord_compression, 15),
    "mscc_back_pain": (cancer_back_pain_persistent, 15),
    "gbs": (guillain_barre, 15),
    "decline_one": (slow_decline_one_side, 15),
    "decline_both": (slow_decline_both_sides, 15),
    "chair": (chair_stand_decline, 15),
    "parkinsonian": (parkinsonian_slowing, 12),
    "fatigue": (fatigue_rising, 15),
    "disuse": (disuse, 12),
    "pem": (post_exertional, 15),
    "fall": (fall, 15),
    "asym_growing": (growing_asymmetry, 12),
    "escalation": (escalation, 10),
    "stroke_week1": (stroke_first_week, 10),
    "mscc_week1": (cord_compression_first_week, 10),
    "acute_both": (acute_both_legs, 10),
}
