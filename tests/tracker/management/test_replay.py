"""`manage.py replay` per the scenario contract, and the engine's score on the public diaries."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.diaries import read_diary
from tracker.management.commands import replay as replay_command
from tracker.models import DailyLog
from tracker.rules.simulate import replay_alerts

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


@needs_scenarios
def test_a_diary_that_bends_the_format_is_replayed_as_the_form_would_take_it_and_the_others_keep_their_alerts(
    tmp_path,
):
    """One run over every diary is all the scorer reads: a blank rating, an unknown symptom or a phone's impossible
    step count must cost that day (or that value), never the run."""
    diary = json.loads((SCENARIOS / "public" / "stroke-1-0.json").read_text())
    diary["id"] = "bent"
    diary["patient"]["sex"] = "F"
    diary["days"][3]["fatigue"] = None
    diary["days"][5]["symptoms"] = ["headache"]
    diary["days"][7]["steps"] = 250_000
    bent = tmp_path / "bent.json"
    bent.write_text(json.dumps(diary))

    result = _replay(bent, SCENARIOS / "public" / "stroke-1-0.json")

    assert result.returncode == 0, result.stderr
    day4, day6, day8 = (diary["days"][i]["date"] for i in (3, 5, 7))
    assert (
        f"bent.json: day 4 ({day4}): fatigue is None, not a rating from 0 to 10; the day is left out" in result.stderr
    )
    assert f"bent.json: day 6 ({day6}): symptoms ['headache'] are not in the list of symptoms" in result.stderr
    assert f"bent.json: day 8 ({day8}): steps is 250000, not a count from 0 to 200000" in result.stderr
    alerts = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    strokes = {(a["scenario"], a["date"]) for a in alerts if a["code"] == "sudden_weakness"}
    assert strokes == {("bent", "2026-01-06"), ("stroke-1-0", "2026-01-06")}
    pure = [json.dumps(alert) for alert in replay_alerts(diary)]
    assert [line for line in result.stdout.splitlines() if '"bent"' in line] == pure


def test_a_diary_whose_replay_fails_is_named_and_the_run_goes_on(monkeypatch, capsys):
    def broken(diary):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(replay_command, "replay_diary", broken)

    assert replay_command._replay_one(read_diary({"id": "unlucky", "days": []})) == []
    assert "unlucky: the replay of this diary failed (RuntimeError: the disk is full)" in capsys.readouterr().err
