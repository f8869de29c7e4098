"""Two saved evaluations side by side, set by set: what an engine change gained and what it cost (issue 11).

    .venv/bin/python bench/engine/evaluate.py --rules engine --save .run/before.json
    (change the engine)
    .venv/bin/python bench/engine/evaluate.py --rules engine --save .run/after.json
    .venv/bin/python bench/engine/compare.py .run/before.json .run/after.json

For each set both files hold: finds, false alerts at `soon` and above, emergencies found the same day and alerts
of any severity before a change (info included), before -> after, with every expectation group, false-alert code
and recipe that moved. Then one verdict per set: gains (more found, fewer false alerts or more same-day
emergencies, nothing worse), costs (the reverse), a trade (both) or the same. Validation sets are marked: read
them, never tune on them. A change that gains on one set and costs on another is a trade to argue, not a fix.
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.engine.scoring import Grade


def load(path: Path, rule: str) -> dict[str, tuple[str | None, Grade]]:
    """Each set's validation kind and `rule`'s grade, from a file evaluate.py --save wrote."""
    saved = json.loads(path.read_text())
    return {
        name: (entry["validation"], Grade.from_json(entry["grades"][rule]))
        for name, entry in saved.items()
        if rule in entry["grades"]
    }


def verdict(before: Grade, after: Grade) -> str:
    changes = (
        after.found - before.found,
        before.false_alerts - after.false_alerts,
        after.emergencies_same_day - before.emergencies_same_day,
    )
    gains, costs = any(change > 0 for change in changes), any(change < 0 for change in changes)
    if gains and costs:
        return "trade"
    return "gains" if gains else "costs" if costs else "same"


def _moved(title: str, before: dict, after: dict, show) -> list[str]:
    lines = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if show(old) != show(new):
            lines.append(f"    {title} {key}: {show(old)} -> {show(new)}")
    return lines


def _hits(group) -> str:
    return "-" if group is None else f"{group[0]}/{group[1]}"


def _recipe(recipe) -> str:
    return "-" if recipe is None else f"{recipe[0]}/{recipe[1]}, {recipe[2]} false"


def set_lines(name: str, kind: str | None, before: Grade, after: Grade) -> list[str]:
    lines = [
        f"== {name}" + (f" ({kind}: read it, never tune on it)" if kind else ""),
        f"  found {before.found}/{before.expected} -> {after.found}/{after.expected}; "
        f"false alerts {before.false_alerts} ({before.false_per_year:.2f}/py) -> "
        f"{after.false_alerts} ({after.false_per_year:.2f}/py); "
        f"emergencies the same day {before.emergencies_same_day} -> {after.emergencies_same_day}; "
        f"alerts before a change, info included {sum(before.early_by_code.values())} -> "
        f"{sum(after.early_by_code.values())}",
    ]
    lines += _moved("expected", before.expectations, after.expectations, _hits)
    lines += _moved("false", before.false_by_code, after.false_by_code, lambda count: count or 0)
    lines += _moved("recipe", before.by_recipe, after.by_recipe, _recipe)
    return lines


def compare(before: dict[str, tuple[str | None, Grade]], after: dict[str, tuple[str | None, Grade]]) -> list[str]:
    names = [name for name in after if name in before]
    lines = []
    for name in names:
        lines += set_lines(name, after[name][0], before[name][1], after[name][1])
    lines.append("== verdict per set (found, false alerts, same-day emergencies)")
    width = max([22, *(len(name) + 2 for name in names)])
    for name in names:
        kind, old, new = after[name][0], before[name][1], after[name][1]
        lines.append(
            f"  {name:{width}}{verdict(old, new):7}{new.found - old.found:+5d}{new.false_alerts - old.false_alerts:+5d}"
            f"{new.emergencies_same_day - old.emergencies_same_day:+5d}" + ("  (validation)" if kind else "")
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--rule", default="engine", help="engine or thumb")
    args = parser.parse_args()
    print("\n".join(compare(load(args.before, args.rule), load(args.after, args.rule))))


if __name__ == "__main__":
    main()
