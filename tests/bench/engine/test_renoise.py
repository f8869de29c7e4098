"""The public diaries with harder noise: deterministic, valid, and a red flag's day is never taken away."""

import json
import random
from pathlib import Path

import pytest

from bench.engine.noise import MODELS
from bench.engine.renoise import RATINGS, RENOISE_MODELS, protected_days, renoise, renoised_model

PUBLIC = Path(__file__).resolve().parents[3].parent / "shared" / "scenarios" / "public"


def _diary() -> dict:
    days = [
        {
            "date": f"2026-01-{day:02d}",
            "strength_left": 8,
            "strength_right": 8,
            "fatigue": 3,
            "steps": 5000,
            "chair_stand_30s": 12 if day % 3 == 0 else None,
            "numbness_extent": 0,
            "symptoms": [],
        }
        for day in range(1, 31)
    ]
    days[19] |= {"strength_right": 2, "symptoms": ["sudden_onset"]}
    days[24] |= {"symptoms": ["fall"]}
    expect = [{"codes": ["sudden_weakness"], "min_severity": "emergency", "from": "2026-01-20", "by": "2026-01-21"}]
    return {
        "id": "stroke-9-0",
        "kind": "positive",
        "title": "t",
        "patient": {"history": []},
        "days": days,
        "expect": expect,
    }


@pytest.mark.parametrize("model", RENOISE_MODELS)
def test_a_copy_is_deterministic_keeps_the_expectations_and_the_red_flag_days(model):
    diary = _diary()
    noisy = renoise(diary, MODELS[model], random.Random(f"{model} 1"), 3)
    assert noisy == renoise(diary, MODELS[model], random.Random(f"{model} 1"), 3)
    assert noisy["id"] == f"stroke-9-0+{model}-3" and noisy["expect"] == diary["expect"]
    logged = {day["date"]: day for day in noisy["days"]}
    assert protected_days(diary) == {"2026-01-20", "2026-01-21", "2026-01-25"}
    assert protected_days(diary) <= set(logged)
    assert logged["2026-01-20"]["symptoms"] == ["sudden_onset"] and logged["2026-01-25"]["symptoms"] == ["fall"]
    for day in noisy["days"]:
        assert all(0 <= day[name] <= 10 and isinstance(day[name], int) for name in RATINGS)


def test_noise_moves_answers_but_not_the_signal():
    diary = _diary()
    copies = [renoise(diary, MODELS["sticky"], random.Random(k), k) for k in range(20)]
    changed = sum(day["strength_left"] != 8 for copy in copies for day in copy["days"] if day["date"] != "2026-01-20")
    assert changed > 20
    stroke_day = [next(d for d in copy["days"] if d["date"] == "2026-01-20") for copy in copies]
    assert sum(day["strength_right"] <= 4 for day in stroke_day) >= 18


def test_set_names():
    assert renoised_model("public+sticky") == "sticky"
    assert renoised_model("sticky") is None and renoised_model("public") is None


@pytest.mark.skipif(not PUBLIC.is_dir(), reason="the public scenarios sit beside the checkout")
def test_every_public_diary_renoises_into_a_valid_diary():
    for path in sorted(PUBLIC.glob("*.json")):
        diary = json.loads(path.read_text())
        noisy = renoise(diary, MODELS["heavy"], random.Random(path.name), 0)
        assert noisy["days"][0]["date"] == diary["days"][0]["date"]
        assert protected_days(diary) & {d["date"] for d in diary["days"]} <= {d["date"] for d in noisy["days"]}
