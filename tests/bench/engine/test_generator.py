"""The second diary generator: deterministic, in the scenario format, with the sizes the statistics need."""

from datetime import date

import pytest

from bench.engine.generator import RECIPES, build_diary, check_seed, diary_specs
from bench.engine.noise import FROZEN_MODEL, FROZEN_SEED, MODELS
from bench.engine.people import RATINGS
from bench.engine.scoring import SEVERITY
from tracker.symptoms import SYMPTOMS


def test_a_diary_is_a_pure_function_of_model_seed_recipe_and_number():
    assert build_diary("persistent", 3, "stroke", 1) == build_diary("persistent", 3, "stroke", 1)
    assert build_diary("persistent", 3, "stroke", 1)["days"] != build_diary("persistent", 4, "stroke", 1)["days"]
    assert build_diary("persistent", 3, "stroke", 1)["days"] != build_diary("heavy", 3, "stroke", 1)["days"]


@pytest.mark.parametrize("model", MODELS)
def test_every_recipe_writes_a_valid_scenario_diary(model):
    for recipe in RECIPES:
        diary = build_diary(model, FROZEN_SEED if model == FROZEN_MODEL else 1, recipe, 0)
        dates = [date.fromisoformat(day["date"]) for day in diary["days"]]
        assert dates == sorted(set(dates)), diary["id"]
        for day in diary["days"]:
            assert all(0 <= day[name] <= 10 and isinstance(day[name], int) for name in RATINGS), day
            assert 0 <= day["numbness_extent"] <= 4
            assert day["steps"] is None or 0 <= day["steps"] <= 200_000
            assert day["chair_stand_30s"] is None or 0 <= day["chair_stand_30s"] <= 60
            assert set(day["symptoms"]) <= set(SYMPTOMS)
        assert diary["kind"] == ("positive" if diary["expect"] else "negative")
        for expectation in diary["expect"]:
            first, last = date.fromisoformat(expectation["from"]), date.fromisoformat(expectation["by"])
            assert dates[0] < first <= last <= dates[-1], diary["id"]
            assert expectation["min_severity"] in SEVERITY
            if expectation["min_severity"] == "emergency":
                assert first in dates, f"{diary['id']}: an emergency's day is logged"


def test_a_one_sided_three_point_stroke_shows_as_three_points_in_one_leg_only():
    diary = build_diary("heavy", 1, "stroke_3pt", 2)
    onset = diary["expect"][0]["from"]
    index = next(i for i, day in enumerate(diary["days"]) if day["date"] == onset)
    before, today = diary["days"][index - 14 : index], diary["days"][index]
    side = "left" if "(left" in diary["title"] else "right"
    other = "right" if side == "left" else "left"
    usual = sorted(day[f"strength_{side}"] for day in before)[len(before) // 2]
    assert today[f"strength_{side}"] <= usual - 3
    assert today["symptoms"] == []
    usual_other = sorted(day[f"strength_{other}"] for day in before)[len(before) // 2]
    assert today[f"strength_{other}"] >= usual_other - 1


def test_a_set_is_big_enough_to_tell_the_targets_apart():
    """About 300+ patient-years without a change and 200+ expected alerts (issue 11)."""
    specs = diary_specs()
    diaries = [build_diary("independent", 1, recipe, index) for recipe, index in specs]
    quiet_days = expected = 0
    for diary in diaries:
        first = date.fromisoformat(diary["days"][0]["date"])
        last = date.fromisoformat(diary["days"][-1]["date"])
        onset = min((date.fromisoformat(e["from"]) for e in diary["expect"]), default=None)
        quiet_days += ((last - first).days + 1) if onset is None else (onset - first).days
        expected += len(diary["expect"])
    assert quiet_days / 365.25 >= 300
    assert expected >= 200


def test_the_frozen_validation_set_has_one_seed():
    check_seed(FROZEN_MODEL, FROZEN_SEED)
    with pytest.raises(SystemExit, match="one seed"):
        check_seed(FROZEN_MODEL, 1)
    with pytest.raises(SystemExit, match="unknown noise model"):
        check_seed("gentle", 1)
