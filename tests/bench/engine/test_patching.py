"""Sweeps set an engine constant wherever the engine reads it, in a process of their own."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.engine.patching import parse_value, patch_constant

ROOT = Path(__file__).resolve().parents[3]
# Run in a fresh interpreter: patching changes the engine for the whole process.
PATCH_AND_READ = """
import json
from bench.engine.patching import patch_constant
from tracker.rules import baseline, clinical, red_flags, trends

print(json.dumps({
    "places": patch_constant("tracker.rules.clinical.SEVERE_STRENGTH_DROP", 2.5),
    "home": clinical.SEVERE_STRENGTH_DROP,
    "importer": red_flags.SEVERE_STRENGTH_DROP,
    "floor_places": patch_constant("tracker.rules.baseline.NOISE_FLOOR", 0.75),
    "level_default": baseline.level_of.__defaults__[0],
    "shift_default": trends._shift.__defaults__[-1],
}))
"""


def test_a_constant_is_set_in_its_module_in_every_importer_and_in_defaults():
    result = subprocess.run([sys.executable, "-c", PATCH_AND_READ], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    read = json.loads(result.stdout)
    assert (read["home"], read["importer"]) == (2.5, 2.5)
    assert read["places"] >= 2
    assert (read["level_default"], read["shift_default"]) == (0.75, 0.75)
    assert read["floor_places"] >= 3


def test_only_engine_constants_can_be_swept():
    with pytest.raises(ValueError, match=r"only constants of tracker\.rules"):
        patch_constant("tracker.settings.DEBUG", True)
    with pytest.raises(ValueError, match="has no"):
        patch_constant("tracker.rules.clinical.NO_SUCH_THRESHOLD", 1)


def test_values_are_read_as_python_literals():
    assert parse_value("3.5") == 3.5
    assert parse_value("(1, 2)") == (1, 2)
    assert parse_value("soon") == "soon"
