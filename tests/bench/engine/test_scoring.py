"""bench/engine/scoring.py grades exactly as ../shared/scenarios/score.py does: both on the same alerts agree."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.engine.evaluate import run
from bench.engine.generator import RECIPES, build_diary
from bench.engine.scoring import Alert, grade, percentile

ROOT = Path(__file__).resolve().parents[3]
SCENARIOS = Path(os.environ.get("SCENARIOS_DIR") or ROOT.parent / "shared" / "scenarios" / "public")
SCORER = SCENARIOS.parent / "score.py"
REPLAYS = {"engine": "bench/engine/replay.py", "thumb": "bench/engine/rule_of_thumb.py"}


def official_summary(rule: str, directory: Path) -> str:
    result = subprocess.run(
        [sys.executable, str(SCORER), "--replay", f"{sys.executable} {REPLAYS[rule]}", str(directory)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return result.stdout.strip().splitlines()[-1]


def our_summary(directory: Path, rule: str) -> str:
    g = run(sorted(directory.glob("*.json")), [rule], processes=1)[rule]
    return (
        f"sensitivity {g.sensitivity:.3f} ({g.found}/{g.expected})  median delay {g.median_delay:g} d  "
        f"false alerts {g.false_per_year:.2f}/patient-year ({g.false_alerts})  "
        f"alert load {g.load_per_year:.2f}/patient-year"
    )


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """One diary of each recipe of the `heavy` model."""
    directory = tmp_path_factory.mktemp("generated")
    for recipe in RECIPES:
        diary = build_diary("heavy", 5, recipe, 0)
        (directory / f"{diary['id']}.json").write_text(json.dumps(diary))
    return directory


@pytest.mark.skipif(not SCORER.is_file(), reason=f"no {SCORER} (set SCENARIOS_DIR to the public set)")
@pytest.mark.parametrize("rule", REPLAYS)
def test_grading_agrees_with_the_official_scorer_on_the_public_set(rule):
    assert our_summary(SCENARIOS, rule) == official_summary(rule, SCENARIOS)


@pytest.mark.skipif(not SCORER.is_file(), reason=f"no {SCORER} (set SCENARIOS_DIR to the public set)")
def test_grading_agrees_with_the_official_scorer_on_generated_diaries(generated):
    """The rule of thumb misses some and raises false alerts there: every part of the grading is exercised."""
    ours = our_summary(generated, "thumb")
    assert ours == official_summary("thumb", generated)
    assert "(0)" not in ours, "the sample should hold false alerts to grade"


def test_grade_counts_hits_misses_false_alerts_and_per_code_figures():
    from datetime import date

    diaries = [
        {
            "id": "stroke-x-1-000",
            "days": [{"date": "2026-01-01"}, {"date": "2026-03-01"}],
            "expect": [
                {"codes": ["sudden_weakness"], "min_severity": "emergency", "from": "2026-02-01", "by": "2026-02-01"}
            ],
        },
        {"id": "stable-x-1-000", "days": [{"date": "2026-01-01"}, {"date": "2026-12-31"}], "expect": []},
    ]
    alerts = {
        "stroke-x-1-000": [Alert(date(2026, 1, 10), "fatigue_trend", 1), Alert(date(2026, 2, 1), "sudden_weakness", 3)],
        "stable-x-1-000": [Alert(date(2026, 5, 1), "activity_drop", 0), Alert(date(2026, 6, 1), "asymmetry", 1)],
    }
    g = grade(diaries, alerts)
    assert (g.found, g.expected, g.false_alerts, g.load_alerts) == (1, 1, 2, 3)
    assert (g.emergencies_same_day, g.emergencies_expected) == (1, 1)
    assert g.days_without_change == 31 + 365
    assert g.false_by_code == {"fatigue_trend": 1, "asymmetry": 1}
    assert g.early_by_code == {"fatigue_trend": 1, "asymmetry": 1, "activity_drop": 1}
    assert g.by_recipe["stroke"] == [1, 0, 1]


def test_percentile_is_the_nearest_rank():
    assert percentile([5, 1, 3, 2, 4], 0.5) == 3
    assert percentile(list(range(1, 11)), 0.9) == 9
    assert percentile([7], 0.9) == 7
