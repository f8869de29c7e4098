"""An alert's evidence (tracker.rules findings) in plain words for the Alerts page.

The usual and recent levels and the symptom day counts are the selector's (tracker.selectors.figures) as of
the alert's day, the very numbers the doctor's summary shows for a period ending that day.
"""

from datetime import date

from tracker.labels import LIFE_EVENT_KIND_LABELS, alert_label, severity_label, symptom_label
from tracker.selectors.figures import Figures

_SERIES = {
    "strength_left": "Left leg strength",
    "strength_right": "Right leg strength",
    "chair_stand_30s": "Chair stands in 30 seconds",
    "fatigue": "Fatigue",
}
_NUMBNESS = {0: "none", 1: "toes or feet", 2: "up to the ankles", 3: "up to the calves or knees", 4: "thighs or higher"}


def _number(value) -> str:
    return f"{value:.1f}".removesuffix(".0") if isinstance(value, float) else str(value)


def _day(iso: str, figures: Figures) -> str:
    """A stored date as people write it: "5 Mar", with the year only when it is not the alert's year."""
    day = date.fromisoformat(iso)
    return f"{day:%-d %b}" if day.year == figures.end.year else f"{day:%-d %b %Y}"


def _days(isos, figures: Figures) -> str:
    return ", ".join(_day(iso, figures) for iso in isos)


def _window(name: str, window, figures: Figures) -> str | None:
    if not window or not window[0]:
        return None
    return f"{name}: {_day(window[0], figures)} to {_day(window[1], figures)}"


def _shift(shift: dict, figures: Figures) -> str:
    words = _SERIES.get(shift.get("series"), "A measurement")
    measure = figures.measure(shift.get("series"))
    usual, recent = (measure.usual, measure.recent) if measure else (shift["baseline"], shift["recent"])
    return f"{words}: usually about {_number(usual)}, lately about {_number(recent)}"


def _symptom_days(figures: Figures) -> str | None:
    if not figures.symptom_days:
        return None
    counted = "; ".join(
        f"{symptom_label(name)} {count} {'day' if count == 1 else 'days'}"
        for name, count in figures.symptom_days.items()
    )
    return f"Days with each symptom from {figures.start:%-d %b} to {figures.end:%-d %b}: {counted}"


def evidence_lines(evidence: dict, figures: Figures) -> list[str]:
    """`figures`: the period the alert looked at, ending on its day."""
    lines = []
    first_entries = evidence.get("has_baseline") is False
    for side in ("left", "right"):
        if first_entries and f"strength_{side}" in evidence:
            floor = evidence.get(f"first_logs_floor_{side}")
            lines.append(
                f"{side.capitalize()} leg strength that day: {evidence[f'strength_{side}']} out of 10 "
                "(no usual level yet: this was one of your first entries"
                + (f"; your entries before it were mostly {floor} or more)" if floor is not None else ")")
            )
        elif f"strength_{side}" in evidence and f"baseline_{side}" in evidence:
            line = (
                f"{side.capitalize()} leg strength that day: {evidence[f'strength_{side}']} out of 10 "
                f"(usually about {_number(evidence[f'baseline_{side}'])})"
            )
            if evidence.get(f"previous_{side}") is not None:
                line += f"; the entry before: {evidence[f'previous_{side}']}"
            lines.append(line)
    if "series" in evidence:
        lines.append(_shift(evidence, figures))
    lines.extend(_shift(shift, figures) for shift in evidence.get("declines", []))
    if evidence.get("new_symptoms"):
        symptoms = ", ".join(symptom_label(s).lower() for s in evidence["new_symptoms"])
        lead = "Reported that day" if first_entries else "New compared with your usual days"
        lines.append(f"{lead}: {symptoms}")
    if evidence.get("numbness_extent"):
        lines.append(f"Numbness reached: {_NUMBNESS.get(evidence['numbness_extent'], evidence['numbness_extent'])}")
    if "usual_steps" in evidence and figures.steps.usual is not None and figures.steps.recent is not None:
        lines.append(f"Steps a day: usually about {figures.steps.usual:,}, this week about {figures.steps.recent:,}")
    if "steps_that_day" in evidence:
        lines.append(
            f"Steps that day: {evidence['steps_that_day']:,} (usually about {evidence['steps_usually']:,} a day)"
        )
    if evidence.get("crashes_after"):
        days = _days(evidence["crashes_after"], figures)
        lines.append(f"Busy days followed a day or two later by a jump in tiredness: {days}")
    # Alerts raised before 2026-11-30 looked back from the crashes; their stored evidence still reads this way.
    if evidence.get("crash_days"):
        days = _days(evidence["crash_days"], figures)
        lines.append(f"Days tiredness jumped, each a day or two after a busier day than usual: {days}")
    for other in evidence.get("also", []):
        lines.append(
            f"Also found in this entry: {alert_label(other['code'])} ({severity_label(other['severity']).lower()})"
        )
    for spell in evidence.get("explained_by", []):
        kind = LIFE_EVENT_KIND_LABELS.get(spell["kind"], "A spell that looked like an illness")
        start = _day(spell["start"], figures)
        until = f" to {_day(spell['end'], figures)}" if spell.get("end") else ", still going on"
        lines.append(f"Left out of the comparison as a passing spell: {kind} from {start}{until}")
    lines.extend(
        line
        for line in (
            _symptom_days(figures),
            _window("Your usual days, compared against", evidence.get("baseline_window"), figures),
            _window("Recent days looked at", evidence.get("recent_window"), figures),
        )
        if line
    )
    return lines
