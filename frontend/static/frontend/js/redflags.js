// The save-time red-flag check, ported from tracker/rules/red_flags.py (with the parts of baseline.py,
// clinical.py, advice.py and realert.most_urgent it uses) so the phone can warn at once, even offline.
// The server's triage stays authoritative: tests/frontend/browser/test_redflags_parity.py runs both on the
// same diaries, so any change there must be made here too. Sources for each number are in clinical.py.

const SEVERE_STRENGTH_DROP = 4;
const SEVERELY_WEAK = 3;
const FOCAL_DROP = 3;
const FOCAL_SHARE = 0.5;
const SUDDEN_SHARE = 0.6;
const NEW_WEAKNESS_DROP = 2;
const PROGRESSIVE_STRENGTH_DROP = 3;
const PROGRESSION_DAYS = 7;
const ASCENDING_NUMBNESS_LEVELS = 2;
const LARGEST_STEP_SHARE = 0.7;
const ILLNESS_FATIGUE_RISE = 2;
const PERSISTENT_BACK_PAIN_DAYS = 7;
const PERSISTENT_BACK_PAIN_SHARE = 0.6;
const BACKGROUND_SYMPTOM_SHARE = 0.1;
const BACKGROUND_SYMPTOM_MIN_DAYS = 3;
const MSCC_NEUROLOGICAL_SYMPTOMS = new Set([
  "numbness", "tingling", "balance_problems", "fall", "bladder_bowel_change", "saddle_numbness", "heaviness",
]);
const CAUDA_EQUINA_SYMPTOMS = new Set(["bladder_bowel_change", "saddle_numbness"]);
const BACK_OR_LEG_SYMPTOMS = new Set(["back_pain", "numbness", "tingling", "heaviness", "balance_problems"]);
const NERVE_SYMPTOMS = new Set(["numbness", "tingling", "balance_problems", "bladder_bowel_change", "saddle_numbness"]);
const STROKE_SIGNS = new Set(["face_arm_speech", "vision_loss"]);
// tracker/rules/budget.py: the thresholds its false-alarm budget gives (NormalDist().inv_cdf of each share).
const Z_FOCAL_DROP = 3.9346058615604633;
const Z_SEVERE_FOCAL_DROP = 2.5;
const Z_PERSISTENT_WEAKNESS = 4.055626981121907;
const CORROBORATION_WEIGHT = 0.5;
const CORROBORATION_CAP = 3;
const USUAL_WALKING_SD = 0.5;

const HISTORY_DAYS = 90;
const BASELINE_GAP_DAYS = 7;
const MIN_BASELINE_LOGS = 10;
const MIN_EARLY_BASELINE_LOGS = 7;
const FIRST_LOGS_FOR_ONE_LEFT_OUT = 3;
const PREVIOUS_LOG_MAX_AGE_DAYS = 7;

const MAD_TO_SD = 1.4826;
const MEAN_ABS_TO_SD = 1.2533;
const NOISE_FLOOR = 0.5;
const DEVIATION_CAP = 3;
const PERSISTENCE_PRIOR = 0.4;
const PERSISTENCE_PRIOR_PAIRS = 10;
const PERSISTENCE_FLOOR = 0.3;
const PERSISTENCE_CEILING = 0.9;

export const SEVERITY_RANK = { info: 0, soon: 1, urgent: 2, emergency: 3 };

const dayNumber = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;
const intersects = (set, values) => [...values].some((v) => set.has(v));
const clip = (value, low, high) => Math.max(low, Math.min(high, value));
const sum = (values) => values.reduce((a, b) => a + b, 0);

function median(values) {
  const ordered = [...values].sort((a, b) => a - b);
  const mid = Math.floor(ordered.length / 2);
  return ordered.length % 2 ? ordered[mid] : (ordered[mid - 1] + ordered[mid]) / 2;
}

function interquartileMean(values) {
  const ordered = [...values].sort((a, b) => a - b);
  const quarter = Math.floor(ordered.length / 4);
  const middle = ordered.slice(quarter, ordered.length - quarter);
  return sum(middle) / middle.length;
}

function ar1Factor(rho, count) {
  return 1 + 2 * (rho / (1 - rho) - (rho * (1 - rho ** count)) / (count * (1 - rho) ** 2));
}

// A lasting spell (AR(1), decaying at `decay`) seen through independent answer error: baseline.py.
function meanVarianceFactor(rho, count, decay = null) {
  if (count <= 1 || rho <= 0) return 1;
  if (decay === null || decay <= rho) return ar1Factor(rho, count);
  return 1 + (rho / decay) * (ar1Factor(decay, count) - 1);
}

function normalEquivalent(t, degreesOfFreedom) {
  const df = Math.max(degreesOfFreedom, 2);
  const z = (Math.sqrt(df * Math.log1p((t * t) / df)) * (8 * df + 1)) / (8 * df + 3);
  return t < 0 ? -z : z;
}

// The recent mean's distance from the usual level in standard errors, persistence counted, on the normal scale
// (baseline.change_z).
function changeZ(level, recent) {
  const variance =
    level.noise ** 2 * (meanVarianceFactor(level.persistence, recent.length, level.decay) / recent.length +
      1 / level.effectiveCount);
  return normalEquivalent((sum(recent) / recent.length - level.typical) / Math.sqrt(variance), level.effectiveCount - 1);
}

// Lag-1 and lag-2 autocorrelations of consecutive logs (capped deviations from the centre): baseline.py.
function autocorrelations(values, centre, cap) {
  const deviations = values.map((v) => clip(v - centre, -cap, cap));
  const n = deviations.length;
  const spread = sum(deviations.map((d) => d * d));
  if (!spread) return [0, 0];
  let lag1 = 0;
  let lag2 = 0;
  for (let i = 1; i < n; i++) lag1 += deviations[i - 1] * deviations[i];
  for (let i = 2; i < n; i++) lag2 += deviations[i - 2] * deviations[i];
  return [n > 1 ? ((lag1 / spread) * n) / (n - 1) : 0, n > 2 ? ((lag2 / spread) * n) / (n - 2) : 0];
}

// The small-sample bias of a lag-1 autocorrelation measured around the values' own centre (Kendall 1954).
const unbiasedLag1 = (lag1, count) => (count > 1 ? lag1 + (1 + 3 * lag1) / count : lag1);

function persistenceOf(lag1, count, floor) {
  const pairs = count - 1;
  const priorPairs = floor > 0 ? PERSISTENCE_PRIOR_PAIRS : 0;
  const shrunk = (pairs * lag1 + priorPairs * PERSISTENCE_PRIOR) / Math.max(1, pairs + priorPairs);
  return Math.min(PERSISTENCE_CEILING, Math.max(floor, shrunk));
}

function decayOf(lag1, lag2, count, persistence) {
  if (count < 4 || lag1 <= persistence / 2 || lag2 <= 0) return persistence;
  const observed = Math.min(PERSISTENCE_CEILING, lag2 / lag1);
  const shrunk =
    ((count - 2) * observed + PERSISTENCE_PRIOR_PAIRS * persistence) / (count - 2 + PERSISTENCE_PRIOR_PAIRS);
  return Math.min(PERSISTENCE_CEILING, Math.max(persistence, shrunk));
}

function levelOf(values, noiseFloor = NOISE_FLOOR, persistenceFloor = PERSISTENCE_FLOOR, lastingSpells = false) {
  if (!values.length) return null;
  const centre = median(values);
  const deviations = values.map((v) => Math.abs(v - centre)).sort((a, b) => a - b);
  const madSd = MAD_TO_SD * median(deviations);
  const central = deviations.slice(0, Math.max(1, Math.floor(deviations.length * 0.9)));
  const firstScale = Math.max(madSd, (MEAN_ABS_TO_SD * sum(central)) / central.length, noiseFloor);
  const cap = DEVIATION_CAP * firstScale;
  const cappedRms = Math.sqrt(deviations.reduce((total, d) => total + Math.min(d, cap) ** 2, 0) / deviations.length);
  const n = values.length;
  const [lag1, lag2] = autocorrelations(values, centre, cap);
  // Corrected for its small-sample bias only where lasting spells set the variance of a mean (as in baseline.py).
  const persistence = persistenceOf(lastingSpells ? unbiasedLag1(lag1, n) : lag1, n, persistenceFloor);
  const decay = lastingSpells && persistence > 0 ? decayOf(lag1, lag2, n, persistence) : null;
  const seenShare = Math.max(0.5, 1 - meanVarianceFactor(persistence, n, decay) / n);
  const noise = Math.max(cappedRms / Math.sqrt(seenShare), noiseFloor);
  return {
    typical: interquartileMean(values),
    noise,
    count: n,
    persistence,
    decay,
    effectiveCount: n / meanVarianceFactor(persistence, n, decay),
  };
}

const nearestWhole = (value) => Math.floor(value + 0.5);
const halfwayBelow = (usual, drop) => nearestWhole(usual - drop) + 0.5;

function backgroundSymptoms(days) {
  const counts = new Map();
  for (const day of days) for (const s of day.symptoms) counts.set(s, (counts.get(s) || 0) + 1);
  const usual = new Set();
  for (const [symptom, count] of counts) {
    if (count >= BACKGROUND_SYMPTOM_MIN_DAYS && count >= BACKGROUND_SYMPTOM_SHARE * days.length) usual.add(symptom);
  }
  return usual;
}

class LegChange {
  constructor(side, today, baseline, previous, recent) {
    Object.assign(this, { side, today, baseline, previous, recent });
  }
  get drop() { return this.baseline.typical - this.today; }
  get stepFromPrevious() { return this.previous === null ? 0 : this.previous - this.today; }
  isBelow(value, drop) { return value < halfwayBelow(this.baseline.typical, drop); }
  isNewWeakness(noiseSds = 2) {
    return this.isBelow(this.today, NEW_WEAKNESS_DROP) && this.drop >= noiseSds * this.baseline.noise;
  }
  isSevere() { return this.isBelow(this.today, SEVERE_STRENGTH_DROP) && this.drop >= 3 * this.baseline.noise; }
  fellToSeverelyWeak() { return this.today <= SEVERELY_WEAK && this.isBelow(this.today, SEVERE_STRENGTH_DROP); }
  collapsedSincePrevious() {
    return this.today <= SEVERELY_WEAK && this.stepFromPrevious >= FOCAL_DROP && this.isNewWeakness();
  }
  isSudden() {
    return this.previous === null || this.stepFromPrevious >= nearestWhole(SUDDEN_SHARE * this.drop);
  }
}

function saveTimeView(patient, history, today) {
  const todayN = dayNumber(today.date);
  const earlier = history
    .filter((d) => todayN - HISTORY_DAYS <= dayNumber(d.date) && dayNumber(d.date) < todayN)
    .sort((a, b) => dayNumber(a.date) - dayNumber(b.date));
  let baselineDays = earlier.filter((d) => dayNumber(d.date) < todayN - BASELINE_GAP_DAYS);
  if (baselineDays.length < MIN_BASELINE_LOGS) baselineDays = earlier.length >= MIN_EARLY_BASELINE_LOGS ? earlier : [];
  const recentDays = earlier.filter((d) => dayNumber(d.date) >= todayN - PROGRESSION_DAYS);
  const last = earlier[earlier.length - 1];
  const previous = last && todayN - dayNumber(last.date) <= PREVIOUS_LOG_MAX_AGE_DAYS ? last : null;

  const legs = [];
  for (const side of ["left", "right"]) {
    const key = `strength_${side}`;
    const baseline = levelOf(baselineDays.map((d) => d[key]), NOISE_FLOOR, PERSISTENCE_FLOOR, true);
    if (baseline !== null) {
      legs.push(new LegChange(side, today[key], baseline, previous && previous[key], recentDays.map((d) => d[key])));
    }
  }
  const differences = baselineDays.map((d) => d.strength_left - d.strength_right);
  const difference = levelOf(differences);
  // The widest gap on an ordinary day, the single widest left out (one odd day must not hide a stroke).
  const gaps = difference ? differences.map((x) => Math.abs(x - difference.typical)).sort((a, b) => a - b) : [0];
  const usualLargestGap = gaps.length >= 2 ? gaps[gaps.length - 2] : gaps[gaps.length - 1];
  const loggedSteps = baselineDays.filter((d) => d.steps != null).map((d) => Math.log(d.steps + 1));
  // Without a usual level yet, a climb starts from the least numbness logged so far (a first log shows none).
  const usualNumbness = baselineDays.length
    ? median(baselineDays.map((d) => d.numbness_extent))
    : earlier.length
      ? Math.min(...earlier.map((d) => d.numbness_extent))
      : today.numbness_extent;
  const lowestRecent = recentDays.length ? Math.min(...recentDays.map((d) => d.numbness_extent)) : usualNumbness;
  const floorNumbness = Math.trunc(Math.min(usualNumbness, lowestRecent));
  const background = backgroundSymptoms(baselineDays);
  const symptoms = new Set(today.symptoms);
  return {
    patient: { history: new Set(patient.history) },
    today,
    symptoms,
    legs,
    difference,
    // The usual gap with its lasting spells counted, for means over several logs: worked out only when asked.
    get lastingDifference() {
      return difference ? levelOf(differences, NOISE_FLOOR, PERSISTENCE_FLOOR, true) : null;
    },
    steps: loggedSteps.length >= 7 ? levelOf(loggedSteps, 0.1, 0) : null,
    fatigue: levelOf(baselineDays.map((d) => d.fatigue)),
    usualLargestGap,
    recentDays,
    previous,
    hasBaseline: legs.length > 0,
    newSymptoms: new Set([...symptoms].filter((s) => !background.has(s))),
    newSincePrevious: new Set(
      [...symptoms, ...(previous ? previous.symptoms : [])].filter((s) => !background.has(s)),
    ),
    numbnessRise: today.numbness_extent - floorNumbness,
    previousNumbnessRise: previous ? previous.numbness_extent - floorNumbness : 0,
    // The logs so far while there are too few for a usual level (the first week): a leg can still fall below them.
    firstDays: baselineDays.length ? [] : earlier,
    // How far a leg fell below the level it held on the logs so far: their lowest value, or from three logs on
    // their second lowest (one odd low log must not hide a stroke); 0 with no such logs.
    fallBelowFirstLogs(side) {
      if (!this.firstDays.length) return 0;
      const values = this.firstDays.map((d) => d[`strength_${side}`]).sort((a, b) => a - b);
      const floor = values.length >= FIRST_LOGS_FOR_ONE_LEFT_OUT ? values[1] : values[0];
      return Math.max(0, floor - this.today[`strength_${side}`]);
    },
    // Legs 2 points or more below the first logs' level: new weakness without a usual level, beside a sudden onset.
    weakerThanFirstLogs() {
      return ["left", "right"].filter((side) => this.fallBelowFirstLogs(side) >= NEW_WEAKNESS_DROP);
    },
    // Legs fallen 4 points or more below the first logs' level.
    fallenBelowFirstLogs() {
      return ["left", "right"].filter((side) => this.fallBelowFirstLogs(side) >= SEVERE_STRENGTH_DROP);
    },
    newWeakness() { return this.legs.filter((leg) => leg.isNewWeakness()); },
    severelyWeakSides() {
      return ["left", "right"].filter((side) => this.today[`strength_${side}`] <= SEVERELY_WEAK);
    },
    newNerveSigns() { return intersects(NERVE_SYMPTOMS, this.newSymptoms) || this.numbnessRise >= 1; },
  };
}

function focalZ(view, leg) {
  const difference = view.today.strength_left - view.today.strength_right;
  let expected = view.difference.typical;
  let carried = 0;
  if (view.previous !== null) {
    carried = view.difference.persistence ** (dayNumber(view.today.date) - dayNumber(view.previous.date));
    expected += carried * (view.previous.strength_left - view.previous.strength_right - view.difference.typical);
  }
  const moved = (expected - difference) * (leg.side === "left" ? 1 : -1);
  const spread = view.difference.noise * Math.sqrt(1 - carried ** 2 + 1 / view.difference.effectiveCount);
  return normalEquivalent(moved / spread, view.difference.effectiveCount - 1);
}

// How many of the person's standard deviations today's steps sit below their usual (log scale), or null.
function stepsBelowUsual(view) {
  if (view.steps === null || view.today.steps == null) return null;
  return (view.steps.typical - Math.log(view.today.steps + 1)) / view.steps.noise;
}

function corroboration(view) {
  let score = 0;
  const stepsLow = stepsBelowUsual(view);
  if (stepsLow !== null) {
    score += CORROBORATION_WEIGHT * clip(stepsLow, -CORROBORATION_CAP, CORROBORATION_CAP);
  }
  if (view.fatigue !== null && view.today.fatigue != null) {
    const tired = (view.today.fatigue - view.fatigue.typical) / view.fatigue.noise;
    score -= CORROBORATION_WEIGHT * clip(tired, 0, CORROBORATION_CAP);
  }
  return score;
}

function focalDrop(view) {
  if (view.legs.length < 2 || view.difference === null) return null;
  for (const leg of view.legs) {
    const other = view.legs.find((o) => o !== leg);
    if (!(leg.isSudden() && (leg.isBelow(leg.today, FOCAL_DROP) || leg.collapsedSincePrevious()))) continue;
    if (other.drop >= FOCAL_SHARE * leg.drop || leg.drop - other.drop <= view.usualLargestGap) continue;
    const z = focalZ(view, leg);
    const severe = leg.isSevere() || leg.fellToSeverelyWeak();
    if (z + corroboration(view) >= Z_FOCAL_DROP || (severe && z >= Z_SEVERE_FOCAL_DROP)) return leg;
  }
  return null;
}

// One leg severely weak on today's log and the fresh log or logs before it this week, the other leg not newly
// weak, the gap between the legs beyond the person's everyday wobble (red_flags._severe_one_sided_weakness_that_stayed).
function severeOneSidedWeaknessThatStayed(view) {
  // Most saves have no severely weak leg: stop before the week is read.
  const severe = view.legs.filter((leg) => leg.isSevere());
  if (!severe.length || view.difference === null || view.legs.length < 2 || legsCopiedOnAnOrdinaryDay(view)) {
    return null;
  }
  const entries = [...freshEntries(view.recentDays), view.today];
  for (const leg of severe) {
    const other = view.legs.find((o) => o !== leg);
    const differences = [];
    let signs = false;
    let arrived = false;
    for (const day of [...entries].reverse()) {
      if (!leg.isBelow(day[`strength_${leg.side}`], SEVERE_STRENGTH_DROP)) {
        arrived = true;
        break;
      }
      if (other.isBelow(day[`strength_${other.side}`], NEW_WEAKNESS_DROP)) break;
      differences.push(day.strength_left - day.strength_right);
      signs = signs || intersects(STROKE_SIGNS, day.symptoms);
    }
    // New this week (a leg severely weak all week was told about when it fell); face, arm, speech or eyesight signs
    // in the run made it an emergency on their day.
    if (differences.length < 2 || signs || !arrived) continue;
    // Left minus right rises as the right leg weakens and falls as the left does.
    const direction = leg.side === "right" ? 1 : -1;
    if (direction * changeZ(view.lastingDifference, differences) >= Z_SEVERE_FOCAL_DROP) return leg;
  }
  return null;
}

function suddenSevereBothLegs(view) {
  const severe = view.legs.filter((leg) => leg.isSevere() && leg.isSudden());
  if (severe.length < 2 || intersects(CAUDA_EQUINA_SYMPTOMS, view.newSymptoms)) return [];
  return view.severelyWeakSides().length === 2 || view.newNerveSigns() ? severe : [];
}

// The stroke and cord-compression patterns before a usual level exists (red_flags._fall_in_first_logs).
function fallInFirstLogs(view) {
  const fallen = view.fallenBelowFirstLogs();
  if (fallen.length === 1) {
    const other = fallen[0] === "left" ? "right" : "left";
    if (view.fallBelowFirstLogs(other) < FOCAL_SHARE * view.fallBelowFirstLogs(fallen[0])) return fallen;
  } else if (fallen.length === 2 && !intersects(CAUDA_EQUINA_SYMPTOMS, view.newSymptoms)) {
    if (view.severelyWeakSides().length === 2 || view.newNerveSigns()) return fallen;
  }
  return [];
}

// The phone counted an ordinary day's walking (no lower than USUAL_WALKING_SD below the usual, log scale).
function walkedAsUsual(view) {
  const stepsLow = stepsBelowUsual(view);
  return stepsLow !== null && stepsLow <= USUAL_WALKING_SD;
}

function suddenWeakness(view) {
  const toldSudden = view.symptoms.has("sudden_onset");
  const weaker = view.newWeakness();
  const focal = focalDrop(view);
  const bilateral = suddenSevereBothLegs(view);
  const firstLogsFall = fallInFirstLogs(view);
  let reason, stayed;
  if (
    intersects(STROKE_SIGNS, view.symptoms) &&
    (intersects(STROKE_SIGNS, view.newSymptoms) || weaker.length || !view.hasBaseline)
  ) {
    reason = "face, arm, speech or eyesight signs";
  } else if (focal) {
    reason = `a sudden loss of strength in the ${focal.side} leg only`;
  } else if (bilateral.length && walkedAsUsual(view) && !(toldSudden || view.newNerveSigns())) {
    return {
      code: "sudden_weakness",
      severity: "urgent",
      patient_text:
        "You rated both legs much weaker than usual, yet your step count today looks like an ordinary day. " +
        "If your legs really are this weak, a doctor should see you today.",
    };
  } else if (bilateral.length) {
    reason = "a sudden severe loss of strength in both legs";
  } else if (firstLogsFall.length) {
    reason =
      firstLogsFall.length === 1
        ? `a sudden loss of strength in the ${firstLogsFall[0]} leg only`
        : "a sudden severe loss of strength in both legs";
  } else if (view.newSymptoms.has("balance_problems") && weaker.length === 1) {
    reason = "a sudden loss of balance with one leg weaker";
  } else if (
    toldSudden &&
    (weaker.length ||
      view.severelyWeakSides().length ||
      view.weakerThanFirstLogs().length ||
      view.newSymptoms.has("balance_problems"))
  ) {
    reason = "weakness or loss of balance that came on suddenly";
  } else if ((stayed = severeOneSidedWeaknessThatStayed(view))) {
    return {
      code: "sudden_weakness",
      severity: "urgent",
      patient_text:
        `Your ${stayed.side} leg has been much weaker than usual on your last entries, and your other leg ` +
        "has not. A leg that has become this weak needs a doctor to see you today. If the weakness came on " +
        "suddenly, or your face, arm or speech is affected, call the emergency number now.",
    };
  } else if (acuteBothLegs(view)) {
    return {
      code: "sudden_weakness",
      severity: "urgent",
      patient_text:
        "Your entry shows both legs much weaker than usual. Weakness of both legs that comes on quickly " +
        "needs a doctor to see you today. If it came on suddenly or is getting worse, call the emergency " +
        "number.",
    };
  } else if (toldSudden) {
    return {
      code: "sudden_weakness",
      severity: "urgent",
      patient_text: "You said your weakness came on suddenly. That needs a doctor's look today.",
    };
  } else {
    return null;
  }
  return {
    code: "sudden_weakness",
    severity: "emergency",
    patient_text: `Your entry shows ${reason}. This can be a sign of a stroke or a pressed spinal cord.`,
  };
}

function bladderBowel(view) {
  if (!intersects(CAUDA_EQUINA_SYMPTOMS, view.newSymptoms)) return null;
  const withBackOrLeg =
    intersects(BACK_OR_LEG_SYMPTOMS, view.symptoms) || view.newWeakness().length > 0 || view.severelyWeakSides().length > 0;
  const afterSpinalSurgery = view.patient.history.has("spinal_surgery");
  return {
    code: "bladder_bowel",
    severity: withBackOrLeg || afterSpinalSurgery ? "emergency" : "urgent",
    patient_text:
      "You logged a change in bladder or bowel control or numbness between the legs. " +
      "With back or leg symptoms this can mean pressure on the nerves at the base of the spine.",
  };
}

function isIllnessLike(view) {
  const bothDown = view.newWeakness().length === 2;
  const tired = view.fatigue !== null && view.today.fatigue >= view.fatigue.typical + ILLNESS_FATIGUE_RISE;
  const aching = view.symptoms.has("joint_pain");
  return bothDown && (tired || aching) && !view.newNerveSigns();
}

// The entries that do not repeat the one before them exactly: a copied day adds no information.
function freshEntries(days) {
  const fresh = [];
  let before = null;
  for (const day of days) {
    const answers = JSON.stringify([
      day.strength_left, day.strength_right, day.fatigue, day.numbness_extent, [...day.symptoms].sort(),
    ]);
    if (answers !== before) fresh.push(day);
    before = answers;
  }
  return fresh;
}

// This week's values of one leg, today's included, leaving out entries that repeat the one before them exactly
// (today's too: an entry copied from the day before is no second log).
function freshValues(view, side) {
  return freshEntries([...view.recentDays, view.today]).map((day) => day[`strength_${side}`]);
}

function progressiveLegs(view) {
  const progressive = [];
  for (const leg of persistentWeakness(view)) {
    if (!leg.isBelow(leg.today, PROGRESSIVE_STRENGTH_DROP) || leg.drop < 3 * leg.baseline.noise) continue;
    if (!leg.recent.length || leg.today > Math.min(...leg.recent)) continue;
    const weak = freshValues(view, leg.side).filter((v) => leg.isBelow(v, NEW_WEAKNESS_DROP));
    if (weak.length < (view.newNerveSigns() ? 2 : 3)) continue;
    const path = [leg.baseline.typical, ...leg.recent, leg.today];
    let largestStep = -Infinity;
    for (let i = 1; i < path.length; i++) largestStep = Math.max(largestStep, path[i - 1] - path[i]);
    if (largestStep <= LARGEST_STEP_SHARE * leg.drop) progressive.push(leg);
  }
  return progressive;
}

function rapidProgression(view) {
  if (isIllnessLike(view)) return null;
  const progressive = progressiveLegs(view);
  const ascending =
    view.numbnessRise >= ASCENDING_NUMBNESS_LEVELS && (view.previousNumbnessRise >= 1 || view.newWeakness().length > 0);
  if (!progressive.length && !ascending) return null;
  const parts = [];
  if (progressive.length) {
    parts.push(`weakness in the ${progressive.map((leg) => leg.side).join(" and ")} leg getting worse`);
  }
  if (ascending) parts.push(`numbness climbing ${view.numbnessRise} levels`);
  return {
    code: "rapid_progression",
    severity: ascending && progressive.length === 2 ? "emergency" : "urgent",
    patient_text: `Over the last few days your entries show ${parts.join(" and ")}. Changes this fast need a doctor today.`,
  };
}

function persistentWeakness(view) {
  const lasting = [];
  for (const leg of view.newWeakness()) {
    const values = freshValues(view, leg.side);
    const weak = values.filter((v) => leg.isBelow(v, NEW_WEAKNESS_DROP));
    if (weak.length < 2 || weak.length * 3 < values.length * 2) continue;
    const mean = sum(values) / values.length;
    const factor = meanVarianceFactor(leg.baseline.persistence, values.length, leg.baseline.decay);
    const standardError = leg.baseline.noise * Math.sqrt(factor / values.length + 1 / leg.baseline.effectiveCount);
    if ((leg.baseline.typical - mean) / standardError >= Z_PERSISTENT_WEAKNESS) lasting.push(leg);
  }
  return lasting;
}

function backPainMostDays(view) {
  const days = [...view.recentDays, view.today];
  const withPain = days.filter((d) => d.symptoms.includes("back_pain")).map((d) => dayNumber(d.date));
  if (withPain.length < 2 || withPain[withPain.length - 1] - withPain[0] + 1 < PERSISTENT_BACK_PAIN_DAYS - 1) {
    return false;
  }
  return withPain.length >= PERSISTENT_BACK_PAIN_SHARE * days.length && withPain.length >= 4;
}

// With cancer, both legs newly weaker by 3 points or more on one day (in the first week, 3 points below the first
// logs), or newly weaker and both at 3/10 or less, is urgent at once (red_flags.py).
const BOTH_LEGS_MUCH_WEAKER_DROP = 3;

function bothLegsMuchWeaker(view) {
  if (!view.hasBaseline) {
    return ["left", "right"].every((side) => view.fallBelowFirstLogs(side) >= BOTH_LEGS_MUCH_WEAKER_DROP);
  }
  const legs = view.newWeakness();
  return (
    legs.length === 2 &&
    (legs.every((leg) => leg.isBelow(leg.today, BOTH_LEGS_MUCH_WEAKER_DROP)) ||
      view.severelyWeakSides().length === 2) &&
    !isIllnessLike(view)
  );
}

// Without known cancer, both legs much weaker than usual, backed by new back pain or nerve signs or by the previous
// log as weak (red_flags.py, _acute_both_legs).
function acuteBothLegs(view) {
  if (view.patient.history.has("cancer") || !view.hasBaseline || intersects(CAUDA_EQUINA_SYMPTOMS, view.newSymptoms)) {
    return false;
  }
  // Acute: each leg was above the cut-off on some log this week (a slow decline is the trend rules' finding).
  const arrivedThisWeek = view.legs.every(
    (leg) => !leg.recent.length || leg.recent.some((value) => !leg.isBelow(value, BOTH_LEGS_MUCH_WEAKER_DROP)),
  );
  // Weakness building over days or numbness climbing is rapidProgression's finding, with advice that names it.
  if (!arrivedThisWeek || !bothLegsMuchWeaker(view) || rapidProgression(view) !== null) return false;
  return view.newSymptoms.has("back_pain") || view.newNerveSigns() || previousEntryAsWeak(view);
}

// Both legs as weak on the previous log too, unless today's legs are that log's answers again on a day of ordinary
// walking: a copied answer is not a second weak day (red_flags.py, _previous_entry_as_weak).
function previousEntryAsWeak(view) {
  const weakBefore = view.legs.every(
    (leg) => leg.previous !== null && leg.isBelow(leg.previous, BOTH_LEGS_MUCH_WEAKER_DROP),
  );
  return weakBefore && !legsCopiedOnAnOrdinaryDay(view);
}

// Today's legs are the previous log's answers again on a day of ordinary walking (red_flags.py).
function legsCopiedOnAnOrdinaryDay(view) {
  return view.previous !== null && view.legs.every((leg) => leg.today === leg.previous) && walkedAsUsual(view);
}

// With cancer, new back pain is evidence too: a leg that fell with it is judged at 1.5 SDs (red_flags.py).
const WEAKNESS_SDS_WITH_NEW_BACK_PAIN = 1.5;

function cordCompression(view) {
  if (!view.patient.history.has("cancer")) return null;
  const severeWeaker = view.newWeakness().filter((leg) => leg.isSevere());
  const severe = severeWeaker.length ? severeWeaker : view.hasBaseline ? [] : view.severelyWeakSides();
  const lasting = persistentWeakness(view);
  const neurological = new Set([...view.newSymptoms].filter((s) => MSCC_NEUROLOGICAL_SYMPTOMS.has(s)));
  const newBackPain = view.newSymptoms.has("back_pain");
  let severity;
  let reason;
  if (intersects(CAUDA_EQUINA_SYMPTOMS, neurological)) {
    [severity, reason] = ["emergency", "a new bladder, bowel or saddle numbness change"];
  } else if (severe.length && (newBackPain || neurological.size || lasting.length)) {
    const basis = newBackPain ? "with new back pain" : neurological.size ? "with new nerve symptoms" : "that has lasted";
    [severity, reason] = ["emergency", `severe new leg weakness ${basis}`];
  } else if (
    newBackPain &&
    (view.legs.some((leg) => leg.isNewWeakness(WEAKNESS_SDS_WITH_NEW_BACK_PAIN)) ||
      view.weakerThanFirstLogs().length ||
      neurological.size ||
      view.numbnessRise >= 1)
  ) {
    [severity, reason] = ["urgent", "new back pain with leg weakness or nerve symptoms"];
  } else if (intersects(MSCC_NEUROLOGICAL_SYMPTOMS, view.newSincePrevious) && view.newWeakness().length) {
    [severity, reason] = ["urgent", "new leg weakness with new heaviness, numbness or other nerve symptoms"];
  } else if (lasting.length) {
    [severity, reason] = ["urgent", "new leg weakness that has lasted"];
  } else if (bothLegsMuchWeaker(view)) {
    const than = view.hasBaseline ? "usual" : "on your first entries";
    [severity, reason] = ["urgent", `both legs much weaker than ${than}`];
  } else if (neurological.has("fall") || neurological.has("balance_problems")) {
    [severity, reason] = ["urgent", "a new fall or walking difficulty"];
  } else if (newBackPain && backPainMostDays(view)) {
    [severity, reason] = ["soon", "back pain on most days for a week"];
  } else {
    return null;
  }
  return {
    code: "cord_compression",
    severity,
    patient_text:
      `With your history of cancer, ${reason} should be checked ${severity === "soon" ? "within the week" : "quickly"}, ` +
      "because cancer can press on the spinal cord.",
  };
}

function fall(view) {
  if (!view.symptoms.has("fall")) return null;
  const weaker = view.newWeakness().length > 0;
  return {
    code: "fall",
    severity: weaker ? "urgent" : "soon",
    patient_text:
      "You logged a fall" +
      (weaker ? " on a day your leg strength was lower than usual." : ".") +
      " A doctor should look at why it happened.",
  };
}

// patient: {history: [...]}; history: earlier days; today: {date, strength_left, strength_right, fatigue, steps,
// numbness_extent, symptoms}. Dates are the patient's local dates as YYYY-MM-DD.
export function checkLog(patient, history, today) {
  const view = saveTimeView(patient, history, today);
  // The first of equal severity leads (red_flags._checks_in_order): a new bladder, bowel or saddle change without
  // face, arm, speech or eyesight signs is the cauda equina picture, even with one leg weaker.
  const caudaPicture =
    intersects(CAUDA_EQUINA_SYMPTOMS, view.newSymptoms) && !intersects(STROKE_SIGNS, view.symptoms);
  const checks = caudaPicture
    ? [cordCompression, bladderBowel, suddenWeakness, rapidProgression, fall]
    : [suddenWeakness, cordCompression, bladderBowel, rapidProgression, fall];
  return checks
    .map((check) => check(view))
    .filter((finding) => finding !== null);
}

export function mostUrgent(findings) {
  let top = null;
  for (const finding of findings) {
    if (top === null || SEVERITY_RANK[finding.severity] > SEVERITY_RANK[top.severity]) top = finding;
  }
  return top;
}

const WHAT_IT_IS_ABOUT = {
  sudden_weakness: "sudden weakness",
  bladder_bowel: "the change in bladder, bowel or saddle feeling",
  cord_compression: "these symptoms, given your history of cancer",
  rapid_progression: "symptoms that are getting worse over days",
  fall: "your fall",
};

export function advice(code, severity, emergencyNumber) {
  const about = WHAT_IT_IS_ABOUT[code] || "this change";
  if (severity === "emergency") {
    return (
      `Call ${emergencyNumber} now and say what you noticed and when it started. ` +
      "Do not drive yourself, and do not wait to see if it passes. " +
      "If someone is with you, ask them to stay with you."
    );
  }
  if (severity === "urgent") {
    return (
      `Please see a doctor today about ${about}: call your GP or specialist team now, or go to urgent care. ` +
      `If it gets worse or you cannot get help today, call ${emergencyNumber}.`
    );
  }
  if (severity === "soon") {
    return (
      `Please book an appointment with your doctor in the next week or two to talk about ${about}. ` +
      `If things change quickly, or you cannot move a leg, call ${emergencyNumber}.`
    );
  }
  return (
    `Nothing to do right now. It may help to mention ${about} at your next appointment, ` +
    "and you can read more in the Learn section."
  );
}

// What the phone shows at once: the most urgent finding, as the server's `triage` object looks.
export function triage(inputs, today) {
  const top = mostUrgent(checkLog(inputs.patient, inputs.history, today));
  if (top === null) return null;
  return {
    severity: top.severity,
    code: top.code,
    patient_text: top.patient_text,
    advice: advice(top.code, top.severity, inputs.emergency_number),
    emergency_number: inputs.emergency_number,
  };
}
