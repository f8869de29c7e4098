"""Spells that explain a dip: recorded illnesses, injuries, surgery or hospital stays, and illness-like spells in
the diary itself (both legs down with a fatigue spike or aching joints, no nerve signs, for days, not weeks).

Trend rules leave these days out of their windows and wait while a spell lasts; red flags never look here.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .baseline import background_symptoms, median
from .clinical import ILLNESS_FATIGUE_RISE, NERVE_SYMPTOMS
from .types import DayEntry, PatientContext

# Recorded events that can explain a dip in the diary (travel and "other" do not).
ILLNESS_LIKE = "illness_like"
EXPLAINING_EVENTS = frozenset({"illness", "injury", "surgery", "hospital_stay", "fall_with_injury"})
# A flu-like illness runs its course in about 1 to 2 weeks (NHS "Flu"); longer is not a passing illness.
MIN_ILLNESS_DAYS = 2
MAX_ILLNESS_DAYS = 13
# A spell counts as over once the person has logged an ordinary day this many days after its last ill day.
SETTLED_AFTER_DAYS = 2
# The usual fatigue and leg levels an illness-like day is judged against: the weeks before the last 2.
USUAL_FROM_DAYS_AGO = 14


@dataclass(frozen=True, slots=True)
class Episode:
    kind: str
    start: date
    end: date | None

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def is_ongoing(self, today: date) -> bool:
        return self.end is None or today <= self.end + timedelta(days=SETTLED_AFTER_DAYS)

    def evidence(self) -> dict:
        return {"kind": self.kind, "start": self.start.isoformat(), "end": self.end.isoformat() if self.end else None}


def episodes_of(patient: PatientContext, days: Sequence[DayEntry], today: date) -> list[Episode]:
    recorded = [
        Episode(event.kind, event.start, event.end)
        for event in patient.life_events
        if event.kind in EXPLAINING_EVENTS and event.start <= today
    ]
    return recorded + _illness_like_spells(days, today)


def _illness_like_spells(days: Sequence[DayEntry], today: date) -> list[Episode]:
    usual = [d for d in days if (today - d.date).days >= USUAL_FROM_DAYS_AGO] or list(days)
    if len(usual) < 7:
        return []
    usual_fatigue = median([d.fatigue for d in usual])
    usual_left = median([d.strength_left for d in usual])
    usual_right = median([d.strength_right for d in usual])
    # Numbness or tingling the person logs on ordinary days (diabetic feet) says nothing about a bad spell.
    usual_nerve_signs = background_symptoms(usual) & NERVE_SYMPTOMS
    spells: list[Episode] = []
    start = last = None
    for day in days:
        if _is_illness_like(day, usual_fatigue, usual_left, usual_right, usual_nerve_signs):
            if last is not None and (day.date - last).days <= 2:
                last = day.date
            else:
                _close(spells, start, last, today)
                start = last = day.date
        elif last is not None and (day.date - last).days > 2:
            _close(spells, start, last, today)
            start = last = None
    _close(spells, start, last, today)
    return spells


def _close(spells: list[Episode], start: date | None, last: date | None, today: date) -> None:
    if start is None or last is None:
        return
    length = (last - start).days + 1
    if length > MAX_ILLNESS_DAYS:
        return
    ongoing = (today - last).days < SETTLED_AFTER_DAYS
    if length >= MIN_ILLNESS_DAYS or ongoing:
        spells.append(Episode(ILLNESS_LIKE, start, None if ongoing else last))


def _is_illness_like(
    day: DayEntry, usual_fatigue: float, usual_left: float, usual_right: float, usual_nerve_signs: frozenset[str]
) -> bool:
    tired = day.fatigue >= usual_fatigue + ILLNESS_FATIGUE_RISE
    both_down = day.strength_left <= usual_left - 1 and day.strength_right <= usual_right - 1
    aching = "joint_pain" in day.symptoms
    return (tired and (both_down or aching)) and not (NERVE_SYMPTOMS & day.symptoms - usual_nerve_signs)
