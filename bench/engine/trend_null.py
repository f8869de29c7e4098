"""In-control false-alarm rate of the fortnight trend tests, read on generated diaries without a change.

    .venv/bin/python bench/engine/trend_null.py [--sets independent,persistent,heavy]

The budget (tracker/rules/budget.py) gives each trend test a chance per look, share / looks a year, and takes its
threshold as the standard normal quantile of that chance: right only if the test's z is standard normal when
nothing changes. This reads the z itself on the negative diaries of each generated set (nothing changes in them:
bad days, illness weeks, gaps, old injuries, steady cancer), at a look every 14 days once 120 days are logged, as
the nightly analysis computes it (`trends.fortnight_change` and `trends.fortnight_z`; illness-like and recorded
spells left out, copied entries not counted, no look while a spell lasts). For each test it prints the z's
spread, its upper quantiles against the normal's, and the share of looks beyond the budget threshold, alone and
together with the rule's meaningful-change gate, beside the nominal chance per look. A ratio well above 1 says
the normal threshold under-counts this noise model's tail. About 30 s per set on one core.
"""

import argparse
import json
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from statistics import NormalDist, mean, stdev

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.engine.evaluate import set_files
from tracker.diaries import read_diary
from tracker.rules import simulate, trends
from tracker.rules.budget import SHARES, Z_FATIGUE_RISE, Z_STRENGTH_DECLINE
from tracker.rules.clinical import MEANINGFUL_FATIGUE_CHANGE, MEANINGFUL_STRENGTH_CHANGE
from tracker.rules.episodes import episodes_of

LOOK_EVERY_DAYS = 14
FIRST_LOOK_AFTER_DAYS = 120
# test: (series, direction, threshold, budget rule, meaningful change)
TESTS = {
    "strength decline": (
        ("strength_left", "strength_right"),
        -1,
        Z_STRENGTH_DECLINE,
        "strength_decline",
        MEANINGFUL_STRENGTH_CHANGE,
    ),
    "fatigue rise": (("fatigue",), +1, Z_FATIGUE_RISE, "fatigue_rise", MEANINGFUL_FATIGUE_CHANGE),
}


@dataclass
class Reading:
    z: list[float] = field(default_factory=list)
    meaningful: list[bool] = field(default_factory=list)


def read_set(files: list[Path]) -> dict[str, Reading]:
    readings = {name: Reading() for name in TESTS}
    for path in files:
        raw = json.loads(path.read_text())
        if raw.get("kind") != "negative":
            continue
        diary = read_diary(raw)
        patient, entries = simulate.diary_patient(diary), simulate.diary_entries(diary)
        if not entries:
            continue
        today = entries[0].date + timedelta(days=FIRST_LOOK_AFTER_DAYS)
        while today <= entries[-1].date:
            _look(patient, entries, today, readings)
            today += timedelta(days=LOOK_EVERY_DAYS)
    return readings


def _look(patient, entries, today: date, readings: dict[str, Reading]) -> None:
    days = [d for d in entries if today - timedelta(days=trends.ANALYSIS_WINDOW_DAYS) < d.date <= today]
    episodes = episodes_of(patient, days, today)
    if any(e.is_ongoing(today) for e in episodes):
        return
    series = trends._split(trends._outside(days, episodes), today)
    for name, (names, direction, _, _, meaningful) in TESTS.items():
        for series_name in names:
            change = trends.fortnight_change(series[series_name], direction)
            if change is None:
                continue
            readings[name].z.append(trends.fortnight_z(series[series_name], direction)[1])
            readings[name].meaningful.append(change >= meaningful)


def report(set_name: str, readings: dict[str, Reading]) -> list[str]:
    lines = [f"== {set_name}"]
    for name, reading in readings.items():
        _, _, threshold, rule, _ = TESTS[name]
        share, looks = SHARES[rule]
        nominal = share / looks
        count = len(reading.z)
        ordered = sorted(reading.z)
        beyond = sum(z >= threshold for z in reading.z) / count
        gated = sum(z >= threshold and m for z, m in zip(reading.z, reading.meaningful, strict=True)) / count
        q99, q999 = ordered[int(0.99 * count)], ordered[int(0.999 * count)]
        normal = NormalDist()
        lines.append(
            f"  {name}: {count} looks, z mean {mean(ordered):+.2f} sd {stdev(ordered):.2f}; 99th/99.9th percentile "
            f"{q99:.2f}/{q999:.2f} (normal {normal.inv_cdf(0.99):.2f}/{normal.inv_cdf(0.999):.2f}); beyond "
            f"z {threshold:.2f}: {beyond:.4f} a look ({beyond / nominal:.1f} x the nominal {nominal:.5f}), with the "
            f"meaningful change too: {gated:.4f} ({gated / nominal:.1f} x)"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default="independent,persistent,heavy", help="comma-separated generated sets")
    args = parser.parse_args()
    for set_name in args.sets.split(","):
        print("\n".join(report(set_name, read_set(set_files(set_name)))), flush=True)


if __name__ == "__main__":
    main()
