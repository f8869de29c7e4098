import pytest

from tracker.rules.engine import advice
from tracker.rules.types import Severity

CODES = [
    "sudden_weakness",
    "bladder_bowel",
    "cord_compression",
    "rapid_progression",
    "worsening_trend",
    "asymmetry",
    "fatigue_trend",
    "fall",
    "activity_drop",
    "post_exertional",
]


@pytest.mark.parametrize("code", CODES)
def test_emergency_advice_says_to_call_the_emergency_number_now(code):
    text = advice(code, Severity.EMERGENCY, "112")
    assert "Call 112 now" in text


@pytest.mark.parametrize("severity", list(Severity))
def test_every_tier_has_plain_advice(severity):
    text = advice("fall", severity, "911")
    assert text and "diagnos" not in text.lower()


def test_urgent_advice_means_today():
    assert "today" in advice("bladder_bowel", Severity.URGENT, "999")
