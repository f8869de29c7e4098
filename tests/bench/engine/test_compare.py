"""bench/engine/compare.py: two saved evaluations side by side, and evaluate.py --save that writes them."""

import json
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from bench.engine.compare import compare, load, verdict
from bench.engine.generator import build_diary
from bench.engine.scoring import Alert, Grade, grade

ROOT = Path(__file__).resolve().parents[3]

STROKE = {
    "id": "stroke-x-1-000",
    "days": [{"date": "2026-01-01"}, {"date": "2026-03-01"}],
    "expect": [{"codes": ["sudden_weakness"], "min_severity": "emergency", "from": "2026-02-01", "by": "2026-02-01"}],
}
STABLE = {"id": "stable-x-1-000", "days": [{"date": "2026-01-01"}, {"date": "2026-12-31"}], "expect": []}


def graded(stroke_alerts: list[Alert], stable_alerts: list[Alert]) -> Grade:
    return grade([STROKE, STABLE], {STROKE["id"]: stroke_alerts, STABLE["id"]: stable_alerts})


FOUND_SAME_DAY = [Alert(date(2026, 2, 1), "sudden_weakness", 3)]
FOUND_LATE = [Alert(date(2026, 2, 2), "sudden_weakness", 3)]
ONE_FALSE = [Alert(date(2026, 6, 1), "asymmetry", 1)]


def test_a_grade_reads_back_from_its_json_unchanged():
    before = graded(FOUND_LATE, [*ONE_FALSE, Alert(date(2026, 7, 1), "activity_drop", 0)])
    again = Grade.from_json(json.loads(json.dumps(before.as_json())))
    assert again == before
    assert again.expectations["sudden_weakness>=emergency"] == [0, 1, []]
    assert again.false_by_code["asymmetry"] == 1 and again.by_recipe["stroke"] == [0, 1, 0]


def test_the_verdict_names_gains_costs_and_trades():
    baseline = graded(FOUND_LATE, ONE_FALSE)
    assert verdict(baseline, graded(FOUND_SAME_DAY, ONE_FALSE)) == "gains"
    assert verdict(baseline, graded(FOUND_LATE, [])) == "gains"
    assert verdict(baseline, graded(FOUND_LATE, [*ONE_FALSE, *ONE_FALSE])) == "costs"
    assert verdict(baseline, graded(FOUND_SAME_DAY, [*ONE_FALSE, *ONE_FALSE])) == "trade"
    assert verdict(baseline, replace(baseline)) == "same"


def test_compare_lists_what_moved_and_marks_validation_sets():
    before = {"heavy": (None, graded(FOUND_LATE, ONE_FALSE)), "frozen": ("frozen validation set", graded([], []))}
    after = {"heavy": (None, graded(FOUND_SAME_DAY, [])), "frozen": ("frozen validation set", graded([], ONE_FALSE))}
    lines = compare(before, after)
    text = "\n".join(lines)
    assert "found 0/1 -> 1/1" in text and "emergencies the same day 0 -> 1" in text
    assert "    expected sudden_weakness>=emergency: 0/1 -> 1/0" in lines
    assert "    false asymmetry: 1 -> 0" in lines
    assert "== frozen (frozen validation set: read it, never tune on it)" in lines
    verdicts = lines[lines.index("== verdict per set (found, false alerts, same-day emergencies)") + 1 :]
    assert verdicts[0].split()[:2] == ["heavy", "gains"]
    assert verdicts[1].split()[:2] == ["frozen", "costs"] and verdicts[1].endswith("(validation)")


def test_evaluate_saves_what_compare_reads(tmp_path):
    for recipe in ("stroke", "stable", "fatigue"):
        diary = build_diary("independent", 7, recipe, 0)
        (tmp_path / f"{diary['id']}.json").write_text(json.dumps(diary))
    saved = tmp_path / "saved.json"
    evaluate = ["bench/engine/evaluate.py", "--sets", str(tmp_path), "--rules", "engine", "--save", str(saved)]
    subprocess.run(
        [sys.executable, *evaluate],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )
    grades = load(saved, "engine")
    assert list(grades) == [str(tmp_path)]
    kind, engine = grades[str(tmp_path)]
    assert kind is None and engine.diaries == 3 and engine.expected >= 2
    result = subprocess.run(
        [sys.executable, "bench/engine/compare.py", str(saved), str(saved)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip().splitlines()[-1].split()[1] == "same"
