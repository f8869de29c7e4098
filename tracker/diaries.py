"""Scenario diaries (../shared/scenarios/README.md) read the way the phone's form takes a day.

Diaries written by other generators may bend the format: a question left blank, a symptom outside the list, a date
with a time on it, steps beyond any phone's count. `manage.py replay` runs every diary in one command, so a day that
could not be saved must not end the replay of the rest. Each day is taken as the form would take it: a day without
its three ratings (0-10) is left out, as a day the person did not log; an optional value that cannot be right is left
blank; an unknown symptom is dropped. Every such decision is written down, with the day and the field, in
`Diary.problems`. Both replays (the database one and the engine's pure one) read diaries through here, so they see
the same days.
"""

import math
from dataclasses import dataclass
from datetime import date, datetime

from tracker.symptoms import SYMPTOMS
from tracker.vocabulary import (
    MAX_CHAIR_STANDS,
    MAX_STEPS,
    MEASURE_FIELDS,
    MEDICAL_HISTORY,
    NUMBNESS_MAX,
    RATING_FIELDS,
    RATING_MAX,
    SEXES,
    known_timezones,
)


@dataclass(frozen=True)
class Diary:
    id: str
    birth_year: int | None
    sex: str
    timezone: str
    history: tuple[str, ...]
    # Oldest first, one per date (the last one given wins, as a resubmitted day does): the log's values by field.
    days: tuple[tuple[date, dict], ...]
    problems: tuple[str, ...]


class _LeftOut(ValueError):
    """The day cannot be saved as a log."""


def read_diary(raw: dict) -> Diary:
    problems: list[str] = []
    profile = raw.get("patient") if isinstance(raw.get("patient"), dict) else {}
    by_date: dict[date, dict] = {}
    fractions: list[str] = []
    for position, day in enumerate(raw.get("days") or ()):
        where = f"day {position + 1}"
        try:
            if not isinstance(day, dict):
                raise _LeftOut("is not an object of fields")
            where = f"day {position + 1} ({day.get('date')})"
            on, values = _read_date(day.get("date")), _read_values(day, problems.append, where)
        except _LeftOut as reason:
            problems.append(f"{where}: {reason}; the day is left out, as a day not logged")
            continue
        by_date[on] = values
        fractions += [f"{where}: {name} {day[name]!r}" for name in MEASURE_FIELDS if _has_fraction(day.get(name))]
    if fractions:
        problems.append(
            f"{len(fractions)} values have fractions ({fractions[0]}, ...); read to the nearest whole number"
        )
    return Diary(
        id=str(raw["id"]),
        birth_year=_read_birth_year(profile.get("birth_year"), problems.append),
        sex=_read_choice(profile.get("sex"), SEXES, "unspecified", "patient.sex", problems.append),
        timezone=_read_timezone(profile.get("timezone"), problems.append),
        history=_read_history(profile.get("history"), problems.append),
        days=tuple(sorted(by_date.items())),
        problems=tuple(problems),
    )


def _read_date(value) -> date:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            try:
                return datetime.fromisoformat(value).date()
            except ValueError:
                pass
    raise _LeftOut(f"date {value!r} is not a date as YYYY-MM-DD")


def _read_values(day: dict, note, where: str) -> dict:
    values = {}
    for name in RATING_FIELDS:
        rating = _whole_number(day.get(name))
        if rating is None or not 0 <= rating <= RATING_MAX:
            raise _LeftOut(f"{name} is {day.get(name)!r}, not a rating from 0 to {RATING_MAX}")
        values[name] = rating
    for name, most in (("steps", MAX_STEPS), ("chair_stand_30s", MAX_CHAIR_STANDS)):
        count = _whole_number(day.get(name))
        if count is not None and not 0 <= count <= most:
            note(f"{where}: {name} is {day.get(name)!r}, not a count from 0 to {most}; it is left blank")
            count = None
        elif count is None and day.get(name) is not None:
            note(f"{where}: {name} is {day.get(name)!r}, not a number; it is left blank")
        values[name] = count
    extent = _whole_number(day.get("numbness_extent"))
    if extent is None:
        if day.get("numbness_extent") is not None:
            note(f"{where}: numbness_extent is {day.get('numbness_extent')!r}, not a number; read as 0")
        extent = 0
    elif not 0 <= extent <= NUMBNESS_MAX:
        # The top level already means "thighs or higher".
        extent = min(max(extent, 0), NUMBNESS_MAX)
        note(f"{where}: numbness_extent is {day.get('numbness_extent')!r}, not 0 to {NUMBNESS_MAX}; read as {extent}")
    values["numbness_extent"] = extent
    values["symptoms"] = _read_symptoms(day.get("symptoms"), note, where)
    return values


def _has_fraction(value) -> bool:
    return isinstance(value, float) and math.isfinite(value) and value != int(value)


def _whole_number(value) -> int | None:
    """A number as the form's whole-number buttons would take it: the nearest whole number (a slider's 6.4 is a 6),
    a number written as text read as the number; anything else is no number."""
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return math.floor(value + 0.5)


def _read_symptoms(value, note, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        note(f"{where}: symptoms is {value!r}, not a list; read as none")
        return []
    names = {name.strip().lower() if isinstance(name, str) else name for name in value}
    unknown = sorted(map(str, names.difference(SYMPTOMS)))
    if unknown:
        note(f"{where}: symptoms {unknown} are not in the list of symptoms; they are dropped")
    return [name for name in SYMPTOMS if name in names]


def _read_birth_year(value, note) -> int | None:
    year = _whole_number(value)
    if year is None or not 1900 <= year <= date.today().year:
        if value is not None:
            note(f"patient.birth_year is {value!r}, not a year; read as not given")
        return None
    return year


def _read_choice(value, choices: tuple[str, ...], default: str, field: str, note) -> str:
    if value is None:
        return default
    name = value.strip().lower() if isinstance(value, str) else value
    if name not in choices:
        note(f"{field} is {value!r}, not one of {list(choices)}; read as {default!r}")
        return default
    return name


def _read_timezone(value, note) -> str:
    if value is None or value in known_timezones():
        return value or "UTC"
    note(f"patient.timezone is {value!r}, not an IANA time zone; read as 'UTC'")
    return "UTC"


def _read_history(value, note) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        note(f"patient.history is {value!r}, not a list; read as none")
        return ()
    names = {name.strip().lower() if isinstance(name, str) else name for name in value}
    unknown = sorted(map(str, names.difference(MEDICAL_HISTORY)))
    if unknown:
        note(f"patient.history {unknown} are not among {list(MEDICAL_HISTORY)}; they are dropped")
    return tuple(name for name in MEDICAL_HISTORY if name in names)
