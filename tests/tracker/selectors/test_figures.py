from datetime import date, timedelta

from tests.conftest import add_logs
from tracker.rules.types import DayEntry
from tracker.selectors.figures import figures_of, period_figures
from tracker.selectors.series import ChartData

END = date(2026, 6, 30)


def _diary(days: int = 120) -> list[DayEntry]:
    """Steady for months, then in the last fortnight the right leg at 5 and fewer steps; tingling on the last
    three days and stiffness on the last day."""
    entries = []
    for age in range(days - 1, -1, -1):
        symptoms = {"tingling"} if age < 3 else set()
        if age == 0:
            symptoms.add("stiffness")
        entries.append(
            DayEntry(
                date=END - timedelta(days=age),
                strength_left=8,
                strength_right=5 if age < 14 else 8,
                fatigue=3,
                steps=4034 if age < 7 else 5000,
                chair_stand_30s=12 if age % 3 == 0 else None,
                numbness_extent=0,
                symptoms=frozenset(symptoms),
            )
        )
    return entries


def _data(entries: list[DayEntry], start: date) -> ChartData:
    return ChartData(
        start=start,
        end=END,
        days=[d for d in entries if d.date >= start],
        baseline_days=[d for d in entries if END - timedelta(days=119) <= d.date <= END - timedelta(days=28)],
        alerts=[],
        age=None,
        sex="unspecified",
    )


def test_usual_and_recent_are_the_trend_rules_windows_and_steps_are_whole_numbers():
    figures = figures_of(_data(_diary(), start=END - timedelta(days=89)))
    right = figures.strength_right
    assert (right.usual, right.recent, right.change, right.change_percent) == (8, 5, -3, -38)
    assert (figures.strength_left.change, figures.strength_left.change_percent) == (0, 0)
    steps = figures.steps
    assert (steps.usual, steps.recent, steps.change, steps.change_percent) == (5000, 4034, -966, -19)
    assert all(isinstance(value, int) for value in (steps.usual, steps.recent, steps.change))
    assert figures.chair_stand.recent == 12


def test_symptom_days_count_the_period_only_most_frequent_first():
    entries = _diary()
    assert figures_of(_data(entries, start=END - timedelta(days=89))).symptom_days == {"tingling": 3, "stiffness": 1}
    assert figures_of(_data(entries, start=END - timedelta(days=1))).symptom_days == {"tingling": 2, "stiffness": 1}


def test_too_few_baseline_logs_leave_the_usual_level_unknown():
    figures = figures_of(_data(_diary(days=20), start=END - timedelta(days=19)))
    assert figures.strength_right.usual is None and figures.strength_right.change is None
    assert figures.strength_right.recent == 5
    assert figures.steps.usual is None


def test_the_selector_reads_the_same_figures_from_the_database(patient):
    entries = _diary()
    add_logs(patient, entries)
    start = END - timedelta(days=59)
    assert period_figures(patient=patient, start=start, end=END) == figures_of(_data(entries, start=start))
