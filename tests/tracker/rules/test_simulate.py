"""The pure replay (tracker.rules.simulate) prints what `manage.py replay` prints, line for line, on every public
diary. SCENARIOS_DIR overrides where the diaries are (default ../shared/scenarios/public beside the checkout).

The command runs as the scorer runs it, in a process of its own: it always replays on a private in-memory
database, which it could not set up inside the test process without replacing the test database's connection.
"""

import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from tracker.rules.simulate import replay_alerts

ROOT = Path(__file__).resolve().parents[3]
SCENARIOS = Path(os.environ.get("SCENARIOS_DIR") or ROOT.parent / "shared" / "scenarios" / "public")
DIARIES = sorted(SCENARIOS.glob("*.json")) if SCENARIOS.is_dir() else []


@pytest.mark.skipif(not DIARIES, reason=f"no scenario diaries in {SCENARIOS} (set SCENARIOS_DIR to the public set)")
def test_pure_replay_prints_what_manage_py_replay_prints():
    command = subprocess.Popen(
        [sys.executable, "manage.py", "replay", *map(str, DIARIES)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    pure = {}
    for path in DIARIES:
        diary = json.loads(path.read_text())
        pure[diary["id"]] = [json.dumps(alert) for alert in replay_alerts(diary)]
    stdout, stderr = command.communicate(timeout=600)
    assert command.returncode == 0, stderr
    # The command shares the diaries out over processes, so only the order within a diary is its own.
    printed = defaultdict(list)
    for line in stdout.splitlines():
        if line.startswith("{"):
            printed[json.loads(line)["scenario"]].append(line)
    assert sum(map(len, pure.values())) > 0
    for scenario, lines in pure.items():
        assert lines == printed.get(scenario, []), scenario
    assert set(printed) <= set(pure)


def test_an_unknown_symptom_is_dropped_and_the_known_ones_on_its_day_still_count():
    day = {"date": "2026-01-01", "strength_left": 8, "strength_right": 8, "fatigue": 3}
    diary = {"id": "bent", "days": [day | {"symptoms": ["hiccups", "bladder_bowel_change", "back_pain"]}]}

    alerts = list(replay_alerts(diary))

    assert [(a["code"], a["severity"]) for a in alerts] == [("bladder_bowel", "emergency")]
