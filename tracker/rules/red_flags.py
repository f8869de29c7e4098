"""Red flags checked when a day is saved: things that cannot wait for the nightly analysis."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from itertools import pairwise

from .baseline import Level, background_symptoms, level_of, median
from .clinical import (
    ASCENDING_NUMBNESS_LEVELS,
    BACK_OR_LEG_SYMPTOMS,
    CAUDA_EQUINA_SYMPTOMS,
    FALL,
    FOCAL_SHARE,
    LARGEST_STEP_SHARE,
    MSCC_NEUROLOGICAL_SYMPTOMS,
    NEW_WEAKNESS_DROP,
    NOISE_MULTIPLIER_SINGLE_DAY,
    PROGRESSION_DAYS,
    PROGRESSIVE_STRENGTH_DROP,
    SEVERE_STRENGTH_DROP,
    STROKE_SIGNS,
    SUDDEN_STEP,
)
from .types import DayEntry, Finding, PatientContext, Severity

HISTORY_DAYS = 90
# The baseline ends a week before today so that a problem building up over days does not hide itself.
BASELINE_GAP_DAYS = 7
MIN_BASELINE_LOGS = 10
# A new diary has no week to spare: until it has 10 older logs, all of a first week or more stand in.
MIN_EARLY_BASELINE_LOGS = 7
# A "previous" log older than this says nothing about how suddenly today's value arrived.
PREVIOUS_LOG_MAX_AGE_DAYS = 7


@dataclass(frozen=True, slots=True)
class LegChange:
    side: str
    today: int
    baseline: Level
    previous: int | None
    recent: tuple[int, ...]

    @property
    def drop(self) -> float:
        return self.baseline.typical - self.today

    @property
    def step_from_previous(self) -> float:
        return 0.0 if self.previous is None else self.previous - self.today

    def is_new_weakness(self) -> bool:
        return self.drop >= self._new_weakness_drop()

    def is_severe(self) -> bool:
        return self.drop >= max(SEVERE_STRENGTH_DROP, NOISE_MULTIPLIER_SINGLE_DAY * self.baseline.noise)

    def is_progressive(self) -> bool:
        """Worse than ever this week, by a large margin, built up over days rather than in one step."""
        if self.drop < max(PROGRESSIVE_STRENGTH_DROP, NOISE_MULTIPLIER_SINGLE_DAY * self.baseline.noise):
            return False
        if len(self.recent) < 2 or self.today > min(self.recent) or not self._previous_was_weak():
            return False
        path = (self.baseline.typical, *self.recent, self.today)
        largest_step = max(earlier - later for earlier, later in pairwise(path))
        return largest_step <= LARGEST_STEP_SHARE * self.drop

    def weak_two_logs_running(self) -> bool:
        return self.is_new_weakness() and self._previous_was_weak()

    def _previous_was_weak(self) -> bool:
        """One low day on its own is the classic bad day; progression needs the day before to be low too."""
        return self.previous is not None and self.baseline.typical - self.previous >= self._new_weakness_drop()

    def _new_weakness_drop(self) -> float:
        return max(NEW_WEAKNESS_DROP, NOISE_MULTIPLIER_SINGLE_DAY * self.baseline.noise)

    def evidence(self) -> dict:
        return {
            f"strength_{self.side}": self.today,
            f"baseline_{self.side}": self.baseline.typical,
            f"noise_{self.side}": round(self.baseline.noise, 2),
            f"previous_{self.side}": self.previous,
        }


@dataclass(frozen=True, slots=True)
class SaveTimeView:
    """What the save-time rules know about today against the patient's own history."""

    patient: PatientContext
    today: DayEntry
    legs: tuple[LegChange, ...]
    new_symptoms: frozenset[str]
    numbness_rise: int
    baseline_window: tuple[str, str]

    def new_weakness(self) -> list[LegChange]:
        return [leg for leg in self.legs if leg.is_new_weakness()]

    def evidence(self, *legs: LegChange) -> dict:
        facts = {
            "date": self.today.date.isoformat(),
            "baseline_window": list(self.baseline_window),
            "new_symptoms": sorted(self.new_symptoms),
            "numbness_extent": self.today.numbness_extent,
            "numbness_rise": self.numbness_rise,
        }
        for leg in legs:
            facts.update(leg.evidence())
        return facts


def check_log(patient: PatientContext, history: Sequence[DayEntry], today: DayEntry) -> list[Finding]:
    view = _view(patient, history, today)
    checks = (_sudden_weakness, _bladder_bowel, _rapid_progression, _cord_compression, _fall)
    return [finding for check in checks if (finding := check(view)) is not None]


def _view(patient: PatientContext, history: Sequence[DayEntry], today: DayEntry) -> SaveTimeView:
    earlier = [d for d in history if today.date - timedelta(days=HISTORY_DAYS) <= d.date < today.date]
    baseline_end = today.date - timedelta(days=BASELINE_GAP_DAYS)
    baseline_days = [d for d in earlier if d.date < baseline_end]
    if len(baseline_days) < MIN_BASELINE_LOGS:
        baseline_days = earlier if len(earlier) >= MIN_EARLY_BASELINE_LOGS else []
    recent_since = today.date - timedelta(days=PROGRESSION_DAYS)
    recent_days = [d for d in earlier if d.date >= recent_since]
    previous = earlier[-1] if earlier and (today.date - earlier[-1].date).days <= PREVIOUS_LOG_MAX_AGE_DAYS else None

    legs = []
    for side in ("left", "right"):
        attribute = f"strength_{side}"
        baseline = level_of([getattr(d, attribute) for d in baseline_days])
        if baseline is not None:
            legs.append(
                LegChange(
                    side=side,
                    today=getattr(today, attribute),
                    baseline=baseline,
                    previous=None if previous is None else getattr(previous, attribute),
                    recent=tuple(getattr(d, attribute) for d in recent_days),
                )
            )
    usual_numbness = median([d.numbness_extent for d in baseline_days]) if baseline_days else 0.0
    lowest_recent_numbness = min([d.numbness_extent for d in recent_days], default=usual_numbness)
    numbness_rise = today.numbness_extent - int(min(usual_numbness, lowest_recent_numbness))
    window = (baseline_days[0].date.isoformat(), baseline_days[-1].date.isoformat()) if baseline_days else ("", "")
    return SaveTimeView(
        patient=patient,
        today=today,
        legs=tuple(legs),
        new_symptoms=frozenset(today.symptoms - background_symptoms(baseline_days)),
        numbness_rise=numbness_rise,
        baseline_window=window,
    )


def _sudden_weakness(view: SaveTimeView) -> Finding | None:
    sudden_severe = _sudden_severe_legs(view.legs)
    told_sudden = "sudden_onset" in view.today.symptoms
    stroke_signs = STROKE_SIGNS & view.today.symptoms
    weaker = view.new_weakness()
    if stroke_signs and (STROKE_SIGNS & view.new_symptoms or weaker):
        reason = "face, arm or speech signs"
    elif sudden_severe:
        reason = "a sudden severe loss of strength"
    elif told_sudden and (weaker or "balance_problems" in view.new_symptoms):
        reason = "weakness or loss of balance that came on suddenly"
    elif told_sudden:
        return Finding(
            code="sudden_weakness",
            severity=Severity.URGENT,
            evidence=view.evidence(*view.legs),
            patient_text="You said your weakness came on suddenly. That needs a doctor's look today.",
            physician_text="Patient reports sudden-onset weakness; self-rated strength within usual range.",
        )
    else:
        return None
    legs = sudden_severe or weaker or list(view.legs)
    return Finding(
        code="sudden_weakness",
        severity=Severity.EMERGENCY,
        evidence=view.evidence(*legs),
        patient_text=f"Today's entry shows {reason}. This can be a sign of a stroke or a pressed spinal cord.",
        physician_text=(
            f"Possible stroke or acute cord compression: {reason}. "
            + "; ".join(f"{leg.side} leg {leg.today}/10 (usual {leg.baseline.typical:g})" for leg in legs)
        ),
    )


def _sudden_severe_legs(legs: Sequence[LegChange]) -> list[LegChange]:
    """A severe drop since the previous log, in one leg (focal, as in a stroke) or in both legs (as in acute cord
    compression). A severe drop in one leg while the other also fell by more than half as much, but not
    severely, is the pattern of a bad day across both legs with ordinary wobble on top, not a focal loss."""
    severe = [leg for leg in legs if leg.is_severe() and leg.step_from_previous >= SUDDEN_STEP]
    if len(severe) != 1 or len(legs) < 2:
        return severe
    other = next(leg for leg in legs if leg is not severe[0])
    return severe if other.drop < FOCAL_SHARE * severe[0].drop else []


def _bladder_bowel(view: SaveTimeView) -> Finding | None:
    new_cauda_signs = CAUDA_EQUINA_SYMPTOMS & view.new_symptoms
    if not new_cauda_signs:
        return None
    with_back_or_leg = bool(BACK_OR_LEG_SYMPTOMS & view.today.symptoms) or bool(view.new_weakness())
    after_spinal_surgery = "spinal_surgery" in view.patient.history
    severity = Severity.EMERGENCY if with_back_or_leg or after_spinal_surgery else Severity.URGENT
    return Finding(
        code="bladder_bowel",
        severity=severity,
        evidence=view.evidence(*view.legs) | {"with_back_or_leg_symptoms": with_back_or_leg},
        patient_text=(
            "You logged a new change in bladder or bowel control or numbness between the legs. "
            "With back or leg symptoms this can mean pressure on the nerves at the base of the spine."
        ),
        physician_text=(
            f"New {', '.join(sorted(new_cauda_signs))}"
            + (" with back/leg symptoms" if with_back_or_leg else "")
            + (" after spinal surgery" if after_spinal_surgery else "")
            + ": possible cauda equina syndrome."
        ),
    )


def _rapid_progression(view: SaveTimeView) -> Finding | None:
    progressive = [leg for leg in view.legs if leg.is_progressive()]
    ascending = view.numbness_rise >= ASCENDING_NUMBNESS_LEVELS
    if not progressive and not ascending:
        return None
    both_legs = len(progressive) == 2
    severity = Severity.EMERGENCY if ascending and both_legs else Severity.URGENT
    parts = []
    if progressive:
        parts.append("weakness in the " + " and ".join(leg.side for leg in progressive) + " leg getting worse")
    if ascending:
        parts.append(f"numbness climbing {view.numbness_rise} levels")
    summary = " and ".join(parts)
    return Finding(
        code="rapid_progression",
        severity=severity,
        evidence=view.evidence(*(progressive or view.legs)),
        patient_text=f"Over the last few days your entries show {summary}. Changes this fast need a doctor today.",
        physician_text=(
            f"Progression over <= {PROGRESSION_DAYS} days: {summary}; "
            "consider Guillain-Barre syndrome, cord compression or other acute neuropathy."
        ),
    )


def _cord_compression(view: SaveTimeView) -> Finding | None:
    if "cancer" not in view.patient.history:
        return None
    weaker = view.new_weakness()
    persistent_weakness = [leg for leg in weaker if leg.weak_two_logs_running()]
    neurological = sorted(MSCC_NEUROLOGICAL_SYMPTOMS & view.new_symptoms)
    new_back_pain = "back_pain" in view.new_symptoms
    if new_back_pain and (weaker or neurological):
        severity, reason = Severity.EMERGENCY, "new back pain with leg weakness or nerve symptoms"
    elif "bladder_bowel_change" in neurological or "saddle_numbness" in neurological:
        severity, reason = Severity.EMERGENCY, "a new bladder, bowel or saddle numbness change"
    elif new_back_pain:
        severity, reason = Severity.URGENT, "new back pain"
    elif persistent_weakness or any(leg.is_severe() for leg in weaker):
        severity, reason = Severity.EMERGENCY, "new leg weakness"
    elif FALL in neurological or "balance_problems" in neurological:
        severity, reason = Severity.URGENT, "a new fall or walking difficulty"
    else:
        return None
    return Finding(
        code="cord_compression",
        severity=severity,
        evidence=view.evidence(*(weaker or view.legs)) | {"history": sorted(view.patient.history)},
        patient_text=(
            f"With your history of cancer, {reason} should be checked quickly, "
            "because cancer can press on the spinal cord."
        ),
        physician_text=f"Known cancer with {reason}: possible metastatic spinal cord compression (NICE CG75/NG234).",
    )


def _fall(view: SaveTimeView) -> Finding | None:
    if FALL not in view.today.symptoms:
        return None
    weaker = view.new_weakness()
    severity = Severity.URGENT if weaker else Severity.SOON
    return Finding(
        code="fall",
        severity=severity,
        evidence=view.evidence(*(weaker or view.legs)),
        patient_text=(
            "You logged a fall"
            + (" on a day your leg strength was lower than usual." if weaker else ".")
            + " A doctor should look at why it happened."
        ),
        physician_text="Fall reported" + (" with new leg weakness." if weaker else "; falls assessment advised."),
    )
