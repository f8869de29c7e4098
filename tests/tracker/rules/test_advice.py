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


def test_cauda_equina_signs_go_to_an_emergency_department_the_same_day():
    assert "emergency department today" in advice("bladder_bowel", Severity.URGENT, "999")
    assert "Call 999 now" in advice("bladder_bowel", Severity.EMERGENCY, "999")


def test_cancer_with_new_signs_goes_to_the_cancer_team_today():
    assert "acute oncology" in advice("cord_compression", Severity.URGENT, "112")


def test_the_phone_gets_every_warning_text_of_the_save_time_codes():
    from tracker.rules.advice import SAVE_TIME_CODES, advice_table

    table = advice_table(SAVE_TIME_CODES, "911")
    assert set(table) == set(SAVE_TIME_CODES)
    for code, texts in table.items():
        assert set(texts) == {"soon", "urgent", "emergency"}
        assert texts["emergency"] == advice(code, Severity.EMERGENCY, "911")


def test_a_same_day_review_of_leg_weakness_does_not_call_it_sudden():
    """Said after both legs were rated very weak and the person answered that it did not come on suddenly."""
    words = advice("sudden_weakness", Severity.URGENT, "112")
    assert "sudden" not in words.lower()
    assert "today" in words and "call 112" in words
