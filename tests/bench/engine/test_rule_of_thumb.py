"""The naive rule of thumb: fixed thresholds against trailing medians, one alert per code per 30 days."""

from datetime import date, timedelta

from bench.engine.rule_of_thumb import replay_alerts

START = date(2026, 1, 1)


def diary(days: int, **changes_by_day) -> dict:
    entries = []
    for offset in range(days):
        entry = {
            "date": (START + timedelta(days=offset)).isoformat(),
            "strength_left": 8,
            "strength_right": 8,
            "fatigue": 3,
            "steps": 5000,
            "chair_stand_30s": None,
            "numbness_extent": 0,
            "symptoms": [],
        }
        entry |= changes_by_day.get(f"day{offset}", {})
        entries.append(entry)
    return {"id": "thumb", "patient": {"history": []}, "days": entries, "expect": []}


def codes(alerts) -> list[tuple[int, str, str]]:
    return [((date.fromisoformat(a["date"]) - START).days, a["code"], a["severity"]) for a in alerts]


def test_a_steady_diary_raises_nothing():
    assert codes(replay_alerts(diary(120))) == []


def test_a_three_point_one_sided_drop_is_an_emergency():
    assert codes(replay_alerts(diary(60, day40={"strength_left": 5}))) == [(40, "sudden_weakness", "emergency")]


def test_the_same_code_waits_thirty_days():
    falls = {f"day{d}": {"symptoms": ["fall"]} for d in (30, 45, 60)}
    assert codes(replay_alerts(diary(90, **falls))) == [(30, "fall", "soon"), (60, "fall", "soon")]
