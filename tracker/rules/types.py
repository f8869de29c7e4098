"""Plain data the alert engine works on. No Django, no ORM: the live path,
the nightly job and `manage.py replay` all build these and call the same rules."""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import NamedTuple


class Severity(StrEnum):
    INFO = "info"
    SOON = "soon"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.SOON: 1, Severity.URGENT: 2, Severity.EMERGENCY: 3}
# Severities that ask a person to act today or now: they reach someone at once (carers too, through quiet
# hours and snoozes, repeating until seen), and Today keeps them in view until they are dealt with.
PRESSING_SEVERITIES = frozenset({Severity.URGENT.value, Severity.EMERGENCY.value})


class DayEntry(NamedTuple):
    """One logged day, in the patient's local calendar.

    A named tuple rather than a dataclass: the engine reads hundreds per patient per night,
    and a tuple is several times cheaper to build.
    """

    date: date
    strength_left: int
    strength_right: int
    fatigue: int
    steps: int | None = None
    chair_stand_30s: int | None = None
    numbness_extent: int = 0
    symptoms: frozenset[str] = frozenset()


class LifeEvent(NamedTuple):
    """A period the patient recorded (an illness, an injury, surgery, a hospital stay, a fall with injury,
    travel): it can explain a dip in the diary, never a red flag. `end` is None while it lasts."""

    kind: str
    start: date
    end: date | None = None


class LabResult(NamedTuple):
    """One recorded blood-test result, as the hints mention it ("a low vitamin B12 with climbing numbness")."""

    marker: str
    value: float
    unit: str
    taken_on: date
    reference_low: float | None = None
    reference_high: float | None = None


@dataclass(frozen=True, slots=True)
class PatientContext:
    birth_year: int | None = None
    sex: str = ""
    history: frozenset[str] = frozenset()
    life_events: tuple[LifeEvent, ...] = ()
    lab_results: tuple[LabResult, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """A decision of the engine: what to alert about, how urgently, and why."""

    code: str
    severity: Severity
    evidence: dict = field(default_factory=dict)
    patient_text: str = ""
    physician_text: str = ""


@dataclass(frozen=True, slots=True)
class PriorAlert:
    """An alert already stored for this patient, as the re-alert policy needs it."""

    code: str
    severity: Severity
    raised_on: date
    status: str
    reason: str = ""
    # Each leg's strength on the day it was raised, for the legs the finding records: (side, strength) pairs.
    leg_strengths: tuple[tuple[str, int], ...] = ()


def leg_strengths(evidence: dict) -> tuple[tuple[str, int], ...]:
    """The leg strengths a finding's evidence records, side by side: ("left", 4), ("right", 7)."""
    return tuple((side, evidence[f"strength_{side}"]) for side in ("left", "right") if f"strength_{side}" in evidence)


def told_alerts(code: str, severity: Severity, raised_on: date, status: str, evidence: dict) -> list[PriorAlert]:
    """What one stored alert told the person: its own finding and those it carried along (`evidence["also"]`)."""
    strengths = leg_strengths(evidence)
    told = [PriorAlert(code, severity, raised_on, status, evidence.get("reason", ""), strengths)]
    for other in evidence.get("also", ()):
        told.append(
            PriorAlert(
                other["code"], Severity(other["severity"]), raised_on, status, other.get("reason", ""), strengths
            )
        )
    return told
