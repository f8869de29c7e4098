"""The public diaries again, seen through harder noise: a validation family beside the generator's (issue 11).

    .venv/bin/python bench/engine/renoise.py                       # every model in RENOISE_MODELS, default seed
    .venv/bin/python bench/engine/evaluate.py --sets public+sticky

One of the held-out families is the public set's own generator with harder noise. The generator's sets
(generator.py) come from a different model of a person, so they cannot show whether the engine still reads the
public set's kind of diary once its answers are noisier. Here each public diary is copied COPIES times and each copy
is put through one person's answering noise drawn from a noise model of noise.py, on top of what was logged:
perception noise on each rating (independent, AR(1) or Student t, plus a day's mood moving both legs and fatigue
together), whole entries and single answers copied from the entry before, days skipped more often the worse they
are, steps and chair-stand counts moved by a measurement error of their own. The expectations stay the diary's own.

A red flag needs its day: a day an urgent or emergency expectation rests on, or with a reported red-flag symptom, is
never skipped or copied over (no engine can see a stroke on a day nobody logged or copied from yesterday; the point is
the noise, not information taken away), and its chair-stand count stays as logged; its ratings get the noise.

These sets are read like `frozen`, never tuned on: they are the public set's structure, and the public set has
been looked at for too long to tune on in any form.
"""

import argparse
import hashlib
import json
import os
import random
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from math import exp
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.engine.generator import ROOT, SETS_DIR, write_set
from bench.engine.noise import MODELS, NoiseModel, PerceptionNoise, draw

COPIES = 12
DEFAULT_SEED = 1
RENOISE_MODELS = ("independent", "persistent", "heavy", "frozen", "sparse", "sticky")
RATINGS = ("strength_left", "strength_right", "fatigue")
RED_FLAG_SYMPTOMS = frozenset({"fall", "bladder_bowel_change", "saddle_numbness", "face_arm_speech", "sudden_onset"})
PRESSING = frozenset({"urgent", "emergency"})
MAX_CHANCE_OF_SKIPPING = 0.85
# A chair-stand count gets about the test's own retest error again (SEM of about 1-1.5 stands at 30 s: Jones 1999):
# the public counts vary less than Poisson counts, and a Poisson count drawn around each would double the noise.
CHAIR_ADDED_SD = 1.2
# Public diaries already carry their generator's own noise; the models' perception noise is added at this fraction
# of its SD, so the sum is harder than the public set without drowning its signals.
ADDED_NOISE_FRACTION = 0.8


def public_directory() -> Path:
    """The public scenarios: SCENARIOS_DIR, by default ../shared/scenarios/public beside the checkout."""
    return Path(os.environ.get("SCENARIOS_DIR") or ROOT.parent / "shared" / "scenarios" / "public")


def set_name(model: str) -> str:
    return f"public+{model}"


def renoised_model(name: str) -> str | None:
    """The noise model of a set named public+<model>, else None."""
    prefix, _, model = name.partition("+")
    return model if prefix == "public" and model else None


def set_directory(model: str, seed: int) -> Path:
    return SETS_DIR / f"{set_name(model)}-{seed}"


def protected_days(diary: dict) -> set[str]:
    """Dates whose entry a red flag rests on: kept as logged."""
    days = {day["date"] for day in diary["days"] if RED_FLAG_SYMPTOMS & set(day.get("symptoms") or ())}
    for expectation in diary["expect"]:
        if expectation["min_severity"] in PRESSING:
            first, last = date.fromisoformat(expectation["from"]), date.fromisoformat(expectation["by"])
            days |= {(first + timedelta(days=k)).isoformat() for k in range((last - first).days + 1)}
    return days


def _clip(value: float) -> int:
    return min(10, max(0, round(value)))


def renoise(diary: dict, model: NoiseModel, rng: random.Random, copy: int) -> dict:
    """One copy of `diary`, answered by a person with `model`'s noise."""
    keep = protected_days(diary)
    added = replace(model, rating_sd=tuple(sd * ADDED_NOISE_FRACTION for sd in model.rating_sd))
    noises = {name: PerceptionNoise(added, rng) for name in RATINGS}
    copy_day, copy_field = draw(rng, model.copy_day), draw(rng, model.copy_field)
    missing_base, missing_bad_gain = draw(rng, model.missing_base), draw(rng, model.missing_bad_gain)
    steps_sigma = draw(rng, model.steps_sigma) * ADDED_NOISE_FRACTION
    logged = {day["date"]: day for day in diary["days"]}
    usual = sorted((day["strength_left"] + day["strength_right"]) / 2 for day in diary["days"])[len(logged) // 2]
    first, last = date.fromisoformat(diary["days"][0]["date"]), date.fromisoformat(diary["days"][-1]["date"])
    days, previous = [], None
    for offset in range((last - first).days + 1):
        today = (first + timedelta(days=offset)).isoformat()
        moved = {name: noise.next() for name, noise in noises.items()}
        mood = rng.gauss(0.0, model.shared_sd)
        if today not in logged:
            previous = None
            continue
        day = dict(logged[today])
        badness = max(0.0, usual - (day["strength_left"] + day["strength_right"]) / 2, day["fatigue"] - 5)
        skip_chance = min(MAX_CHANCE_OF_SKIPPING, missing_base * exp(missing_bad_gain * badness))
        if offset and today not in keep and rng.random() < skip_chance:
            previous = None
            continue
        day |= _answers(day, None if today in keep else previous, moved, mood, copy_day, copy_field, rng)
        if day.get("steps") is not None:
            day["steps"] = max(0, round(day["steps"] * exp(rng.gauss(0.0, steps_sigma))))
        if day.get("chair_stand_30s") is not None and today not in keep:
            day["chair_stand_30s"] = max(0, round(day["chair_stand_30s"] + rng.gauss(0.0, CHAIR_ADDED_SD)))
        days.append(day)
        previous = day
    return diary | {"id": f"{diary['id']}+{model.name}-{copy}", "days": days}


def _answers(
    day: dict,
    previous: dict | None,
    moved: dict[str, float],
    mood: float,
    copy_day: float,
    copy_field: float,
    rng: random.Random,
) -> dict:
    if previous is not None and rng.random() < copy_day:
        return {name: previous[name] for name in RATINGS}
    answers = {
        "strength_left": _clip(day["strength_left"] + moved["strength_left"] - mood),
        "strength_right": _clip(day["strength_right"] + moved["strength_right"] - mood),
        "fatigue": _clip(day["fatigue"] + moved["fatigue"] + mood),
    }
    if previous is not None:
        answers |= {name: previous[name] for name in RATINGS if rng.random() < copy_field}
    return answers


def _version() -> str:
    return hashlib.sha256(Path(__file__).read_bytes() + (Path(__file__).parent / "noise.py").read_bytes()).hexdigest()


def ensure_set(public: Path, model: str, seed: int = DEFAULT_SEED) -> Path:
    """The re-noised set's directory, written first when missing or made from other sources."""
    if model not in MODELS:
        raise SystemExit(f"unknown noise model {model!r}; known: {', '.join(MODELS)}")
    sources = sorted(public.glob("*.json"))
    digest = hashlib.sha256(_version().encode())
    for path in sources:
        digest.update(path.read_bytes())
    directory = set_directory(model, seed)
    write_set(directory, f"{model} {seed} {digest.hexdigest()[:16]}\n", lambda: _copies(sources, model, seed))
    return directory


def _copies(sources: list[Path], model: str, seed: int) -> Iterator[dict]:
    for path in sources:
        diary = json.loads(path.read_text())
        for copy in range(COPIES):
            yield renoise(diary, MODELS[model], random.Random(f"renoise {model} {seed} {diary['id']} {copy}"), copy)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", choices=sorted(MODELS), action="append")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    for model in args.model or RENOISE_MODELS:
        print(ensure_set(public_directory(), model, args.seed))


if __name__ == "__main__":
    main()
