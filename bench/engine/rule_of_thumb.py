"""A naive rule of thumb, the baseline every engine change is compared with (issue 11).

Fixed thresholds against trailing medians of the person's own logs, one alert per code per 30 days. No noise
model, no baseline gap beyond a fortnight, no corroboration: what a careful person with a spreadsheet would do.
It yields alert lines in the format of `manage.py replay`, so it is graded exactly like the engine.

    .venv/bin/python ../shared/scenarios/score.py --replay ".venv/bin/python bench/engine/rule_of_thumb.py" DIR
"""

import json
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from statistics import median

COOLDOWN_DAYS = 30
USUAL_DAYS = 28  # the trailing median of the 4 weeks before today
TREND_BASELINE = (90, 28)  # days ago: the baseline for trends, up to 4 weeks ago
TREND_RECENT_DAYS = 14
MIN_LOGS = 7
ONE_SIDED_DROP = 3  # a leg this far below its usual median...
OTHER_LEG_STEADY = 1.5  # ...while the other is within this of its own
NEW_WEAKNESS = 2
TREND_CHANGE = 2
CHAIR_STAND_CHANGE = 3
NUMBNESS_RISE = 2
ACTIVITY_SHARE = 0.5
BUSY_DAY = 1.5
CRASH_RISE = 3
CRASHES = 3


def replay_alerts(diary: dict) -> Iterator[dict]:
    days = sorted(diary["days"], key=lambda d: d["date"])
    dates = [date.fromisoformat(d["date"]) for d in days]
    cancer = "cancer" in diary.get("patient", {}).get("history", [])
    last_alert: dict[str, date] = {}
    for index, today in enumerate(dates):
        for code, severity in _findings(days, dates, index, cancer):
            previous = last_alert.get(code)
            if previous is None or (today - previous).days >= COOLDOWN_DAYS:
                last_alert[code] = today
                yield {"scenario": diary["id"], "date": today.isoformat(), "code": code, "severity": severity}


def _window(days: list[dict], dates: list[date], today: date, since_days: int, until_days: int) -> list[dict]:
    """Logs from `since_days` ago to `until_days` ago, both included."""
    first = bisect_left(dates, today - timedelta(days=since_days))
    return days[first : bisect_right(dates, today - timedelta(days=until_days))]


def _median_of(days: list[dict], name: str) -> float | None:
    values = [d[name] for d in days if d.get(name) is not None]
    return median(values) if len(values) >= MIN_LOGS else None


def _findings(days: list[dict], dates: list[date], index: int, cancer: bool) -> list[tuple[str, str]]:
    today, entry = dates[index], days[index]
    symptoms = set(entry.get("symptoms") or ())
    usual = _window(days, dates, today, USUAL_DAYS, 1)
    left, right = _median_of(usual, "strength_left"), _median_of(usual, "strength_right")
    drops = {}
    if left is not None and right is not None:
        drops = {"left": left - entry["strength_left"], "right": right - entry["strength_right"]}
    findings = []
    one_sided = (
        any(
            drops[a] >= ONE_SIDED_DROP and drops[b] < OTHER_LEG_STEADY
            for a, b in (("left", "right"), ("right", "left"))
        )
        if drops
        else False
    )
    if one_sided or symptoms & {"face_arm_speech", "sudden_onset"}:
        findings.append(("sudden_weakness", "emergency"))
    if symptoms & {"bladder_bowel_change", "saddle_numbness"}:
        findings.append(("bladder_bowel", "urgent"))
    weaker = bool(drops) and max(drops.values()) >= NEW_WEAKNESS
    if cancer and ("back_pain" in symptoms or weaker):
        findings.append(("cord_compression", "urgent"))
    if _progressing(days, dates, index, usual):
        findings.append(("rapid_progression", "urgent"))
    if "fall" in symptoms:
        findings.append(("fall", "soon"))
    findings.extend(_trends(days, dates, today))
    return findings


def _progressing(days: list[dict], dates: list[date], index: int, usual: list[dict]) -> bool:
    numbness = _median_of(usual, "numbness_extent")
    if numbness is not None and days[index].get("numbness_extent", 0) - numbness >= NUMBNESS_RISE:
        return True
    last_three = days[max(0, index - 2) : index + 1]
    if len(last_three) < 3 or (dates[index] - dates[index - 2]).days > 4:
        return False
    return all(
        (usual_value := _median_of(usual, name)) is not None
        and median(d[name] for d in last_three) <= usual_value - ONE_SIDED_DROP
        for name in ("strength_left", "strength_right")
    )


def _trends(days: list[dict], dates: list[date], today: date) -> list[tuple[str, str]]:
    baseline = _window(days, dates, today, *TREND_BASELINE)
    recent = _window(days, dates, today, TREND_RECENT_DAYS, 0)
    findings = []

    def changed(name: str) -> float | None:
        before, now = _median_of(baseline, name), _median_of(recent, name)
        return None if before is None or now is None else now - before

    if any(
        (change := changed(name)) is not None and change <= -TREND_CHANGE
        for name in ("strength_left", "strength_right")
    ):
        findings.append(("worsening_trend", "soon"))
    chair_before = [d["chair_stand_30s"] for d in baseline if d.get("chair_stand_30s") is not None]
    chair_now = [
        d["chair_stand_30s"] for d in _window(days, dates, today, 21, 0) if d.get("chair_stand_30s") is not None
    ]
    if (
        len(chair_before) >= 4
        and len(chair_now) >= 3
        and median(chair_now) <= median(chair_before) - CHAIR_STAND_CHANGE
    ):
        findings.append(("worsening_trend", "soon"))
    difference_before = [d["strength_left"] - d["strength_right"] for d in baseline]
    difference_now = [d["strength_left"] - d["strength_right"] for d in recent]
    if (
        len(difference_before) >= MIN_LOGS
        and len(difference_now) >= MIN_LOGS
        and abs(median(difference_now)) - abs(median(difference_before)) >= TREND_CHANGE
    ):
        findings.append(("asymmetry", "soon"))
    if (change := changed("fatigue")) is not None and change >= TREND_CHANGE:
        findings.append(("fatigue_trend", "soon"))
    steps_before = _median_of(_window(days, dates, today, 74, 14), "steps")
    steps_now = [d["steps"] for d in _window(days, dates, today, 7, 0) if d.get("steps") is not None]
    if steps_before and len(steps_now) >= 4 and median(steps_now) < ACTIVITY_SHARE * steps_before:
        findings.append(("activity_drop", "info"))
    if _crashes_after_busy_days(_window(days, dates, today, 60, 0)) >= CRASHES:
        findings.append(("post_exertional", "info"))
    return findings


def _crashes_after_busy_days(window: list[dict]) -> int:
    steps, fatigue = _median_of(window, "steps"), _median_of(window, "fatigue")
    if steps is None or fatigue is None:
        return 0
    by_date = {date.fromisoformat(d["date"]): d for d in window}
    crashes = 0
    for day, entry in by_date.items():
        if entry.get("steps") is not None and entry["steps"] >= BUSY_DAY * steps:
            after = (by_date.get(day + timedelta(days=lag)) for lag in (1, 2))
            crashes += any(a is not None and a["fatigue"] >= fatigue + CRASH_RISE for a in after)
    return crashes


def main() -> None:
    for path in sys.argv[1:]:
        for alert in replay_alerts(json.loads(Path(path).read_text())):
            print(json.dumps(alert))


if __name__ == "__main__":
    main()
