import random

from bench.engine.clear_drops import clear_drop_diary, false_emergencies_in_first_week, main, what_stopped_it
from bench.engine.noise import MODELS


def test_a_clear_drop_is_built_as_described_and_found_under_independent_noise():
    rng = random.Random(3)
    made = [m for m in (clear_drop_diary(rng, MODELS["independent"]) for _ in range(20)) if m is not None]
    assert made
    for diary, side in made:
        yesterday, today = diary["days"][-2:]
        assert today[f"strength_{side}"] <= yesterday[f"strength_{side}"] - 3
        assert what_stopped_it(diary, side) is None


def test_a_drop_no_wider_than_the_persons_ordinary_gap_is_named_as_what_stopped_it():
    """Every third ordinary day with the weaker leg 6 points below the other: the drop is nothing new for the gap."""
    rng = random.Random(3)
    diary, side = next(m for m in (clear_drop_diary(rng, MODELS["independent"]) for _ in range(20)) if m)
    other = "right" if side == "left" else "left"
    for day in diary["days"][:-2:3]:
        day[f"strength_{other}"], day[f"strength_{side}"] = 10, 4
    assert what_stopped_it(diary, side) == "the gap between the legs no wider than on the person's widest ordinary day"


def test_the_command_prints_a_line_per_model(capsys, monkeypatch):
    monkeypatch.setattr("sys.argv", ["clear_drops.py", "--models", "independent,sticky", "--people", "30"])
    main()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("independent: 0 of ")
    assert any(line.startswith("sticky: ") for line in lines)


def test_a_first_week_drop_is_judged_by_the_first_week_rule():
    """2 to 7 days: no usual level yet. A drop 4 points below the usual answer is found unless the earlier logs
    already sat lower (then the leg is not 4 points below their level, and the tool says so); the first logs
    without it raise no emergency."""
    rng = random.Random(5)
    made = [m for m in (clear_drop_diary(rng, MODELS["independent"], (2, 7)) for _ in range(40)) if m is not None]
    assert len(made) > 20
    reasons = {what_stopped_it(diary, side) for diary, side in made}
    assert None in reasons
    assert reasons <= {None, "no usual level yet, and the leg not 4 points below the level of its earlier logs"}
    for diary, _ in made:
        assert len(diary["days"]) <= 7
        assert false_emergencies_in_first_week(diary | {"days": diary["days"][:-1]}) == 0


def test_the_command_reports_the_first_week(capsys, monkeypatch):
    monkeypatch.setattr("sys.argv", ["clear_drops.py", "--models", "independent", "--people", "30", "--first-week"])
    main()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("independent: ")
    assert lines[-1].startswith("    the same people's first logs without the drop: ")
