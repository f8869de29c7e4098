"""How often a clear one-sided drop goes without an emergency on its day, per noise model (issue 11: every
emergency finding the same day).

    .venv/bin/python bench/engine/clear_drops.py [--models independent,persistent,heavy,sticky] [--people 1500]
    .venv/bin/python bench/engine/clear_drops.py --first-week

For each of --people random people of a noise model (bench/engine/people.py and noise.py), a stable diary of 60-120
days; on its last two days, yesterday at the person's usual answer on both legs and today one leg 4 points below
its usual answer (the lower of its median over the last 30 logs and its mean over the diary), the other leg as
usual, no symptoms. That is the property tests/tracker/rules/test_properties_persistent.py checks on 100 people,
here over many more and every noise model. Prints, per model, how many such days the save-time check left without
an emergency, and which part of the one-sided rule stopped each.

With --first-week the diary has only 2 to 7 days (1 to 6 logs before the drop: no usual level yet, so the first-week
rule decides), and the same people's first weeks without a drop are checked day by day: how many of them were told
of an emergency that was not there.
"""

import argparse
import random
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from statistics import median

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.engine.noise import MODELS
from bench.engine.people import DayEffect, Person, simulate_days
from tracker.diaries import read_diary
from tracker.rules import red_flags
from tracker.rules.engine import check_log
from tracker.rules.simulate import diary_entries, diary_patient
from tracker.rules.types import Severity

START = date(2025, 1, 6)
DROP = 4


def clear_drop_diary(rng: random.Random, model, days_between: tuple[int, int] = (60, 120)) -> tuple[dict, str] | None:
    """A stable diary ending in a clear one-sided drop, and the weaker side; None for a person whose leg is usually
    below 4 (there are not 4 points to lose) or who logged fewer than two of the days."""
    seed, side, days = rng.randrange(2**32), rng.choice(("left", "right")), rng.randint(*days_between)
    person_rng = random.Random(seed)
    person = Person.draw(person_rng, model)
    entries = simulate_days(person, [DayEffect() for _ in range(days)], START, model, person_rng)
    if len(entries) < 2:
        return None
    usual = {
        name: min(median(d[name] for d in entries[-30:]), sum(d[name] for d in entries) / len(entries))
        for name in ("strength_left", "strength_right")
    }
    weaker, other = f"strength_{side}", f"strength_{'right' if side == 'left' else 'left'}"
    if usual[weaker] < DROP:
        return None
    entries[-2] |= {weaker: round(usual[weaker]), other: round(usual[other])}
    entries[-1] |= {weaker: int(usual[weaker]) - DROP, other: round(usual[other]), "symptoms": []}
    return {"id": f"clear-drop-{seed}", "patient": person.profile(), "days": entries}, side


def what_stopped_it(diary: dict, side: str) -> str | None:
    """None when the day raised an emergency; else the first part of the one-sided rule that did not pass."""
    read = read_diary(diary)
    entries = diary_entries(read)
    patient = diary_patient(read)
    findings = check_log(patient, entries[:-1], entries[-1])
    if any(f.code == "sudden_weakness" and f.severity is Severity.EMERGENCY for f in findings):
        return None
    view = red_flags._view(patient, entries[:-1], entries[-1])
    if not view.has_baseline:
        if side not in view.fallen_below_first_logs():
            return "no usual level yet, and the leg not 4 points below the level of its earlier logs"
        return "no usual level yet, and the other leg fell below its earlier logs too"
    leg = next(leg for leg in view.legs if leg.side == side)
    other = next(o for o in view.legs if o is not leg)
    if not leg.is_sudden():
        return "most of the drop was not since the previous log"
    if leg.drop - other.drop <= view.usual_largest_gap:
        return "the gap between the legs no wider than on the person's widest ordinary day"
    if leg.is_severe() or leg.fell_to_severely_weak():
        return f"severe, but the gap's z under {red_flags.Z_SEVERE_FOCAL_DROP}"
    return "not severe for this person, and the gap's z with corroboration under the budget"


def false_emergencies_in_first_week(diary: dict) -> int:
    """Emergencies the save-time check raises on the first week of a diary that holds no change."""
    read = read_diary(diary)
    entries = diary_entries(read)[:7]
    patient = diary_patient(read)
    return sum(
        any(f.severity is Severity.EMERGENCY for f in check_log(patient, entries[:index], entries[index]))
        for index in range(1, len(entries))
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", default="independent,persistent,heavy,sticky")
    parser.add_argument("--people", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--first-week", action="store_true", help="drops on the 2nd to 7th log, before a usual level")
    args = parser.parse_args()
    days_between = (2, 7) if args.first_week else (60, 120)
    for name in args.models.split(","):
        rng, tried, stopped, told_falsely = random.Random(args.seed), 0, Counter(), 0
        for _ in range(args.people):
            made = clear_drop_diary(rng, MODELS[name], days_between)
            if made is None:
                continue
            tried += 1
            if (reason := what_stopped_it(*made)) is not None:
                stopped[reason] += 1
            if args.first_week:
                diary, _ = made
                told_falsely += false_emergencies_in_first_week(diary | {"days": diary["days"][:-1]}) > 0
        missed = sum(stopped.values())
        print(f"{name}: {missed} of {tried} clear {DROP}-point one-sided drops left without an emergency", end="")
        print(f" ({missed / tried:.1%})")
        for reason, count in stopped.most_common():
            print(f"    {count:4d}  {reason}")
        if args.first_week:
            print(f"    the same people's first logs without the drop: {told_falsely} told of an emergency")


if __name__ == "__main__":
    main()
