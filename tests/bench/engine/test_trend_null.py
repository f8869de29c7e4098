import json
import random
from datetime import date, timedelta

from bench.engine.trend_null import read_set, report


def _diary(tmp_path, name, kind, left_after=None):
    """A year of daily logs around 8 (whole numbers, a point of wobble); from day 200 the left leg at left_after."""
    rng = random.Random(name)
    start = date(2025, 1, 1)
    days = []
    for offset in range(365):
        left = rng.choice([7, 8, 8, 9])
        if left_after is not None and offset >= 200:
            left = left_after
        days.append(
            {
                "date": (start + timedelta(days=offset)).isoformat(),
                "strength_left": left,
                "strength_right": rng.choice([7, 8, 8, 9]),
                "fatigue": rng.choice([2, 3, 3, 4]),
                "steps": None,
                "chair_stand_30s": None,
                "numbness_extent": 0,
                "symptoms": [],
            }
        )
    raw = {"id": name, "kind": kind, "patient": {"birth_year": 1960, "history": []}, "days": days, "expect": []}
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(raw))
    return path


def test_steady_diaries_give_a_z_near_the_normal_and_no_look_beyond_the_threshold(tmp_path):
    readings = read_set([_diary(tmp_path, f"steady-{i}", "negative") for i in range(4)])
    strength = readings["strength decline"]
    # Two legs, a look every 14 days from day 120 to day 364: 18 looks each, 4 diaries.
    assert len(strength.z) == 4 * 2 * 18
    assert max(strength.z) < 3.36
    assert not any(strength.meaningful)


def test_a_lasting_drop_is_read_beyond_the_threshold_and_positive_diaries_are_left_out(tmp_path):
    files = [_diary(tmp_path, "dropped", "negative", left_after=4), _diary(tmp_path, "changing", "positive", 2)]
    readings = read_set(files)
    strength = readings["strength decline"]
    assert len(strength.z) == 2 * 18
    assert sum(z >= 3.36 and m for z, m in zip(strength.z, strength.meaningful, strict=True)) >= 2
    lines = report("made", readings)
    assert lines[0] == "== made"
    assert lines[1].startswith("  strength decline: 36 looks") and "with the meaningful change too" in lines[1]
