"""Nightly trends: slow changes over weeks, judged against the patient's own baseline, noise and persistence.

Every rule's statistic is put on the normal scale and compared with a threshold derived from the false-alarm
budget (tracker/rules/budget.py); a change must also be clinically meaningful (tracker/rules/clinical.py).
Illness and injury spells (recorded, or illness-like in the diary) are left out of both windows, and trend alerts
wait while one lasts (tracker/rules/episodes.py). Red flags are never held: they live in red_flags.py.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from math import exp, log, sqrt

from .baseline import (
    NOISE_FLOOR,
    Level,
    change_z,
    falling_hinge,
    fresh_entries,
    interquartile_mean,
    level_of,
    log_steps_level,
    mean_variance_factor,
    median,
    normal_equivalent,
)
from .budget import (
    POST_EXERTIONAL_WINDOW_DAYS,
    Z_ASYMMETRY,
    Z_FATIGUE_RAMP,
    Z_FATIGUE_RISE,
    Z_OBJECTIVE_DECLINE,
    Z_POST_EXERTIONAL,
    Z_STRENGTH_DECLINE,
)
from .clinical import (
    ACTIVITY_DROP_RATIO,
    BUSY_DAY_Z,
    CHAIR_STAND_NOISE_FLOOR,
    CRASH_LAG_DAYS,
    CRASH_RISE,
    CRASH_Z,
    CRASHES_LOOKED_BACK_FROM,
    MEANINGFUL_CHAIR_STAND_CHANGE,
    MEANINGFUL_FATIGUE_CHANGE,
    MEANINGFUL_STEPS_CHANGE,
    MEANINGFUL_STRENGTH_CHANGE,
    REPEATED_CRASHES,
    Z_BUSIER_BEFORE_CRASHES,
)
from .episodes import ILLNESS_LIKE, Episode, episodes_of
from .types import DayEntry, Finding, PatientContext, Severity

# The chair stand's baseline lies before its 12-week fit window, so the window reaches back 26 weeks.
ANALYSIS_WINDOW_DAYS = 182
# Self-ratings: baseline = the logs from 120 to 28 days ago; recent = the last 2 weeks. The gap keeps an early,
# slow decline out of the baseline it is measured against.
DAILY_WINDOW_DAYS = 120
BASELINE_ENDS_DAYS_AGO = 28
RECENT_DAYS = 14
# Through a logging gap the recent window reaches back up to 4 weeks for its last few logs: people skip their
# worst days, so a rule that needs 8 logs in a fixed fortnight goes silent exactly when it matters.
MIN_RECENT_LOGS = 5
RECENT_DAYS_THROUGH_GAP = 28
# "Still there": the latest 3 fresh logs sit at least halfway to the change.
STILL_THERE_LOGS = 3
MIN_BASELINE_LOGS = 14
# Chair stands are counts (about Poisson): analysed on Anscombe's square-root scale, where their noise no longer
# depends on the level. A fall from an unknown start within the last 8 weeks, against a baseline strictly before
# that window (12 weeks were tried: chair declines of sarcopenia and myopathy build over 2-3 months, but the
# extra candidate starts raise the threshold: one tuning set gained a find, two lost three; docs/alerts.md).
CHAIR_STAND_FIT_DAYS = 56
CHAIR_STAND_RECENT_DAYS = 21
MIN_CHAIR_STAND_AFTER_START = 4
MIN_CHAIR_STAND_BASELINE = 6
CHAIR_STAND_RESIDUAL_CLIP = 4.0
# Steps strengthen a fall of chair stands only where the chair stands suggest one by themselves (one-sided p < 0.6 %
# for one look): a judgement call, since steps alone fall for reasons that are no disease (seasons, weather,
# holidays). Swept on the tuning sets (2.0, 2.5, 3.0): 2.5 removed 2-30 false alerts per 350 patient-years for at
# most one late find; 3.0 made 3-5 parkinsonian declines late.
Z_CHAIR_FALL_SHOWN = 2.5
# Steps: the usual level over the two months before the last fortnight; recent = the last week.
STEPS_BASELINE_DAYS = 60
STEPS_RECENT_DAYS = 7
MIN_STEPS_RECENT = 4


@dataclass(frozen=True, slots=True)
class Shift:
    """A sustained change of one series: usual level, recent level and how far beyond noise it is."""

    series: str
    baseline: Level
    recent: float
    last_week: float
    z: float

    @property
    def change(self) -> float:
        return self.recent - self.baseline.typical

    def evidence(self) -> dict:
        return {
            "series": self.series,
            "baseline": round(self.baseline.typical, 2),
            "noise": round(self.baseline.noise, 2),
            "persistence": round(self.baseline.persistence, 2),
            "recent": round(self.recent, 2),
            "last_week": round(self.last_week, 2),
            "change": round(self.change, 2),
            "z": round(self.z, 2),
        }


@dataclass(slots=True)
class Series:
    """One measurement split into the windows the trend rules compare."""

    baseline: list[float]
    recent: list[float]
    latest: list[float]


def analyse_day(patient: PatientContext, days: Sequence[DayEntry], today: date) -> list[Finding]:
    window_start = today - timedelta(days=ANALYSIS_WINDOW_DAYS)
    days = [d for d in days if window_start < d.date <= today]
    episodes = episodes_of(patient, days, today)
    # A crash after a busy day looks like a day or two of illness (tired, both legs heavier): those days are the
    # evidence the post-exertional rule looks for, so only recorded events are left out of its days.
    exertion = _post_exertional(_outside(days, [e for e in episodes if e.kind != ILLNESS_LIKE]), today)
    ongoing = [e for e in episodes if e.is_ongoing(today)]
    if ongoing:
        return [exertion] if exertion else []
    usable = _outside(days, episodes)
    series = _split(usable, today)
    windows = {
        "baseline_window": [
            (today - timedelta(days=DAILY_WINDOW_DAYS - 1)).isoformat(),
            (today - timedelta(days=BASELINE_ENDS_DAYS_AGO)).isoformat(),
        ],
        "recent_window": [(today - timedelta(days=RECENT_DAYS - 1)).isoformat(), today.isoformat()],
        "explained_by": [e.evidence() for e in episodes],
    }
    findings = []
    strength = [
        shift
        for name in ("strength_left", "strength_right")
        if (shift := _shift(name, series[name], -1, MEANINGFUL_STRENGTH_CHANGE, Z_STRENGTH_DECLINE)) is not None
    ]
    objective = objective_decline(usable, today)
    declines = strength + ([objective] if objective else [])
    if declines:
        findings.append(_worsening_trend(declines, windows))
        if "cancer" in patient.history and strength:
            findings.append(_cancer_with_weakening_legs(strength, windows))
    asymmetry = _growing_asymmetry(series["left_minus_right"])
    if asymmetry is not None:
        findings.append(_asymmetry(asymmetry, windows))
    fatigue = _shift("fatigue", series["fatigue"], +1, MEANINGFUL_FATIGUE_CHANGE, Z_FATIGUE_RISE)
    if fatigue is not None:
        findings.append(_fatigue_trend(fatigue, windows, "over the last 2 weeks"))
    elif (ramp := _fatigue_ramp(usable, today)) is not None:
        measured = "in the latest logs, on a line fitted to 8 weeks"
        findings.append(_fatigue_trend(ramp, windows | _ramp_windows(today), measured))
    for finding in (_activity_drop(usable, today), exertion):
        if finding is not None:
            findings.append(finding)
    return findings


def _outside(days: Sequence[DayEntry], episodes: Sequence[Episode]) -> list[DayEntry]:
    if not episodes:
        return list(days)
    return [d for d in days if not any(e.covers(d.date) for e in episodes)]


def _split(days: Sequence[DayEntry], today: date) -> dict[str, Series]:
    """Baseline, recent and latest values of each self-rated series. An entry identical to the one before it
    (a copied day) adds nothing to "recent" or "latest": copied answers are not information."""
    oldest, newest = today - timedelta(days=DAILY_WINDOW_DAYS), today - timedelta(days=BASELINE_ENDS_DAYS_AGO)
    baseline = [d for d in days if oldest < d.date <= newest]
    series = {
        "strength_left": Series([d.strength_left for d in baseline], [], []),
        "strength_right": Series([d.strength_right for d in baseline], [], []),
        "left_minus_right": Series([d.strength_left - d.strength_right for d in baseline], [], []),
        "fatigue": Series([d.fatigue for d in baseline], [], []),
    }
    through_gap = today - timedelta(days=RECENT_DAYS_THROUGH_GAP)
    fresh = [d for d in fresh_entries(days) if d.date > through_gap]
    recent_since = today - timedelta(days=RECENT_DAYS)
    recent = [d for d in fresh if d.date > recent_since]
    if len(recent) < MIN_RECENT_LOGS:
        recent = fresh[-MIN_RECENT_LOGS:]
    for name, values in (
        ("strength_left", [d.strength_left for d in recent]),
        ("strength_right", [d.strength_right for d in recent]),
        ("left_minus_right", [d.strength_left - d.strength_right for d in recent]),
        ("fatigue", [d.fatigue for d in recent]),
    ):
        series[name].recent = values
        series[name].latest = values[-STILL_THERE_LOGS:]
    return series


def _shift(
    name: str,
    series: Series,
    direction: int,
    meaningful: float,
    threshold: float,
    noise_floor: float = NOISE_FLOOR,
) -> Shift | None:
    """A change in `direction` (-1 falling, +1 rising) that is meaningful, beyond the patient's noise (the
    difference of the two windows' means in standard errors, persistence counted, at least `threshold`), still
    there in the latest logs (so one bad spell that has passed does not count) and already there in the first
    half of the recent window (so a bad week at its end does not count yet)."""
    change = fortnight_change(series, direction)
    if change is None or change < meaningful:
        return None
    baseline, z = fortnight_z(series, direction, noise_floor)
    if z < threshold:
        return None
    latest = sum(series.latest) / len(series.latest)
    if direction * (latest - baseline.typical) < meaningful / 2:
        return None
    earlier = series.recent[: len(series.recent) // 2]
    if direction * (sum(earlier) / len(earlier) - baseline.typical) < meaningful / 2:
        return None
    return Shift(name, baseline, interquartile_mean(series.recent), latest, z)


def fortnight_change(series: Series, direction: int) -> float | None:
    """How far the recent window's typical value (interquartile mean) lies from the baseline's in `direction`; None
    with too few logs in either window to test."""
    if len(series.baseline) < MIN_BASELINE_LOGS or len(series.recent) < MIN_RECENT_LOGS:
        return None
    return direction * (interquartile_mean(series.recent) - interquartile_mean(series.baseline))


def fortnight_z(series: Series, direction: int, noise_floor: float = NOISE_FLOOR) -> tuple[Level, float]:
    """The fortnight test's statistic: the recent mean against the baseline level in `direction`, in standard
    errors with lasting spells counted (`baseline.change_z`), and that baseline level."""
    baseline = level_of(series.baseline, noise_floor, lasting_spells=True)
    return baseline, direction * change_z(baseline, series.recent)


def _growing_asymmetry(series: Series) -> Shift | None:
    """A new asymmetry is a difference between the legs that grows: the recent difference further from even
    than the usual one, by a meaningful amount and beyond noise. A long-standing difference that shrinks, or
    stays, is not one."""
    if len(series.baseline) < MIN_BASELINE_LOGS or len(series.recent) < MIN_RECENT_LOGS:
        return None
    usual = interquartile_mean(series.baseline)
    recent = interquartile_mean(series.recent)
    direction = 1 if recent >= usual else -1
    if abs(recent) - abs(usual) < MEANINGFUL_STRENGTH_CHANGE or direction * recent <= 0:
        return None
    return _shift("left_minus_right", series, direction, MEANINGFUL_STRENGTH_CHANGE, Z_ASYMMETRY)


def _fatigue_ramp(days: Sequence[DayEntry], today: date) -> Shift | None:
    """Fatigue rising in a straight line from an unknown start in the last 8 weeks (the chair stands' hinge fit on
    the fresh entries, persistence counted as for steps), against the logs before them: a slow rise shows in every
    log since it began, where the two-week comparison sees only its last fortnight. Held to the same tests as that
    comparison: a meaningful rise now, still there in the latest logs and already there in the first week of the
    last fortnight (a tired last week is not yet a trend)."""
    points = [(float((today - d.date).days), float(-d.fatigue)) for d in fresh_entries(days)]
    recent = [(age, value) for age, value in points if age < CHAIR_STAND_FIT_DAYS]
    baseline = [value for age, value in points if age >= CHAIR_STAND_FIT_DAYS]
    if len(baseline) < MIN_BASELINE_LOGS:
        return None
    ramp = _hinge_decline(recent, baseline, NOISE_FLOOR, daily=True)
    if ramp is None or ramp.z < Z_FATIGUE_RAMP:
        return None
    usual, now = -ramp.usual, -ramp.now
    latest = -sum(value for _, value in sorted(recent)[:STILL_THERE_LOGS]) / STILL_THERE_LOGS
    first_week = [-value for age, value in recent if RECENT_DAYS / 2 <= age < RECENT_DAYS]
    if (
        now - usual < MEANINGFUL_FATIGUE_CHANGE
        or latest - usual < MEANINGFUL_FATIGUE_CHANGE / 2
        or not first_week
        or sum(first_week) / len(first_week) - usual < MEANINGFUL_FATIGUE_CHANGE / 2
    ):
        return None
    # The person is shown the latest logs, as the alert's page shows the recent days, not the line's end point.
    return Shift("fatigue", replace(ramp.baseline, typical=usual), latest, latest, ramp.z)


def _anscombe(count: float) -> float:
    return 2 * sqrt(count + 3 / 8)


def _from_anscombe(value: float) -> float:
    return max(0.0, (value / 2) ** 2 - 3 / 8)


@dataclass(frozen=True, slots=True)
class Decline:
    """A fall of one series from an unknown start: its statistic, the baseline it was judged against and the level
    the fitted line has reached now."""

    z: float
    baseline: Level
    now: float

    @property
    def usual(self) -> float:
        return self.baseline.typical


def _hinge_decline(
    points: list[tuple[float, float]], baseline_values: list[float], noise_floor: float, daily: bool
) -> Decline | None:
    """`daily`: a daily series (steps) whose days persist, so its statistic is shrunk by the persistence of the
    baseline; tests days apart (chair stands) are taken as independent."""
    baseline = level_of(baseline_values, noise_floor=noise_floor, independent=not daily)
    if baseline is None or len(points) < MIN_CHAIR_STAND_AFTER_START:
        return None
    hinge = falling_hinge(points, baseline, MIN_CHAIR_STAND_AFTER_START, CHAIR_STAND_RESIDUAL_CLIP)
    if hinge is None:
        return None
    z = normal_equivalent(hinge.z, baseline.effective_count - 1)
    if daily:
        z /= sqrt(mean_variance_factor(baseline.persistence, MIN_BASELINE_LOGS))
    return Decline(z=z, baseline=baseline, now=baseline.typical - hinge.drop_today)


def objective_decline(days: Sequence[DayEntry], today: date) -> Shift | None:
    """Chair stands falling (sarcopenia, myopathy), or chair stands and steps falling together (parkinsonian
    slowing): each a "steady, then falling in a straight line" fit from an unknown start in the last 8 weeks
    against a baseline before them, chair stands as counts on Anscombe's scale, steps on a log scale; the two
    are combined by Stouffer's sum so that two modest falls together count as one clear one, once the chair stands
    show a fall on their own (Z_CHAIR_FALL_SHOWN): steps fall every winter, on a holiday, in a wet month, so a fall
    of steps may bring a chair-stand fall forward but never make one. The fitted line and
    the latest three tests must both sit a meaningful 2 stands below the usual level: a steep line through a few
    low tests that have since recovered is no decline."""
    chair_points, chair_baseline, step_points, step_baseline = [], [], [], []
    for day in days:
        age = (today - day.date).days
        if day.chair_stand_30s is not None:
            value = _anscombe(day.chair_stand_30s)
            (chair_points if age < CHAIR_STAND_FIT_DAYS else chair_baseline).append((float(age), value))
        if day.steps is not None:
            value = log(day.steps + 1)
            (step_points if age < CHAIR_STAND_FIT_DAYS else step_baseline).append((float(age), value))
    if len(chair_baseline) < MIN_CHAIR_STAND_BASELINE:
        return None
    chair_floor = CHAIR_STAND_NOISE_FLOOR / sqrt(max(1.0, median([_from_anscombe(v) for _, v in chair_baseline])))
    chair = _hinge_decline(chair_points, [v for _, v in chair_baseline], chair_floor, daily=False)
    if chair is None:
        return None
    usual_stands, stands_now = _from_anscombe(chair.usual), _from_anscombe(chair.now)
    latest = median([_from_anscombe(v) for _, v in sorted(chair_points)[:STILL_THERE_LOGS]])
    if min(usual_stands - stands_now, usual_stands - latest) < MEANINGFUL_CHAIR_STAND_CHANGE:
        return None
    z = chair.z
    if chair.z >= Z_CHAIR_FALL_SHOWN and len(step_baseline) >= MIN_BASELINE_LOGS:
        steps = _hinge_decline(step_points, [v for _, v in step_baseline], 0.05, daily=True)
        if steps is not None and steps.z > 1 and 1 - exp(steps.now - steps.usual) >= MEANINGFUL_STEPS_CHANGE:
            z = max(z, (chair.z + steps.z) / sqrt(2))
    if z < Z_OBJECTIVE_DECLINE:
        return None
    baseline = Level(typical=usual_stands, noise=CHAIR_STAND_NOISE_FLOOR, count=len(chair_baseline))
    return Shift("chair_stand_30s", baseline, stands_now, stands_now, z)


_SERIES_WORDS = {
    "strength_left": "left leg strength",
    "strength_right": "right leg strength",
    "chair_stand_30s": "chair stands in 30 seconds",
    "fatigue": "fatigue",
}


def _describe(shift: Shift) -> str:
    return f"{_SERIES_WORDS[shift.series]} from about {shift.baseline.typical:.1f} to {shift.recent:.1f}"


def _worsening_trend(declines: list[Shift], windows: dict) -> Finding:
    changes = "; ".join(_describe(s) for s in declines)
    return Finding(
        code="worsening_trend",
        severity=Severity.SOON,
        evidence=windows | {"declines": [s.evidence() for s in declines]},
        patient_text=f"Over the past weeks your entries have slowly gone down ({changes}). "
        "Please book an appointment so a doctor can look at why.",
        physician_text=f"Sustained decline over weeks beyond the patient's own noise: {changes} "
        "(middle-half average of the last 2 weeks against the logs from 4 to 17 weeks ago; for the chair stand "
        "a line falling from its start within 8 weeks, against the tests before).",
    )


def _cancer_with_weakening_legs(declines: list[Shift], windows: dict) -> Finding:
    changes = "; ".join(_describe(s) for s in declines)
    return Finding(
        code="cord_compression",
        severity=Severity.URGENT,
        evidence=windows | {"declines": [s.evidence() for s in declines], "history": ["cancer"]},
        patient_text="With your history of cancer, legs getting weaker over weeks should be checked today, "
        "because cancer can press on the spinal cord.",
        physician_text=f"Known cancer with progressive leg weakness ({changes}): "
        "possible metastatic spinal cord compression (NICE NG234).",
    )


def _asymmetry(shift: Shift, windows: dict) -> Finding:
    weaker = "left" if shift.recent < 0 else "right"
    return Finding(
        code="asymmetry",
        severity=Severity.SOON,
        evidence=windows | shift.evidence(),
        patient_text=f"The difference between your legs has grown over the past weeks: your {weaker} leg is now "
        "clearly weaker than the other compared with before. A one-sided change is worth a doctor's look.",
        physician_text=f"Growing left-right difference: left minus right {shift.recent:.1f} over the last 2 "
        f"weeks, was {shift.baseline.typical:.1f} at baseline (noise {shift.baseline.noise:.1f}).",
    )


def _ramp_windows(today: date) -> dict:
    """The days `_fatigue_ramp` compares: the fit's 8 weeks against the rest of the analysis window before them."""
    return {
        "baseline_window": [
            (today - timedelta(days=ANALYSIS_WINDOW_DAYS - 1)).isoformat(),
            (today - timedelta(days=CHAIR_STAND_FIT_DAYS)).isoformat(),
        ],
        "recent_window": [(today - timedelta(days=CHAIR_STAND_FIT_DAYS - 1)).isoformat(), today.isoformat()],
    }


def _fatigue_trend(shift: Shift, windows: dict, measured: str) -> Finding:
    return Finding(
        code="fatigue_trend",
        severity=Severity.SOON,
        evidence=windows | shift.evidence(),
        patient_text=f"Your tiredness has crept up over the past weeks ({_describe(shift)} out of 10). "
        "Please book an appointment to talk it through.",
        physician_text=f"Fatigue rising over weeks: {shift.recent:.1f} {measured} against "
        f"{shift.baseline.typical:.1f} at baseline (noise {shift.baseline.noise:.1f}).",
    )


def _activity_drop(days: Sequence[DayEntry], today: date) -> Finding | None:
    usual, recent, latest = [], [], []
    for day in days:
        if day.steps is None:
            continue
        age = (today - day.date).days
        if age < STEPS_RECENT_DAYS:
            recent.append(day.steps)
        elif RECENT_DAYS <= age < RECENT_DAYS + STEPS_BASELINE_DAYS:
            usual.append(day.steps)
        if age < RECENT_DAYS:
            latest.append(day.steps)
    if len(recent) < MIN_STEPS_RECENT:
        recent = latest[-MIN_STEPS_RECENT:]
    if len(usual) < MIN_BASELINE_LOGS or len(recent) < MIN_STEPS_RECENT:
        return None
    usual_steps, recent_steps = median(usual), median(recent)
    if recent_steps >= ACTIVITY_DROP_RATIO * usual_steps:
        return None
    return Finding(
        code="activity_drop",
        severity=Severity.INFO,
        evidence={
            "usual_steps": round(usual_steps),
            "recent_steps": round(recent_steps),
            "recent_days": STEPS_RECENT_DAYS,
            "ratio": round(recent_steps / usual_steps, 2),
            "date": today.isoformat(),
        },
        patient_text=f"You have been much less on your feet this week (about {recent_steps:.0f} steps a day "
        f"against your usual {usual_steps:.0f}). Muscles weaken quickly with rest, so gentle movement helps "
        "if you can.",
        physician_text=f"Steps down to {recent_steps / usual_steps:.0%} of the usual median for a week; "
        "disuse costs about 0.5% of muscle a day.",
    )


def _post_exertional(days: Sequence[DayEntry], today: date) -> Finding | None:
    """Fatigue rising 1-2 days after busier days than usual, again and again (NICE NG206): looked for from the busy
    days forward, and from the crashes back."""
    since = today - timedelta(days=POST_EXERTIONAL_WINDOW_DAYS)
    recent = [d for d in days if d.date > since]
    fatigue = level_of([d.fatigue for d in recent])
    if fatigue is None:
        return None
    return _rise_after_busy_days(recent, fatigue) or _busier_before_crashes(recent, fatigue)


def _rise_after_busy_days(recent: Sequence[DayEntry], fatigue: Level) -> Finding | None:
    """From the busy days forward, scored softly.

    A busy day is one whose steps stand BUSY_DAY_Z of the person's own standard deviations above their usual (log
    scale): no fixed ratio, which would sit inside one person's day-to-day swing and far above another's. After
    every day with steps, the rise of fatigue over the next one or two days against that day's own fatigue (in SDs
    of the person's fatigue: a spell of tiredness that was already there is no rise). The busy days' mean rise
    against the other days', in standard errors, must pass the budget's Z_POST_EXERTIONAL, with at least
    REPEATED_CRASHES busy days followed by a crash (fatigue CRASH_RISE above usual). One missed or mild crash
    lowers the mean, not the count the old rule needed, so it no longer costs weeks."""
    crash_level = fatigue.typical + CRASH_RISE
    # Most nights there are too few crashes to test: stop before the steps are read (a nightly path).
    if sum(1 for d in recent if d.fatigue >= crash_level) < REPEATED_CRASHES:
        return None
    steps = log_steps_level(recent)
    if steps is None or steps.count < MIN_BASELINE_LOGS:
        return None
    fatigue_by_date = {d.date: d.fatigue for d in recent}
    busy, ordinary = [], []
    for day in recent:
        after = [
            fatigue_by_date[d] for lag in CRASH_LAG_DAYS if (d := day.date + timedelta(days=lag)) in fatigue_by_date
        ]
        if day.steps is None or not after:
            continue
        rise = (max(after) - day.fatigue) / fatigue.noise
        if (log(day.steps + 1) - steps.typical) / steps.noise >= BUSY_DAY_Z:
            busy.append((day.date, rise, max(after) >= crash_level))
        else:
            ordinary.append(rise)
    crashes = [day for day, _, crashed in busy if crashed]
    if len(crashes) < REPEATED_CRASHES or len(ordinary) < MIN_BASELINE_LOGS:
        return None
    z = _mean_above_others([rise for _, rise, _ in busy], ordinary)
    if z is None or z < Z_POST_EXERTIONAL:
        return None
    return Finding(
        code="post_exertional",
        severity=Severity.INFO,
        evidence={
            "busy_days": [day.isoformat() for day, _, _ in busy],
            "crashes_after": [day.isoformat() for day in crashes],
            "rise_after_busy_days_z": round(z, 2),
            "usual_steps": round(exp(steps.typical) - 1),
            "usual_fatigue": round(fatigue.typical, 1),
        },
        patient_text=f"On {len(crashes)} occasions your tiredness jumped a day or two after a busier day than usual. "
        "Pacing your activity may help; it is worth mentioning to your doctor.",
        physician_text=f"Fatigue rose to >= {crash_level:.1f}/10 1-2 days after {len(crashes)} of {len(busy)} "
        f"high-activity days (steps {BUSY_DAY_Z:g} SD above usual, log scale) in the last "
        f"{POST_EXERTIONAL_WINDOW_DAYS} days; the rise after busy days stands z {z:.1f} above that after other days: "
        "possible post-exertional symptom exacerbation.",
    )


def _busier_before_crashes(recent: Sequence[DayEntry], fatigue: Level) -> Finding | None:
    busier = _busier_before_crash_days(recent, fatigue)
    if busier is None or busier[0] < Z_BUSIER_BEFORE_CRASHES:
        return None
    z, crash_days = busier
    return Finding(
        code="post_exertional",
        severity=Severity.INFO,
        evidence={"busier_before_crashes_z": round(z, 2), "crash_days": [d.isoformat() for d in crash_days]},
        patient_text="Your tiredness has jumped a day or two after your busier days more often than chance "
        "would explain. Pacing your activity may help; it is worth mentioning to your doctor.",
        physician_text=f"Steps on the 1-2 days before {len(crash_days)} fatigue crashes are higher than before "
        f"other days (z {z:.1f}) over the last {POST_EXERTIONAL_WINDOW_DAYS} days: "
        "possible post-exertional symptom exacerbation.",
    )


def _busier_before_crash_days(days: Sequence[DayEntry], fatigue: Level) -> tuple[float, list[date]] | None:
    """The busy days scored softly, from the crashes back: for each crash (fatigue CRASH_Z of the person's own
    standard deviations above usual, the first day of a run), the busier of the one or two days before it, as a
    z of the person's log steps; their mean against the same measure before ordinary days, in standard errors.
    Busy days only 1.4 times the usual steps sit inside the day-to-day swing of steps, but the crashes do not:
    looking back from them finds the busy days a fixed step count misses. Returns the z and the crash days."""
    fatigue_z = {d.date: (d.fatigue - fatigue.typical) / fatigue.noise for d in days}
    # Most nights there are not enough crashes to look back from: stop before the steps are read (a nightly path).
    if sum(1 for z in fatigue_z.values() if z >= CRASH_Z) < CRASHES_LOOKED_BACK_FROM:
        return None
    steps = log_steps_level(days)
    if steps is None:
        return None
    steps_z = {d.date: (log(d.steps + 1) - steps.typical) / steps.noise for d in days if d.steps is not None}
    before_crash, before_ordinary, crash_days = [], [], []
    for day, z in fatigue_z.items():
        before = [steps_z[d] for lag in CRASH_LAG_DAYS if (d := day - timedelta(days=lag)) in steps_z]
        if not before:
            continue
        if z >= CRASH_Z and fatigue_z.get(day - timedelta(days=1), 0.0) < CRASH_Z:
            before_crash.append(max(before))
            crash_days.append(day)
        elif z < 1:
            before_ordinary.append(max(before))
    if len(before_crash) < CRASHES_LOOKED_BACK_FROM or len(before_ordinary) < MIN_BASELINE_LOGS:
        return None
    z = _mean_above_others(before_crash, before_ordinary)
    return None if z is None else (z, crash_days)


def _mean_above_others(group: Sequence[float], others: Sequence[float]) -> float | None:
    """How far the group's mean stands above the others' mean, in standard errors of a mean of that many of the
    others (None when the others do not vary)."""
    mean = sum(others) / len(others)
    spread = sqrt(sum((x - mean) ** 2 for x in others) / (len(others) - 1))
    if spread <= 0:
        return None
    return (sum(group) / len(group) - mean) / (spread / sqrt(len(group)))
