"""Nightly trends: slow changes over weeks, judged against the patient's own baseline and noise."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from math import comb

from .baseline import (
    NOISE_FLOOR,
    Level,
    change_threshold,
    falling_hinge,
    interquartile_mean,
    level_of,
    median,
)
from .clinical import (
    ACTIVITY_DROP_RATIO,
    CHAIR_STAND_NOISE_FLOOR,
    CRASH_LAG_DAYS,
    CRASH_PATTERN_SIGNIFICANCE,
    CRASH_RISE,
    EXERTION_RATIO,
    MEANINGFUL_CHAIR_STAND_CHANGE,
    MEANINGFUL_FATIGUE_CHANGE,
    MEANINGFUL_STRENGTH_CHANGE,
    NOISE_MULTIPLIER_CHAIR_HINGE,
    NOISE_MULTIPLIER_TREND,
    REPEATED_CRASHES,
)
from .types import DayEntry, Finding, PatientContext, Severity

ANALYSIS_WINDOW_DAYS = 120
# Baseline = the weeks up to 4 weeks ago; recent = the last 2 weeks (3 for the sparser chair stand).
# The gap keeps an early, slow decline out of the baseline it is measured against.
BASELINE_ENDS_DAYS_AGO = 28
RECENT_DAYS = 14
CHAIR_STAND_RECENT_DAYS = 21
LAST_WEEK_DAYS = 7
# The chair stand is tested every few days, so its decline is a line fitted from an unknown start within the
# last 8 weeks, with at least 4 tests after that start; a standardised residual counts at most 2.5 SDs.
CHAIR_STAND_FIT_DAYS = 56
MIN_CHAIR_STAND_AFTER_START = 4
CHAIR_STAND_RESIDUAL_CLIP = 2.5
MIN_BASELINE_LOGS = 14
MIN_RECENT_LOGS = 8
MIN_CHAIR_STAND_BASELINE = 6
MIN_CHAIR_STAND_RECENT = 5
# Steps: the usual level over the two months before the last fortnight; recent = the last week.
STEPS_BASELINE_DAYS = 60
STEPS_RECENT_DAYS = 7
MIN_STEPS_RECENT = 4
# Post-exertional crashes are looked for over the last two months.
EXERTION_LOOKBACK_DAYS = 60


@dataclass(frozen=True, slots=True)
class Shift:
    """A sustained change of one series: usual level, recent level and the change needed to count."""

    series: str
    baseline: Level
    recent: float
    last_week: float
    threshold: float

    @property
    def change(self) -> float:
        return self.recent - self.baseline.typical

    def evidence(self) -> dict:
        return {
            "series": self.series,
            "baseline": self.baseline.typical,
            "noise": round(self.baseline.noise, 2),
            "recent": self.recent,
            "last_week": self.last_week,
            "change": self.change,
            "threshold": round(self.threshold, 2),
        }


@dataclass(slots=True)
class Series:
    """One measurement split into the windows the trend rules compare."""

    baseline: list[float]
    recent: list[float]
    last_week: list[float]


def analyse_day(patient: PatientContext, days: Sequence[DayEntry], today: date) -> list[Finding]:
    window_start = today - timedelta(days=ANALYSIS_WINDOW_DAYS)
    days = [d for d in days if window_start < d.date <= today]
    series = _split(days, today)
    chair_stand_points = [
        (float((today - d.date).days), float(d.chair_stand_30s))
        for d in days
        if d.chair_stand_30s is not None and (today - d.date).days < CHAIR_STAND_FIT_DAYS
    ]
    windows = {
        "baseline_window": [
            (window_start + timedelta(days=1)).isoformat(),
            (today - timedelta(days=BASELINE_ENDS_DAYS_AGO)).isoformat(),
        ],
        "recent_window": [(today - timedelta(days=RECENT_DAYS - 1)).isoformat(), today.isoformat()],
    }
    findings = []
    declines = [
        shift
        for shift in (
            _shift("strength_left", series["strength_left"], -1, MEANINGFUL_STRENGTH_CHANGE, MIN_RECENT_LOGS),
            _shift("strength_right", series["strength_right"], -1, MEANINGFUL_STRENGTH_CHANGE, MIN_RECENT_LOGS),
            _chair_stand_decline(series["chair_stand_30s"], chair_stand_points),
        )
        if shift is not None
    ]
    if declines:
        findings.append(_worsening_trend(declines, windows))
        if "cancer" in patient.history and any(s.series.startswith("strength") for s in declines):
            findings.append(_cancer_with_weakening_legs(declines, windows))
    asymmetry = _shift("left_minus_right", series["left_minus_right"], 0, MEANINGFUL_STRENGTH_CHANGE, MIN_RECENT_LOGS)
    if asymmetry is not None and abs(asymmetry.recent) >= MEANINGFUL_STRENGTH_CHANGE:
        findings.append(_asymmetry(asymmetry, windows))
    fatigue = _shift("fatigue", series["fatigue"], +1, MEANINGFUL_FATIGUE_CHANGE, MIN_RECENT_LOGS)
    if fatigue is not None:
        findings.append(_fatigue_trend(fatigue, windows))
    for finding in (_activity_drop(days, today), _post_exertional(days, today)):
        if finding is not None:
            findings.append(finding)
    return findings


def _split(days: Sequence[DayEntry], today: date) -> dict[str, Series]:
    names = ("strength_left", "strength_right", "left_minus_right", "fatigue")
    series = {name: Series([], [], []) for name in names}
    chair = series["chair_stand_30s"] = Series([], [], [])
    for day in days:
        age = (today - day.date).days
        values = (day.strength_left, day.strength_right, day.strength_left - day.strength_right, day.fatigue)
        if age >= BASELINE_ENDS_DAYS_AGO:
            for name, value in zip(names, values, strict=True):
                series[name].baseline.append(value)
            if day.chair_stand_30s is not None:
                chair.baseline.append(day.chair_stand_30s)
            continue
        if age < RECENT_DAYS:
            for name, value in zip(names, values, strict=True):
                series[name].recent.append(value)
                if age < LAST_WEEK_DAYS:
                    series[name].last_week.append(value)
        if day.chair_stand_30s is not None and age < CHAIR_STAND_RECENT_DAYS:
            chair.recent.append(day.chair_stand_30s)
            if age < LAST_WEEK_DAYS:
                chair.last_week.append(day.chair_stand_30s)
    return series


def _shift(
    name: str,
    series: Series,
    direction: int,
    meaningful: float,
    min_recent: int,
    min_baseline: int = MIN_BASELINE_LOGS,
    noise_floor: float = NOISE_FLOOR,
) -> Shift | None:
    """A change in `direction` (-1 falling, +1 rising, 0 whichever way it went) that is meaningful, beyond the
    patient's noise, and still present in the last week (so one bad spell that has passed does not count)."""
    if len(series.baseline) < min_baseline or len(series.recent) < min_recent:
        return None
    baseline = level_of(series.baseline, noise_floor)
    recent = interquartile_mean(series.recent)
    direction = direction or (1 if recent >= baseline.typical else -1)
    threshold = change_threshold(meaningful, NOISE_MULTIPLIER_TREND, baseline, len(series.recent))
    if direction * (recent - baseline.typical) < threshold:
        return None
    last_week = interquartile_mean(series.last_week) if series.last_week else recent
    if direction * (last_week - baseline.typical) < threshold / 2:
        return None
    return Shift(name, baseline, recent, last_week, threshold)


def _chair_stand_decline(series: Series, fit_points: list[tuple[float, float]]) -> Shift | None:
    """Chair stands are sparse (every 2 to 7 days) and noisy, so a window median lags weeks behind a steady
    decline. Instead, a falling "hinge" (steady, then a straight-line fall from an unknown start within the last
    8 weeks) is tested against the baseline: the fall must stand out by NOISE_MULTIPLIER_CHAIR_HINGE standard
    errors and the line must now sit a meaningful 2 stands below the usual level."""
    if len(series.baseline) < MIN_CHAIR_STAND_BASELINE or len(fit_points) < MIN_CHAIR_STAND_AFTER_START:
        return None
    baseline = level_of(series.baseline, CHAIR_STAND_NOISE_FLOOR)
    hinge = falling_hinge(fit_points, baseline, MIN_CHAIR_STAND_AFTER_START, CHAIR_STAND_RESIDUAL_CLIP)
    if hinge is None or hinge.z < NOISE_MULTIPLIER_CHAIR_HINGE or hinge.drop_today < MEANINGFUL_CHAIR_STAND_CHANGE:
        return None
    today_level = baseline.typical - hinge.drop_today
    return Shift("chair_stand_30s", baseline, today_level, today_level, MEANINGFUL_CHAIR_STAND_CHANGE)


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
        "(middle-half average of the last 2 weeks, or for the chair stand a line falling from its start, "
        "against the baseline up to 4 weeks ago).",
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
        "possible metastatic spinal cord compression (NICE CG75/NG234).",
    )


def _asymmetry(shift: Shift, windows: dict) -> Finding:
    weaker = "left" if shift.recent < 0 else "right"
    return Finding(
        code="asymmetry",
        severity=Severity.SOON,
        evidence=windows | shift.evidence(),
        patient_text=f"Your {weaker} leg has recently become weaker than the other one, which was "
        "not the case "
        "before. A one-sided change is worth a doctor's look.",
        physician_text=f"New left-right difference: left minus right {shift.recent:.1f} over the last 2 "
        f"weeks, was {shift.baseline.typical:.1f} at baseline (noise {shift.baseline.noise:.1f}).",
    )


def _fatigue_trend(shift: Shift, windows: dict) -> Finding:
    return Finding(
        code="fatigue_trend",
        severity=Severity.SOON,
        evidence=windows | shift.evidence(),
        patient_text=f"Your tiredness has crept up over the past weeks ({_describe(shift)} out of 10). "
        "Please book an appointment to talk it through.",
        physician_text=f"Fatigue rising over weeks: {shift.recent:.1f} over the last 2 weeks against "
        f"{shift.baseline.typical:.1f} at baseline (noise {shift.baseline.noise:.1f}).",
    )


def _activity_drop(days: Sequence[DayEntry], today: date) -> Finding | None:
    usual, recent = [], []
    for day in days:
        if day.steps is None:
            continue
        age = (today - day.date).days
        if age < STEPS_RECENT_DAYS:
            recent.append(day.steps)
        elif RECENT_DAYS <= age < RECENT_DAYS + STEPS_BASELINE_DAYS:
            usual.append(day.steps)
    if len(usual) < MIN_BASELINE_LOGS or len(recent) < MIN_STEPS_RECENT:
        return None
    usual_steps, recent_steps = median(usual), median(recent)
    if recent_steps >= ACTIVITY_DROP_RATIO * usual_steps:
        return None
    return Finding(
        code="activity_drop",
        severity=Severity.INFO,
        evidence={
            "usual_steps": usual_steps,
            "recent_steps": recent_steps,
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
    since = today - timedelta(days=EXERTION_LOOKBACK_DAYS)
    recent = [d for d in days if d.date > since]
    steps = [d.steps for d in recent if d.steps is not None]
    if len(steps) < MIN_BASELINE_LOGS:
        return None
    usual_steps = median(steps)
    exertion_days = [d.date for d in recent if d.steps is not None and d.steps >= EXERTION_RATIO * usual_steps]
    # The usual fatigue and its noise come from days that do not follow a busy day, so the crashes being
    # looked for do not raise the bar they are measured against.
    after_exertion = {day + timedelta(days=lag) for day in exertion_days for lag in CRASH_LAG_DAYS}
    ordinary = [d.fatigue for d in recent if d.date not in after_exertion] or [d.fatigue for d in recent]
    fatigue = level_of(ordinary)
    usual_fatigue = median(ordinary)
    fatigue_by_date = {d.date: d.fatigue for d in recent}
    crash_level = usual_fatigue + max(CRASH_RISE, fatigue.noise * 1.5)
    crashes = [
        exertion
        for exertion in exertion_days
        if any(fatigue_by_date.get(exertion + timedelta(days=lag), -1) >= crash_level for lag in CRASH_LAG_DAYS)
    ]
    if len(crashes) < REPEATED_CRASHES:
        return None
    if len(crashes) * 2 < len(exertion_days):
        chance = _chance_of_crash_after_any_day(recent, exertion_days, crash_level)
        if _binomial_tail(len(crashes), len(exertion_days), chance) > CRASH_PATTERN_SIGNIFICANCE:
            return None
    return Finding(
        code="post_exertional",
        severity=Severity.INFO,
        evidence={
            "exertion_days": [d.isoformat() for d in exertion_days],
            "crashes_after": [d.isoformat() for d in crashes],
            "usual_steps": usual_steps,
            "usual_fatigue": usual_fatigue,
            "crash_level": crash_level,
        },
        patient_text=f"On {len(crashes)} occasions your tiredness jumped a day or two after a busy day. "
        "Pacing your activity may help; it is worth mentioning to your doctor.",
        physician_text=f"Fatigue >= {crash_level:g} 1-2 days after {len(crashes)} of {len(exertion_days)} "
        f"high-activity days (>= {EXERTION_RATIO:g}x median steps) in the last "
        f"{EXERTION_LOOKBACK_DAYS} days: "
        "possible post-exertional symptom exacerbation.",
    )


def _chance_of_crash_after_any_day(recent: Sequence[DayEntry], exertion_days: list[date], crash_level: float) -> float:
    """How often this patient's fatigue reaches the crash level 1-2 days after an ordinary day: the share of
    crash-level days among logs that do not follow a busy day (with one pseudo-crash in two pseudo-days, so a
    short calm diary does not claim a zero chance), turned into the chance of one within the lag window."""
    after_exertion = {day + timedelta(days=lag) for day in exertion_days for lag in CRASH_LAG_DAYS}
    ordinary = [d.fatigue for d in recent if d.date not in after_exertion]
    rate = (sum(1 for f in ordinary if f >= crash_level) + 1) / (len(ordinary) + 2)
    return 1 - (1 - rate) ** len(CRASH_LAG_DAYS)


def _binomial_tail(successes: int, trials: int, chance: float) -> float:
    """P(at least `successes` of `trials` by chance alone): the busy days with a crash after them, against how
    often a crash follows any day. Noisy step counts make many "busy" days; this scales with them."""
    return sum(comb(trials, k) * chance**k * (1 - chance) ** (trials - k) for k in range(successes, trials + 1))
