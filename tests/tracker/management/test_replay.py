"""`manage.py replay` per the scenario contract, and the engine's score on the public diaries."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.models import DailyLog

ROOT = Path(__file__).resolve().parents[3]
SCENARIOS = ROOT.parent / "shared" / "scenarios"
needs_scenarios = pytest.mark.skipif(not SCENARIOS.is_dir(), reason="../shared/scenarios is not beside the checkout")


def _replay(*files, env_extra=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "replay", *map(str, files)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@needs_scenarios
@pytest.mark.django_db
def test_replay_prints_one_json_alert_a_line_and_leaves_real_data_alone():
    before = DailyLog.objects.count()
    result = _replay(SCENARIOS / "public" / "stroke-1-0.json", SCENARIOS / "public" / "stable-1-0.json")
    assert result.returncode == 0, result.stderr
    alerts = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert {
        "scenario": "stroke-1-0",
        "date": "2026-01-06",
        "code": "sudden_weakness",
        "severity": "emergency",
    } in alerts
    assert all(set(alert) == {"scenario", "date", "code", "severity"} for alert in alerts)
    assert not [a for a in alerts if a["scenario"] == "stable-1-0" and a["severity"] != "info"]
    assert DailyLog.objects.count() == before


def test_replay_names_a_file_it_cannot_read(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    result = _replay(broken)
    assert result.returncode != 0
    assert "broken.json: cannot read the diary" in result.stderr


@needs_scenarios
def test_the_engine_meets_its_targets_on_the_public_scenarios():
    result = subprocess.run(
        [
            sys.executable,
            str(SCENARIOS / "score.py"),
            "--replay",
            f"{sys.executable} manage.py replay",
            "--min-sensitivity",
            "0.95",
            "--max-false-per-year",
            "0.15",
            str(SCENARIOS / "public"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    summary = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 0, result.stdout + result.stderr
    load = float(re.search(r"alert load ([\d.]+)/patient-year", summary).group(1))
    assert load < 4, summary
    assert "missed" not in result.stdout, "every expectation, emergency and urgent ones included, is caught"
