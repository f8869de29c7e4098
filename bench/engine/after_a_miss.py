"""What follows a missed red flag: the days until the engine raises any alert at `urgent` or above.

    .venv/bin/python bench/engine/after_a_miss.py [--sets independent,persistent,heavy,frozen,sparse,sticky]

The scorer counts a red flag found outside its window as a miss and nothing more. For the person the difference
is large: a one-sided stroke not flagged on its day but flagged the next day has lost a day; one with no urgent
alert for a week, or none at all, has lost the leg's chance. For every expectation at `urgent` or `emergency` on
each set's positive diaries, this replays the engine (the pure replay, as evaluate.py does) and, where the
expectation was missed, reads the first alert of any code at `urgent` or above on or after its start. About 30 s
per set on two cores.
"""

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.engine.evaluate import set_files
from bench.engine.scoring import SEVERITY, Alert, alerts_from_lines, hits_of
from tracker.rules import simulate

URGENT = SEVERITY["urgent"]


@dataclass(frozen=True)
class Miss:
    diary: str
    codes: tuple[str, ...]
    # Days from the expectation's start to the first alert at urgent or above; None: none came.
    days_to_urgent: int | None


@dataclass
class Reading:
    expected: int = 0
    misses: list[Miss] = field(default_factory=list)


def misses_of(diary_id: str, expectations: Iterable[dict], alerts: list[Alert]) -> tuple[int, list[Miss]]:
    """The diary's expectations at urgent or above, and those of them no alert met in its window."""
    expected, misses = 0, []
    for expectation in expectations:
        if SEVERITY[expectation["min_severity"]] < URGENT:
            continue
        expected += 1
        if hits_of(expectation, alerts):
            continue
        start = date.fromisoformat(expectation["from"])
        later = [a.day for a in alerts if a.severity >= URGENT and a.day >= start]
        days = (min(later) - start).days if later else None
        misses.append(Miss(diary_id, tuple(expectation["codes"]), days))
    return expected, misses


def _replay(path: str) -> tuple[int, list[Miss]]:
    raw = json.loads(Path(path).read_text())
    if raw.get("kind") != "positive":
        return 0, []
    return misses_of(raw["id"], raw["expect"], alerts_from_lines(list(simulate.replay_alerts(raw))))


def read_set(files: list[Path], processes: int = 2) -> Reading:
    with get_context("fork").Pool(processes) as pool:
        results = pool.map(_replay, [str(path) for path in files], chunksize=8)
    reading = Reading()
    for expected, misses in results:
        reading.expected += expected
        reading.misses.extend(misses)
    return reading


def report(set_name: str, reading: Reading) -> list[str]:
    misses = reading.misses
    next_day = sum(1 for m in misses if m.days_to_urgent is not None and m.days_to_urgent <= 1)
    later = sorted(m.days_to_urgent for m in misses if m.days_to_urgent is not None and m.days_to_urgent > 1)
    never = sorted(m.diary for m in misses if m.days_to_urgent is None)
    return [
        f"== {set_name}: {reading.expected} expected at urgent or above, {len(misses)} missed; after a miss, an "
        f"urgent alert within a day {next_day}, later {len(later)} (days: {later}), never {len(never)}",
        *(f"    never: {diary}" for diary in never),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default="independent,persistent,heavy,frozen,sparse,sticky")
    args = parser.parse_args()
    for set_name in args.sets.split(","):
        print("\n".join(report(set_name, read_set(set_files(set_name)))), flush=True)


if __name__ == "__main__":
    main()
