"""A second diary generator, written from a different model than the public scenarios (issue 11).

    .venv/bin/python bench/engine/generator.py                      # every noise model, default seeds
    .venv/bin/python bench/engine/generator.py --model heavy --seed 7

Diaries are a pure function of (noise model, seed): each diary draws from its own random stream named by
the model, the seed, its recipe and its number. They are written as scenario files the official scorer reads
(../shared/scenarios/score.py), into .run/engine-sets/<model>-<seed>/ (git-ignored, never committed), with a
manifest naming the generator version so a changed generator rewrites them. The `frozen` model is the frozen
validation set: always its own fixed seed, never tuned on (bench/engine/README.md).
"""

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.engine.conditions import NEGATIVE_RECIPES, POSITIVE_RECIPES, add_everyday_life
from bench.engine.noise import FROZEN_MODEL, FROZEN_SEED, MODELS, TUNING_MODELS
from bench.engine.people import simulate_days

ROOT = Path(__file__).resolve().parents[2]
SETS_DIR = ROOT / ".run" / "engine-sets"
DEFAULT_SEED = 1
RECIPES = NEGATIVE_RECIPES | POSITIVE_RECIPES
FIRST_START = date(2023, 1, 2)
_SOURCES = ("noise.py", "people.py", "conditions.py", "generator.py")


def generator_version() -> str:
    digest = hashlib.sha256()
    for name in _SOURCES:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()[:16]


def default_seed(model: str) -> int:
    return FROZEN_SEED if model == FROZEN_MODEL else DEFAULT_SEED


def check_seed(model: str, seed: int) -> None:
    if model not in MODELS:
        raise SystemExit(f"unknown noise model {model!r}; known: {', '.join(MODELS)}")
    if model == FROZEN_MODEL and seed != FROZEN_SEED:
        raise SystemExit(f"the frozen validation set has one seed, {FROZEN_SEED}; tune on {', '.join(TUNING_MODELS)}")


def diary_specs() -> list[tuple[str, int]]:
    return [(name, index) for name, (_, count) in RECIPES.items() for index in range(count)]


def build_diary(model_name: str, seed: int, recipe_name: str, index: int) -> dict:
    model = MODELS[model_name]
    rng = random.Random(f"{model_name}/{seed}/{recipe_name}/{index}")
    recipe, _ = RECIPES[recipe_name]
    person, plan = recipe(rng, model)
    add_everyday_life(plan, person, model)
    # The diary runs to its planned end (the day it was exported), past every expectation's window.
    plan.effects[-1].must_log = True
    start = FIRST_START + timedelta(days=rng.randint(0, 3 * 365))
    days = simulate_days(person, plan.effects, start, model, rng)
    return {
        "id": f"{recipe_name}-{model_name}-{seed}-{index:03d}",
        "kind": "positive" if plan.positive else "negative",
        "title": plan.title,
        "patient": person.profile(),
        "days": days,
        "expect": [
            {
                "codes": expectation.codes,
                "min_severity": expectation.min_severity,
                "from": (start + timedelta(days=expectation.first)).isoformat(),
                "by": (start + timedelta(days=expectation.last)).isoformat(),
            }
            for expectation in plan.expect
        ],
        "generator": {"model": model_name, "seed": seed, "recipe": recipe_name, "version": generator_version()},
    }


def _build(spec: tuple[str, int, str, int]) -> dict:
    return build_diary(*spec)


def build_set(model: str, seed: int, processes: int = 2) -> list[dict]:
    check_seed(model, seed)
    specs = [(model, seed, name, index) for name, index in diary_specs()]
    with get_context("fork").Pool(processes) as pool:
        return pool.map(_build, specs, chunksize=8)


def set_directory(model: str, seed: int) -> Path:
    return SETS_DIR / f"{model}-{seed}"


@dataclass(frozen=True)
class SetFiles:
    model: str
    seed: int
    directory: Path

    @property
    def files(self) -> list[Path]:
        return sorted(self.directory.glob("*.json"))


def ensure_set(model: str, seed: int, processes: int = 2) -> SetFiles:
    """The set's files, written first when missing or made by another version of the generator."""
    check_seed(model, seed)
    directory = set_directory(model, seed)
    write_set(directory, f"{model} {seed} {generator_version()}\n", lambda: build_set(model, seed, processes))
    return SetFiles(model, seed, directory)


def write_set(directory: Path, manifest: str, diaries: Callable[[], Iterable[dict]]) -> None:
    """Write `diaries()` as the directory's scenario files unless its manifest already reads `manifest` (the same
    sources made them); stale files go first."""
    manifest_path = directory / "manifest.txt"
    if manifest_path.exists() and manifest_path.read_text() == manifest:
        return
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("*.json"):
        old.unlink()
    for diary in diaries():
        (directory / f"{diary['id']}.json").write_text(json.dumps(diary, separators=(",", ":")))
    manifest_path.write_text(manifest)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", action="append", choices=sorted(MODELS), help="default: every model")
    parser.add_argument("--seed", type=int, help=f"default {DEFAULT_SEED} ({FROZEN_SEED} for {FROZEN_MODEL})")
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    for model in args.model or list(MODELS):
        seed = default_seed(model) if args.seed is None else args.seed
        written = ensure_set(model, seed, args.processes)
        print(f"{model} seed {seed}: {len(written.files)} diaries in {written.directory.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
