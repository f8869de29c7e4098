"""A small known diary for the figure and summary tests."""

from datetime import date, timedelta

from tracker.rules.types import DayEntry

END = date(2026, 6, 30)


def known_diary(end: date = END, days: int = 150) -> list[DayEntry]:
    """Steady legs (left 8, right 7) with a right-leg drop to 4 over the last 10 days; every 10th day
    missing; a chair stand every 3rd day; cramps every 7th day; a fall 6 days before the end."""
    entries = []
    for age in range(days - 1, -1, -1):
        if age % 10 == 5:
            continue
        day = end - timedelta(days=age)
        symptoms = set()
        if age % 7 == 0:
            symptoms.add("cramps")
        if age == 6:
            symptoms.add("fall")
        entries.append(
            DayEntry(
                date=day,
                strength_left=8,
                strength_right=4 if age < 10 else 7,
                fatigue=3 + (age % 2),
                steps=5000 + 100 * (age % 5) if age % 4 else None,
                chair_stand_30s=13 if age % 3 == 0 else None,
                numbness_extent=0,
                symptoms=frozenset(symptoms),
            )
        )
    return entries
