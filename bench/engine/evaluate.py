"""The engine against the rule of thumb, side by side, on the public diaries and on each generated set (issue 11).

    .venv/bin/python bench/engine/evaluate.py            # public + every generated set (tuning, frozen, stress)
    .venv/bin/python bench/engine/evaluate.py --sets heavy --failures
    .venv/bin/python bench/engine/evaluate.py --rules engine --save .run/after.json   # then compare.py

The engine runs through the pure replay (tracker.rules.simulate, line for line what `manage.py replay` prints),
the rule of thumb through bench/engine/rule_of_thumb.py; both are graded as ../shared/scenarios/score.py grades
(bench/engine/scoring.py). Generated sets are written on first use (bench/engine/generator.py). The public set is
read from SCENARIOS_DIR, by default ../shared/scenarios/public beside the checkout.

`frozen` is the frozen validation set and `sparse` and `sticky` are stress validation sets: look at their figures,
never tune on them.
"""

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.engine import rule_of_thumb
from bench.engine.generator import default_seed, ensure_set
from bench.engine.noise import FROZEN_MODEL, MODELS, VALIDATION_MODELS
from bench.engine.patching import patch_constant
from bench.engine.renoise import RENOISE_MODELS, public_directory, renoised_model, set_name
from bench.engine.renoise import ensure_set as ensure_renoised_set
from bench.engine.scoring import SEVERITY, Alert, Grade, alerts_from_lines, grade, percentile
from tracker.rules import simulate

RULES: dict[str, Callable] = {"engine": simulate.replay_alerts, "thumb": rule_of_thumb.replay_alerts}
RULE_TITLES = {"engine": "engine", "thumb": "rule of thumb"}
PUBLIC = "public"


def set_files(name: str, seed: int | None = None, processes: int = 2) -> list[Path]:
    """The diaries of `public`, of a noise model's generated set, or of any directory of scenario files."""
    if name == PUBLIC:
        return sorted(public_directory().glob("*.json"))
    if renoised_model(name):
        return sorted(ensure_renoised_set(public_directory(), renoised_model(name)).glob("*.json"))
    if name not in MODELS and Path(name).is_dir():
        return sorted(Path(name).glob("*.json"))
    return ensure_set(name, default_seed(name) if seed is None else seed, processes).files


def _apply(patches: dict) -> None:
    for dotted_name, value in patches.items():
        if patch_constant(dotted_name, value) == 0:
            raise ValueError(f"{dotted_name}: found nowhere in the engine")


def _replay(task: tuple[str, tuple[str, ...]]) -> tuple[dict, dict[str, list[Alert]]]:
    path, rules = task
    diary = json.loads(Path(path).read_text())
    outline = {
        "id": diary["id"],
        "expect": diary["expect"],
        "days": [diary["days"][0], diary["days"][-1]] if diary["days"] else [],
    }
    return outline, {rule: alerts_from_lines(list(RULES[rule](diary))) for rule in rules}


def run(
    files: Iterable[Path], rules: Iterable[str] = tuple(RULES), processes: int = 2, patches: dict | None = None
) -> dict[str, Grade]:
    """Each rule's grade on these diaries, replayed in `processes` workers with `patches` applied in them (in this
    process when there is one and nothing to patch)."""
    rules = tuple(rules)
    tasks = [(str(path), rules) for path in files]
    if processes <= 1 and not patches:
        results = [_replay(task) for task in tasks]
    else:
        with get_context("fork").Pool(processes, initializer=_apply, initargs=(patches or {},)) as pool:
            results = pool.map(_replay, tasks, chunksize=max(1, len(tasks) // (processes * 8)))
    outlines = [outline for outline, _ in results]
    return {rule: grade(outlines, {outline["id"]: alerts[rule] for outline, alerts in results}) for rule in rules}


def _delays(delays: list[int]) -> str:
    if not delays:
        return "-"
    return f"{percentile(delays, 0.5):g}/{percentile(delays, 0.9):g}"


def _validation_kind(name: str) -> str | None:
    if renoised_model(name):
        return "the public diaries with harder noise"
    if name == FROZEN_MODEL:
        return "frozen validation set"
    return "stress validation set" if name in VALIDATION_MODELS else None


def report(name: str, grades: dict[str, Grade], seconds: float, failures: bool = False) -> list[str]:
    rules = list(grades)
    first = grades[rules[0]]
    lines = [
        f"== {name}: {first.diaries} diaries, {first.years:.1f} patient-years, "
        f"{first.years_without_change:.1f} without a change, {first.expected} expected alerts ({seconds:.0f} s)"
    ]
    if kind := _validation_kind(name):
        lines.append(f"   {kind}: read it, never tune on it")
    width = 24
    groups = sorted({group for g in grades.values() for group in g.expectations})
    label = max([32, *(len(group) + 2 for group in groups)])
    lines.append(f"{'':{label + 2}}" + "".join(f"{RULE_TITLES[rule]:>{width}}" for rule in rules))
    overall = (
        ("sensitivity", lambda g: f"{g.sensitivity:.3f} ({g.found}/{g.expected})"),
        ("false alerts / patient-year", lambda g: f"{g.false_per_year:.2f} ({g.false_alerts})"),
        ("alert load / patient-year", lambda g: f"{g.load_per_year:.2f}"),
        ("delay median/p90 (days)", lambda g: _delays(g.delays)),
        ("emergencies the same day", lambda g: f"{g.emergencies_same_day}/{g.emergencies_expected}"),
    )
    for title, value in overall:
        lines.append(f"  {title:{label}}" + "".join(f"{value(grades[rule]):>{width}}" for rule in rules))
    lines.append("  expected (hits/misses, delay median/p90)")
    for group in groups:
        cells = []
        for rule in rules:
            hits, misses, delays = grades[rule].expectations.get(group, [0, 0, []])
            cells.append(f"{hits}/{misses} {_delays(delays)}")
        lines.append(f"    {group:{label - 2}}" + "".join(f"{cell:>{width}}" for cell in cells))
    lines.append("  false alerts >= soon (count, per patient-year) | alerts before a change, info included")
    codes = sorted({code for g in grades.values() for code in (*g.false_by_code, *g.early_by_code)})
    for code in codes:
        cells = []
        for rule in rules:
            g = grades[rule]
            cells.append(f"{g.false_by_code[code]} {g.false_by_code[code] / g.years:.2f} | {g.early_by_code[code]}")
        lines.append(f"    {code:{label - 2}}" + "".join(f"{cell:>{width}}" for cell in cells))
    lines.append("  alert load by code (>= soon, per patient-year)")
    for code in sorted({code for g in grades.values() for code in g.load_by_code}):
        lines.append(
            f"    {code:{label - 2}}"
            + "".join(f"{grades[rule].load_by_code[code] / grades[rule].years:>{width}.2f}" for rule in rules)
        )
    lines.append("  by recipe (hits/misses, false alerts)")
    for recipe in sorted({recipe for g in grades.values() for recipe in g.by_recipe}):
        cells = []
        for rule in rules:
            hits, misses, false = grades[rule].by_recipe.get(recipe, [0, 0, 0])
            cells.append(f"{hits}/{misses}, {false}")
        lines.append(f"    {recipe:{label - 2}}" + "".join(f"{cell:>{width}}" for cell in cells))
    if failures:
        for rule in rules:
            lines.append(f"  {RULE_TITLES[rule]}: what went wrong")
            lines.extend(f"    {failure}" for failure in grades[rule].failures)
    return lines


def summary(results: dict[str, dict[str, Grade]]) -> list[str]:
    rules = list(next(iter(results.values())))
    header = f"{'set':12}{'py':>7}{'py no chg':>10}{'expected':>9}"
    for rule in rules:
        header += f" | {RULE_TITLES[rule][:13]:13}{'sens':>6}{'FA/py':>7}{'load':>6}{'delay':>8}{'emerg':>7}"
    lines = ["== summary", header]
    for name, grades in results.items():
        first = grades[rules[0]]
        row = f"{name:12}{first.years:7.1f}{first.years_without_change:10.1f}{first.expected:9d}"
        for rule in rules:
            g = grades[rule]
            row += (
                f" | {'':13}{g.sensitivity:6.3f}{g.false_per_year:7.2f}{g.load_per_year:6.2f}"
                f"{_delays(g.delays):>8}{g.emergencies_same_day:>4}/{g.emergencies_expected:<2}"
            )
        lines.append(row)
    return lines


def saved(results: dict[str, dict[str, Grade]]) -> dict:
    """What --save writes: each set's kind (None for a tuning set) and each rule's grade."""
    return {
        name: {"validation": _validation_kind(name), "grades": {rule: g.as_json() for rule, g in grades.items()}}
        for name, grades in results.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--sets",
        default=",".join((PUBLIC, *MODELS, *map(set_name, RENOISE_MODELS))),
        help="comma-separated: public, noise models, public+<noise model>, directories",
    )
    parser.add_argument("--seed", type=int, help="seed of the generated sets (default: each model's own)")
    parser.add_argument("--rules", default=",".join(RULES), help="comma-separated: engine, thumb")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--failures", action="store_true", help="list every miss and false alert")
    parser.add_argument("--save", type=Path, help="also write every grade to this JSON file (for compare.py)")
    args = parser.parse_args()
    results = {}
    for name in args.sets.split(","):
        files = set_files(name, args.seed, args.processes)
        if not files:
            print(f"== {name}: no diaries (public set: set SCENARIOS_DIR)")
            continue
        started = time.perf_counter()
        results[name] = run(files, args.rules.split(","), args.processes)
        print("\n".join(report(name, results[name], time.perf_counter() - started, args.failures)), flush=True)
        print()
    if results:
        print("\n".join(summary(results)))
    if args.save:
        args.save.write_text(json.dumps(saved(results), indent=1))
    print(f"severities: {', '.join(SEVERITY)}; false alerts and load count soon and above, as score.py does")


if __name__ == "__main__":
    main()
