"""Sweep one engine threshold: false alerts per patient-year against sensitivity and delay, per rule and noise model.

    .venv/bin/python bench/engine/sweep.py tracker.rules.clinical.NOISE_MULTIPLIER_TREND 3 3.5 4 4.5 5
    .venv/bin/python bench/engine/sweep.py tracker.rules.clinical.SEVERE_STRENGTH_DROP 2.5 3 3.5 4 \
        --codes sudden_weakness --sets independent,persistent --csv .run/sweep.csv

The parameter is the dotted name of a module-level constant of tracker/rules; each value is set in fresh worker
processes (bench/engine/patching.py: every module that imported the name, and function defaults written as it)
and the generated sets are replayed through the pure engine. For each code: false alerts at soon or above per
patient-year (score.py's definition), alerts of any severity before a change per patient-year (info included),
and for the expectations naming the code, hits/misses, sensitivity and median/90th-percentile delay.
`--also NAME=VALUE` holds other constants fixed for the whole sweep; `--share 0.5` replays every other diary.
The validation sets (frozen, sparse, sticky) are never swept: sweeping is tuning.
"""

import argparse
import csv
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.engine.evaluate import run, set_files
from bench.engine.noise import TUNING_MODELS, VALIDATION_MODELS
from bench.engine.patching import parse_value
from bench.engine.scoring import Grade, percentile

CSV_FIELDS = (
    "set",
    "parameter",
    "value",
    "code",
    "false_per_year",
    "early_per_year",
    "hits",
    "misses",
    "sensitivity",
    "median_delay",
    "p90_delay",
    "all_sensitivity",
    "all_false_per_year",
    "load_per_year",
)


def code_rows(grade: Grade, codes: list[str] | None) -> list[dict]:
    """One row per code: its false alerts, and the expectations that name it."""
    expected_codes = {code for group in grade.expectations for code in group.split(">=")[0].split("/")}
    every = sorted(set(grade.early_by_code) | set(grade.false_by_code) | expected_codes)
    rows = []
    for code in codes or every:
        hits = misses = 0
        delays: list[int] = []
        for group, (group_hits, group_misses, group_delays) in grade.expectations.items():
            if code in group.split(">=")[0].split("/"):
                hits, misses = hits + group_hits, misses + group_misses
                delays += group_delays
        rows.append(
            {
                "code": code,
                "false_per_year": grade.false_by_code[code] / grade.years,
                "early_per_year": grade.early_by_code[code] / grade.years,
                "hits": hits,
                "misses": misses,
                "sensitivity": hits / (hits + misses) if hits + misses else float("nan"),
                "median_delay": percentile(delays, 0.5),
                "p90_delay": percentile(delays, 0.9),
                "all_sensitivity": grade.sensitivity,
                "all_false_per_year": grade.false_per_year,
                "load_per_year": grade.load_per_year,
            }
        )
    return rows


def print_table(set_name: str, parameter: str, results: list[tuple[object, Grade]], codes: list[str] | None) -> None:
    print(f"== {set_name}: {parameter}")
    print(
        f"{'value':>10} {'code':22}{'FA/py':>7}{'early/py':>9}{'hits/miss':>11}{'sens':>7}{'delay':>9}"
        f" | {'all sens':>8}{'FA/py':>7}{'load':>6}"
    )
    for value, grade in results:
        for row in code_rows(grade, codes):
            print(
                f"{value!s:>10} {row['code']:22}{row['false_per_year']:7.2f}{row['early_per_year']:9.2f}"
                f"{row['hits']:>5}/{row['misses']:<5}{row['sensitivity']:7.2f}"
                f"{row['median_delay']:>5g}/{row['p90_delay']:<3g}"
                f" | {row['all_sensitivity']:8.3f}{row['all_false_per_year']:7.2f}{row['load_per_year']:6.2f}"
            )
    print(flush=True)


def write_plot(path: Path, rows: list[dict]) -> None:
    """False alerts per patient-year against sensitivity, one line per set and code, points labelled by value."""
    try:
        import kaleido  # noqa: F401
        import plotly.graph_objects as go
    except ImportError:
        print(f"no plot written to {path}: plotly with kaleido is not installed (the CSV has the same figures)")
        return
    figure = go.Figure()
    for key in sorted({(row["set"], row["code"]) for row in rows}):
        line = [row for row in rows if (row["set"], row["code"]) == key]
        figure.add_scatter(
            x=[row["false_per_year"] for row in line],
            y=[row["sensitivity"] for row in line],
            text=[str(row["value"]) for row in line],
            mode="lines+markers+text",
            name=f"{key[0]} {key[1]}",
        )
    figure.update_layout(
        title=rows[0]["parameter"], xaxis_title="false alerts / patient-year", yaxis_title="sensitivity"
    )
    figure.write_image(path)
    print(f"plot written to {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("parameter", help="e.g. tracker.rules.clinical.NOISE_MULTIPLIER_TREND")
    parser.add_argument("values", nargs="+", type=parse_value)
    parser.add_argument("--sets", default=",".join(TUNING_MODELS), help="comma-separated noise models (and public)")
    parser.add_argument("--seed", type=int)
    parser.add_argument("--codes", help="comma-separated codes to show (default: every code seen)")
    parser.add_argument("--also", action="append", default=[], help="NAME=VALUE held fixed for the whole sweep")
    parser.add_argument("--share", type=float, default=1.0, help="replay this share of each set's diaries")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--csv", type=Path)
    parser.add_argument("--plot", type=Path, help="a PNG (needs plotly with kaleido)")
    args = parser.parse_args()
    fixed = {name: parse_value(value) for name, value in (item.split("=", 1) for item in args.also)}
    codes = args.codes.split(",") if args.codes else None
    rows = []
    for set_name in args.sets.split(","):
        if set_name in VALIDATION_MODELS:
            raise SystemExit(f"{set_name} is a validation set: sweeping is tuning (bench/engine/README.md)")
        files = set_files(set_name, args.seed, args.processes)
        files = files[:: max(1, round(1 / args.share))] if args.share < 1 else files
        results = []
        for value in args.values:
            started = time.perf_counter()
            grade = run(files, ["engine"], args.processes, fixed | {args.parameter: value})["engine"]
            results.append((value, grade))
            print(f"   {set_name} {args.parameter}={value}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
            rows += [
                {"set": set_name, "parameter": args.parameter, "value": value} | row for row in code_rows(grade, codes)
            ]
        print_table(set_name, args.parameter, results, codes)
    if args.csv:
        with args.csv.open("w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=CSV_FIELDS)
            writer.writeheader()
            writer.writerows(rows)
        print(f"CSV written to {args.csv}")
    if args.plot and rows:
        write_plot(args.plot, rows)


if __name__ == "__main__":
    main()
