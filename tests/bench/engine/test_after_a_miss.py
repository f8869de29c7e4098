from datetime import date

from bench.engine.after_a_miss import Miss, Reading, misses_of, report
from bench.engine.scoring import SEVERITY, Alert

STROKE = {"codes": ["sudden_weakness"], "min_severity": "emergency", "from": "2025-03-10", "by": "2025-03-10"}
TREND = {"codes": ["worsening_trend"], "min_severity": "soon", "from": "2025-03-01", "by": "2025-04-30"}


def _alert(day: str, code: str, severity: str) -> Alert:
    return Alert(date.fromisoformat(day), code, SEVERITY[severity])


def test_an_expectation_met_in_its_window_is_no_miss_and_one_below_urgent_is_not_read():
    alerts = [_alert("2025-03-10", "sudden_weakness", "emergency")]
    assert misses_of("stroke-1", [STROKE, TREND], alerts) == (1, [])


def test_a_miss_reads_the_days_to_the_first_urgent_alert_of_any_code_on_or_after_its_start():
    alerts = [
        _alert("2025-03-09", "rapid_progression", "urgent"),  # before the start: not what followed the miss
        _alert("2025-03-10", "sudden_weakness", "urgent"),  # the right code, too mild for the window
        _alert("2025-03-12", "worsening_trend", "soon"),
        _alert("2025-03-17", "rapid_progression", "urgent"),
    ]
    expected, misses = misses_of("stroke-2", [STROKE], alerts)
    assert expected == 1
    assert misses == [Miss("stroke-2", ("sudden_weakness",), 0)]
    assert misses_of("stroke-3", [STROKE], alerts[2:]) == (1, [Miss("stroke-3", ("sudden_weakness",), 7)])
    assert misses_of("stroke-4", [STROKE], alerts[2:3]) == (1, [Miss("stroke-4", ("sudden_weakness",), None)])


def test_the_report_counts_next_day_later_and_never_and_names_the_never():
    reading = Reading(
        expected=10,
        misses=[Miss("a", ("x",), 1), Miss("b", ("x",), 6), Miss("c", ("x",), 3), Miss("d", ("x",), None)],
    )
    lines = report("made", reading)
    assert lines == [
        "== made: 10 expected at urgent or above, 4 missed; after a miss, an urgent alert within a day 1, "
        "later 2 (days: [3, 6]), never 1",
        "    never: d",
    ]
