from datetime import date, timedelta

from tracker.rules.engine import Hint, pattern_hints
from tracker.rules.types import DayEntry

START = date(2025, 1, 1)
DIAGNOSING_WORDS = ("you have", "diagnos", "you are suffering", "this is ")


def day(i, left=8, right=8, numbness=0, symptoms=(), steps=5000, chair=None, fatigue=3):
    return DayEntry(
        date=START + timedelta(days=i),
        strength_left=left,
        strength_right=right,
        fatigue=fatigue,
        steps=steps,
        chair_stand_30s=chair,
        numbness_extent=numbness,
        symptoms=frozenset(symptoms),
    )


def anchors(hints):
    return {h.learn_anchor for h in hints}


def test_numbness_climbing_from_the_feet_suggests_nerve_tests():
    days = [day(i) for i in range(20)] + [day(20 + i, numbness=1 + i // 4, symptoms={"numbness"}) for i in range(12)]
    hints = pattern_hints(days)
    nerve = next(h for h in hints if h.learn_anchor == "nerves-and-spine")
    assert "climbing" in nerve.topic
    assert "vitamin B12" in nerve.tests and "nerve conduction study and EMG" in nerve.tests


def test_cramps_with_weakness_suggest_whole_body_blood_tests():
    days = [day(i) for i in range(20)] + [day(20 + i, left=6, right=6, symptoms={"cramps"}) for i in range(5)]
    hint = next(h for h in pattern_hints(days) if h.learn_anchor == "whole-body-causes")
    assert any("electrolytes" in t for t in hint.tests)


def test_chair_stand_decline_points_to_thigh_muscles():
    days = [day(i, chair=14 - i // 5) for i in range(40)]
    assert "muscle-and-joints" in anchors(pattern_hints(days))


def test_worse_after_busy_days_points_to_post_exertional():
    busy = {5, 15, 25, 35}
    days = [day(i, steps=15000 if i in busy else 5000, fatigue=7 if i - 1 in busy else 3) for i in range(40)]
    assert "post-exertional" in anchors(pattern_hints(days))


def test_nothing_logged_means_no_hints():
    assert pattern_hints([day(i) for i in range(30)]) == []
    assert pattern_hints([]) == []


def test_hints_never_diagnose_and_always_say_worth_discussing():
    days = [
        day(
            i,
            left=6,
            numbness=1 + i // 10,
            chair=14 - i // 5,
            steps=15000 if i % 10 == 0 else 5000,
            fatigue=7 if i % 10 == 1 else 3,
            symptoms={"numbness", "cramps", "stiffness", "back_pain", "balance_problems"},
        )
        for i in range(40)
    ]
    hints = pattern_hints(days)
    assert len(hints) >= 5
    for hint in hints:
        assert isinstance(hint, Hint)
        assert "worth discussing" in hint.worth_discussing
        assert not any(word in hint.worth_discussing.lower() for word in DIAGNOSING_WORDS)
        assert hint.tests and hint.learn_anchor
