// The save-time red-flag check, ported from tracker/rules/red_flags.py (with the parts of baseline.py,
// clinical.py, advice.py and realert.most_urgent it uses) so the phone can warn at once, even offline.
// The server's triage stays authoritative: tests/frontend/browser/test_redflags_parity.py runs both on the
// same diaries, so any change there must be made here too. Sources for each number are in clinical.py.

const SEVERE_STRENGTH_DROP = 4;
const SUDDEN_STEP = 3;
const FOCAL_SHARE = 0.5;
const NEW_WEAKNESS_DROP = 2;
const PROGRESSIVE_STRENGTH_DROP = 3;
const PROGRESSION_DAYS = 7;
const ASCENDING_NUMBNESS_LEVELS = 2;
const LARGEST_STEP_SHARE = 0.7;
const NOISE_MULTIPLIER_SINGLE_DAY = 3;
const BACKGROUND_SYMPTOM_SHARE = 0.1;
const BACKGROUND_SYMPTOM_MIN_DAYS = 3;
const MSCC_NEUROLOGICAL_SYMPTOMS = new Set([
  "numbness", "tingling", "balance_problems", "fall", "bladder_bowel_change", "saddle_numbness", "heaviness",
]);
const CAUDA_EQUINA_SYMPTOMS = new Set(["bladder_bowel_change", "saddle_numbness"]);
const BACK_OR_LEG_SYMPTOMS = new Set(["back_pain", "numbness", "tingling", "heaviness", "balance_problems"]);
const STROKE_SIGNS = new Set(["face_arm_speech", "vision_loss"]);

const HISTORY_DAYS = 90;
const BASELINE_GAP_DAYS = 7;
const MIN_BASELINE_LOGS = 10;
const MIN_EARLY_BASELINE_LOGS = 7;
const PREVIOUS_LOG_MAX_AGE_DAYS = 7;

const MAD_TO_SD = 1.4826;
const MEAN_ABS_TO_SD = 1.2533;
const NOISE_FLOOR = 0.5;
const DEVIATION_CAP = 3;

export const SEVERITY_RANK = { info: 0, soon: 1, urgent: 2, emergency: 3 };

const dayNumber = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;
const intersects = (set, values) => [...values].some((v) => set.has(v));

function median(values) {
  const ordered = [...values].sort((a, b) => a - b);
  const mid = Math.floor(ordered.length / 2);
  return ordered.length % 2 ? ordered[mid] : (ordered[mid - 1] + ordered[mid]) / 2;
}

function interquartileMean(values) {
  const ordered = [...values].sort((a, b) => a - b);
  const quarter = Math.floor(ordered.length / 4);
  const middle = ordered.slice(quarter, ordered.length - quarter);
  return middle.reduce((a, b) => a + b, 0) / middle.length;
}

function levelOf(values) {
  if (!values.length) return null;
  const centre = median(values);
  const deviations = values.map((v) => Math.abs(v - centre)).sort((a, b) => a - b);
  const madSd = MAD_TO_SD * median(deviations);
  const central = deviations.slice(0, Math.max(1, Math.floor(deviations.length * 0.9)));
  const firstScale = Math.max(madSd, (MEAN_ABS_TO_SD * central.reduce((a, b) => a + b, 0)) / central.length, NOISE_FLOOR);
  const cap = DEVIATION_CAP * firstScale;
  const cappedRms = Math.sqrt(deviations.reduce((sum, d) => sum + Math.min(d, cap) ** 2, 0) / deviations.length);
  return { typical: interquartileMean(values), noise: Math.max(cappedRms, NOISE_FLOOR) };
}

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
  newWeaknessDrop() { return Math.max(NEW_WEAKNESS_DROP, NOISE_MULTIPLIER_SINGLE_DAY * this.baseline.noise); }
  isNewWeakness() { return this.drop >= this.newWeaknessDrop(); }
  isSevere() { return this.drop >= Math.max(SEVERE_STRENGTH_DROP, NOISE_MULTIPLIER_SINGLE_DAY * this.baseline.noise); }
  previousWasWeak() {
    return this.previous !== null && this.baseline.typical - this.previous >= this.newWeaknessDrop();
  }
  weakTwoLogsRunning() { return this.isNewWeakness() && this.previousWasWeak(); }
  isProgressive() {
    if (this.drop < Math.max(PROGRESSIVE_STRENGTH_DROP, NOISE_MULTIPLIER_SINGLE_DAY * this.baseline.noise)) return false;
    if (this.recent.length < 2 || this.today > Math.min(...this.recent) || !this.previousWasWeak()) return false;
    const path = [this.baseline.typical, ...this.recent, this.today];
    let largestStep = -Infinity;
    for (let i = 1; i < path.length; i++) largestStep = Math.max(largestStep, path[i - 1] - path[i]);
    return largestStep <= LARGEST_STEP_SHARE * this.drop;
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
    const baseline = levelOf(baselineDays.map((d) => d[key]));
    if (baseline !== null) {
      legs.push(new LegChange(side, today[key], baseline, previous && previous[key], recentDays.map((d) => d[key])));
    }
  }
  const usualNumbness = baselineDays.length ? median(baselineDays.map((d) => d.numbness_extent)) : 0;
  const lowestRecent = recentDays.length ? Math.min(...recentDays.map((d) => d.numbness_extent)) : usualNumbness;
  const background = backgroundSymptoms(baselineDays);
  const symptoms = new Set(today.symptoms);
  return {
    patient: { history: new Set(patient.history) },
    symptoms,
    legs,
    newSymptoms: new Set([...symptoms].filter((s) => !background.has(s))),
    numbnessRise: today.numbness_extent - Math.trunc(Math.min(usualNumbness, lowestRecent)),
    newWeakness() { return this.legs.filter((leg) => leg.isNewWeakness()); },
  };
}

// A severe drop in one leg (focal, as in a stroke) or in both (acute cord compression); one severe leg while
// the other fell by more than half as much is a bad day across both legs, not a focal loss.
function suddenSevereLegs(legs) {
  const severe = legs.filter((leg) => leg.isSevere() && leg.stepFromPrevious >= SUDDEN_STEP);
  if (severe.length !== 1 || legs.length < 2) return severe;
  const other = legs.find((leg) => leg !== severe[0]);
  return other.drop < FOCAL_SHARE * severe[0].drop ? severe : [];
}

function suddenWeakness(view) {
  const suddenSevere = suddenSevereLegs(view.legs);
  const toldSudden = view.symptoms.has("sudden_onset");
  const weaker = view.newWeakness();
  let reason;
  if (intersects(STROKE_SIGNS, view.symptoms) && (intersects(STROKE_SIGNS, view.newSymptoms) || weaker.length)) {
    reason = "face, arm or speech signs";
  } else if (suddenSevere.length) {
    reason = "a sudden severe loss of strength";
  } else if (toldSudden && (weaker.length || view.newSymptoms.has("balance_problems"))) {
    reason = "weakness or loss of balance that came on suddenly";
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
    patient_text: `Today's entry shows ${reason}. This can be a sign of a stroke or a pressed spinal cord.`,
  };
}

function bladderBowel(view) {
  if (!intersects(CAUDA_EQUINA_SYMPTOMS, view.newSymptoms)) return null;
  const withBackOrLeg = intersects(BACK_OR_LEG_SYMPTOMS, view.symptoms) || view.newWeakness().length > 0;
  const afterSpinalSurgery = view.patient.history.has("spinal_surgery");
  return {
    code: "bladder_bowel",
    severity: withBackOrLeg || afterSpinalSurgery ? "emergency" : "urgent",
    patient_text:
      "You logged a new change in bladder or bowel control or numbness between the legs. " +
      "With back or leg symptoms this can mean pressure on the nerves at the base of the spine.",
  };
}

function rapidProgression(view) {
  const progressive = view.legs.filter((leg) => leg.isProgressive());
  const ascending = view.numbnessRise >= ASCENDING_NUMBNESS_LEVELS;
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

function cordCompression(view) {
  if (!view.patient.history.has("cancer")) return null;
  const weaker = view.newWeakness();
  const persistentWeakness = weaker.filter((leg) => leg.weakTwoLogsRunning());
  const neurological = new Set([...view.newSymptoms].filter((s) => MSCC_NEUROLOGICAL_SYMPTOMS.has(s)));
  const newBackPain = view.newSymptoms.has("back_pain");
  let severity;
  let reason;
  if (newBackPain && (weaker.length || neurological.size)) {
    [severity, reason] = ["emergency", "new back pain with leg weakness or nerve symptoms"];
  } else if (neurological.has("bladder_bowel_change") || neurological.has("saddle_numbness")) {
    [severity, reason] = ["emergency", "a new bladder, bowel or saddle numbness change"];
  } else if (newBackPain) {
    [severity, reason] = ["urgent", "new back pain"];
  } else if (persistentWeakness.length || weaker.some((leg) => leg.isSevere())) {
    [severity, reason] = ["emergency", "new leg weakness"];
  } else if (neurological.has("fall") || neurological.has("balance_problems")) {
    [severity, reason] = ["urgent", "a new fall or walking difficulty"];
  } else {
    return null;
  }
  return {
    code: "cord_compression",
    severity,
    patient_text:
      `With your history of cancer, ${reason} should be checked quickly, because cancer can press on the spinal cord.`,
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

// patient: {history: [...]}; history: earlier days; today: {date, strength_left, strength_right,
// numbness_extent, symptoms}. Dates are the patient's local dates as YYYY-MM-DD.
export function checkLog(patient, history, today) {
  const view = saveTimeView(patient, history, today);
  return [suddenWeakness, bladderBowel, rapidProgression, cordCompression, fall]
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
