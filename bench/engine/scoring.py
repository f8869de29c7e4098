"""Grading alerts against scenario expectations, as ../shared/scenarios/score.py grades them, broken down per rule.

score.py's definitions, kept exactly (tests/bench/engine/test_scoring.py runs both on the public set):
an expectation is hit by an alert with one of its codes, at or above its severity, dated within from..by (delay
= first such date - from); a false alert is one at `soon` or above on a diary without expectations, or dated
before the earliest `from` of its diary; the alert load counts every alert at `soon` or above; patient-years
add up each diary's first-to-last logged date span.
"""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from math import ceil

SEVERITY = {"info": 0, "soon": 1, "urgent": 2, "emergency": 3}
DAYS_PER_YEAR = 365.25


@dataclass(frozen=True, slots=True)
class Alert:
    day: date
    code: str
    severity: int


@dataclass
class Grade:
    """One rule set's results on one set of diaries."""

    diaries: int = 0
    patient_days: int = 0
    days_without_change: int = 0  # diaries without expectations, and the time before each problem starts
    expected: int = 0
    found: int = 0
    delays: list[int] = field(default_factory=list)
    false_alerts: int = 0
    load_alerts: int = 0
    emergencies_expected: int = 0
    emergencies_same_day: int = 0
    # per expectation group ("worsening_trend/asymmetry>=soon"): [hits, misses, delays]
    expectations: dict[str, list] = field(default_factory=lambda: defaultdict(lambda: [0, 0, []]))
    false_by_code: Counter = field(default_factory=Counter)
    # alerts of any severity, info included, dated before the problem starts (or on a negative diary)
    early_by_code: Counter = field(default_factory=Counter)
    load_by_code: Counter = field(default_factory=Counter)
    # per diary recipe (the id's part before the first "-"): [hits, misses, false alerts]
    by_recipe: dict[str, list] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    failures: list[str] = field(default_factory=list)

    @property
    def years(self) -> float:
        return self.patient_days / DAYS_PER_YEAR

    @property
    def years_without_change(self) -> float:
        return self.days_without_change / DAYS_PER_YEAR

    @property
    def sensitivity(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def false_per_year(self) -> float:
        return self.false_alerts / self.years if self.years else 0.0

    @property
    def load_per_year(self) -> float:
        return self.load_alerts / self.years if self.years else 0.0

    @property
    def median_delay(self) -> float:
        return statistics.median(self.delays) if self.delays else float("nan")

    def as_json(self) -> dict:
        """Every field, for json.dumps (evaluate.py --save; its counters and tables are dicts), read back by
        from_json."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    @classmethod
    def from_json(cls, data: dict) -> "Grade":
        grade = cls()
        for name, value in data.items():
            current = getattr(grade, name)
            if isinstance(current, dict):
                current.update(value)
            else:
                setattr(grade, name, value)
        return grade


def percentile(values: list[int], share: float) -> float:
    """The value below which `share` of the values lie (nearest rank)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return float(ordered[max(0, ceil(share * len(ordered)) - 1)])


def alerts_from_lines(lines: list[dict]) -> list[Alert]:
    return [Alert(date.fromisoformat(line["date"]), line["code"], SEVERITY[line["severity"]]) for line in lines]


def grade(diaries: list[dict], alerts: dict[str, list[Alert]]) -> Grade:
    result = Grade()
    for diary in diaries:
        _grade_diary(result, diary, alerts.get(diary["id"], []))
    return result


def hits_of(expectation: dict, alerts: list[Alert]) -> list[date]:
    """The days, in order, of the alerts that meet the expectation: one of its codes, at its severity or above, in
    its window."""
    low, high = date.fromisoformat(expectation["from"]), date.fromisoformat(expectation["by"])
    need = SEVERITY[expectation["min_severity"]]
    return sorted(
        a.day for a in alerts if a.code in expectation["codes"] and a.severity >= need and low <= a.day <= high
    )


def _grade_diary(result: Grade, diary: dict, mine: list[Alert]) -> None:
    recipe = result.by_recipe[diary["id"].split("-")[0]]
    dates = [date.fromisoformat(day["date"]) for day in diary["days"]]
    span = (max(dates) - min(dates)).days + 1 if dates else 0
    result.diaries += 1
    result.patient_days += span
    onset = min((date.fromisoformat(e["from"]) for e in diary["expect"]), default=None)
    result.days_without_change += span if onset is None or not dates else max(0, (onset - min(dates)).days)
    for alert in mine:
        if onset is None or alert.day < onset:
            result.early_by_code[alert.code] += 1
        if alert.severity >= SEVERITY["soon"]:
            result.load_alerts += 1
            result.load_by_code[alert.code] += 1
            if onset is None or alert.day < onset:
                result.false_alerts += 1
                result.false_by_code[alert.code] += 1
                recipe[2] += 1
                result.failures.append(f"{diary['id']}: false {alert.code} on {alert.day}")
    for expectation in diary["expect"]:
        result.expected += 1
        low, high = date.fromisoformat(expectation["from"]), date.fromisoformat(expectation["by"])
        need = SEVERITY[expectation["min_severity"]]
        group = result.expectations[f"{'/'.join(expectation['codes'])}>={expectation['min_severity']}"]
        hits = hits_of(expectation, mine)
        if need == SEVERITY["emergency"]:
            result.emergencies_expected += 1
            result.emergencies_same_day += bool(hits) and hits[0] == low
        if hits:
            result.found += 1
            delay = (hits[0] - low).days
            result.delays.append(delay)
            group[0] += 1
            group[2].append(delay)
            recipe[0] += 1
        else:
            group[1] += 1
            recipe[1] += 1
            late = sorted(a.day for a in mine if a.code in expectation["codes"] and a.day >= low)
            result.failures.append(
                f"{diary['id']}: missed {'/'.join(expectation['codes'])}>={expectation['min_severity']} "
                f"in {low}..{high}" + (f" (first such code on {late[0]})" if late else "")
            )
