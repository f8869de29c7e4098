// Today and History's edit form: one tap saves to the outbox, the phone's own red-flag check answers at
// once, and the server's triage replaces it when the entry reaches the server.
import { sentence } from "./api.js";
import { account, requestSync, showPending, sync } from "./app.js";
import { csrfToken, pending, put, remove } from "./outbox.js";
import { advice, triage } from "./redflags.js";
import { showSaved } from "./confirmation.js";
import { askStrokeQuestions, sharpDrop } from "./strokequestions.js";

const form = document.querySelector("[data-log-form]");
const dialog = document.getElementById("red-flag");
const strokeQuestions = document.querySelector("[data-stroke-questions]");
const status = form.querySelector("[data-save-status]");
const refusedNote = form.querySelector("[data-refused]");
const moreDetails = form.querySelector("[data-more-details]");
const savedNote = document.querySelector("[data-saved-note]");
const readJson = (id) => JSON.parse(document.getElementById(id).textContent);
const inputs = readJson("offline-inputs");
// One text per alert code and severity, the server's (tracker/rules/advice.py), also for what the phone finds;
// the phone's own copy only for a page saved before the server sent them.
const adviceFor = (code, severity) => inputs.advice?.[code]?.[severity] ?? advice(code, severity, inputs.emergency_number);
const whenToAskStrokeQuestions = readJson("when-to-ask-stroke-questions");
const editing = form.dataset.editing === "1";
let lastFocus = null;
// The entry this page saved and is waiting to hear about from the server.
let awaitingAnswer = null;
// The entry saved with a "yes" to a stroke question: its call-for-help screen is already the most urgent there is.
let answeredYesFor = null;

const localDate = (offsetDays = 0) => {
  const day = new Date(Date.now() + offsetDays * 86400000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: inputs.timezone }).format(day);
};

function fill(values) {
  for (const name of ["strength_left", "strength_right", "fatigue", "numbness_extent"]) {
    const radio = form.querySelector(`input[name="${name}"][value="${values[name]}"]`);
    if (radio) radio.checked = true;
  }
  for (const box of form.querySelectorAll('input[name="symptoms"]')) box.checked = values.symptoms.includes(box.value);
  form.steps.value = values.steps ?? "";
  form.chair_stand_30s.value = values.chair_stand_30s ?? "";
  if (values.note !== undefined) form.note.value = values.note;
  // Whatever was logged under "More about today" is shown, never hidden behind a closed section.
  const hasMore = values.symptoms.length || values.numbness_extent || values.steps != null || values.chair_stand_30s != null || values.note;
  if (hasMore) moreDetails.open = true;
}

// Opening "More about today" brings it to the top of the screen, so the warning signs that head it are in view.
moreDetails.querySelector("summary").addEventListener("click", () => {
  if (!moreDetails.open) requestAnimationFrame(() => moreDetails.scrollIntoView({ block: "start" }));
});

function showField(field) {
  for (let closed = field.closest("details:not([open])"); closed; closed = field.closest("details:not([open])")) {
    closed.open = true;
  }
  field.focus();
}

// The names the server's reasons are put after: "Steps" + "must be a whole number between 0 and 200000".
const FIELD_NAMES = {
  date: "The date",
  strength_left: "Left leg strength",
  strength_right: "Right leg strength",
  fatigue: "Tiredness",
  steps: "Steps",
  chair_stand_30s: "The number of chair stands",
  numbness_extent: "Numbness",
  symptoms: "Symptoms",
  note: "The note",
};

// A field's message goes next to it (under the question of a group of choices) and is read out with it.
function markField(name, message) {
  const inputs = [...form.querySelectorAll(`[name="${name}"]`)].filter((input) => input.type !== "hidden");
  if (!inputs.length) return null;
  const grouped = inputs[0].type === "radio" || inputs[0].type === "checkbox";
  const note = document.createElement("p");
  note.className = "error field-error";
  note.id = `${name}-error`;
  note.textContent = message;
  (grouped ? inputs[0].closest("fieldset").querySelector("legend") : inputs[0]).after(note);
  for (const input of inputs) {
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", note.id);
  }
  return inputs.find((input) => input.checked) || inputs[0];
}

function clearFieldErrors() {
  for (const note of form.querySelectorAll(".field-error")) note.remove();
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
  }
  refusedNote.hidden = true;
}

// The server refused this entry: each reason next to its answer, focus on the first, and a way to discard it.
function showRefused(errors, { focus = true } = {}) {
  clearFieldErrors();
  let first = null;
  const general = [];
  for (const error of errors) {
    const name = error.field?.split(/[.[]/)[0];
    const input = name && markField(name, sentence(error, FIELD_NAMES[name]));
    if (input) first ??= input;
    else general.push(sentence(error));
  }
  const next = first ? "Correct the marked answer and save again, or discard this entry." : "Change it and save again, or discard this entry.";
  refusedNote.querySelector("[data-refused-text]").textContent = ["This entry was not saved.", ...general, next].join(" ");
  refusedNote.hidden = false;
  savedNote.hidden = true;
  status.textContent = "";
  const target = first || refusedNote;
  if (!dialog.hidden) lastFocus = target;
  else if (focus) showField(target);
}

function readForm() {
  const data = new FormData(form);
  const number = (name) => (data.get(name) === "" || data.get(name) === null ? null : Number(data.get(name)));
  return {
    date: data.get("date"),
    client_id: data.get("client_id") || crypto.randomUUID(),
    strength_left: number("strength_left"),
    strength_right: number("strength_right"),
    fatigue: number("fatigue"),
    steps: number("steps"),
    chair_stand_30s: number("chair_stand_30s"),
    numbness_extent: number("numbness_extent") ?? 0,
    symptoms: data.getAll("symptoms"),
    note: data.get("note") || "",
  };
}

const SEVERITY_TITLES = {
  emergency: "Call for help now",
  urgent: "See a doctor today",
  soon: "Book an appointment",
  info: "Worth knowing",
};

function showRedFlag({ severity, text, advice, source }) {
  dialog.dataset.severity = severity;
  dialog.querySelector("[data-red-flag-title]").textContent = SEVERITY_TITLES[severity];
  dialog.querySelector("[data-red-flag-text]").textContent = text || "";
  dialog.querySelector("[data-red-flag-advice]").textContent = advice;
  dialog.querySelector("[data-red-flag-source]").textContent = source;
  // The big red call button is for emergencies only; the advice names the number for the rest.
  const call = dialog.querySelector("[data-red-flag-call]");
  call.hidden = severity !== "emergency";
  if (dialog.hidden) {
    lastFocus = document.activeElement;
    // Back closes the instruction, as it closes any screen laid over another, instead of leaving the app.
    history.pushState({ redFlag: true }, "");
  }
  dialog.hidden = false;
  if (call.hidden) {
    // Without a call button the focus waits on "I have read this" at the end, but the screen opens at its top: the
    // heading says how urgent it is, and on a small phone a long advice would push it out of sight.
    dialog.querySelector("[data-red-flag-close]").focus({ preventScroll: true });
    dialog.scrollTop = 0;
  } else {
    call.focus();
  }
}

// Once read, an urgent or emergency answer stays at the top of Today, as the stored alert will on every visit.
const pressingNow = document.querySelector("[data-pressing-now]");
function keepInView(severity, advice) {
  pressingNow.querySelector("[data-pressing-now-title]").textContent = SEVERITY_TITLES[severity];
  pressingNow.querySelector("[data-pressing-now-advice]").textContent = advice;
  pressingNow.querySelector("[data-pressing-now-call]").hidden = severity !== "emergency";
  pressingNow.hidden = false;
}

function hideRedFlag() {
  dialog.hidden = true;
  const severity = dialog.dataset.severity;
  if (dialog.dataset.source !== "button" && (severity === "urgent" || severity === "emergency")) {
    keepInView(severity, dialog.querySelector("[data-red-flag-advice]").textContent);
  }
  lastFocus?.focus();
}

// Closing by its button or Escape takes its history entry away too, so a later Back leaves the page as usual.
function closeRedFlag() {
  if (history.state?.redFlag) history.back();
  else hideRedFlag();
}

window.addEventListener("popstate", () => {
  if (!dialog.hidden) hideRedFlag();
});
// Reloaded while the instruction was open: its entry is only a place to come back from.
if (history.state?.redFlag) history.replaceState(null, "");

function historyWithPending(entries, day) {
  // Entries still in the outbox are part of the patient's history for the phone's check.
  const byDate = new Map(inputs.history.map((d) => [d.date, d]));
  for (const entry of entries) if (entry.date < day) byDate.set(entry.date, entry);
  return [...byDate.values()];
}

const confirmSaved = (entry, state, options = {}) =>
  showSaved(savedNote, form, { ...entry, date: form.date.value }, { state, today: localDate(), editing: editing && Boolean(saved), focus: dialog.hidden, ...options });

async function answerFromServer(result, clientId) {
  const refused = result?.refused.find((item) => item.entry.client_id === clientId);
  if (refused) {
    awaitingAnswer = null;
    showRefused(refused.errors);
    return;
  }
  const mine = result?.saved.find((item) => item.entry.client_id === clientId);
  if (!mine) {
    // Not sent (no connection after all, or the server was busy): say it is kept on the phone.
    const waiting = awaitingAnswer && (await pending(account)).find((entry) => entry.client_id === awaitingAnswer);
    if (waiting && !waiting.errors) {
      confirmSaved(waiting, "phone");
      status.textContent = "";
      // The service worker tries again by itself, later, where the browser has Background Sync.
      await requestSync();
    }
    awaitingAnswer = null;
    return;
  }
  awaitingAnswer = null;
  const serverTriage = mine.log.triage;
  const redFlag = Boolean(serverTriage && serverTriage.severity !== "info");
  // The day now holds what an urgent or emergency alert is based on: a later save on this page asks first too.
  if (["urgent", "emergency"].includes(serverTriage?.severity) || answeredYesFor === clientId) {
    form.dataset.redFlagDay = "";
  }
  if (answeredYesFor === clientId) {
    dialog.querySelector("[data-red-flag-source]").textContent = "";
  } else if (redFlag) {
    showRedFlag({
      severity: serverTriage.severity,
      advice: serverTriage.advice,
      source: "Checked by the server against all your entries.",
    });
  } else if (!dialog.hidden && dialog.dataset.source === "phone") {
    closeRedFlag();
  }
  status.textContent = "";
  form.client_id.value = mine.log.client_id;
  confirmSaved(mine.entry, "sent", { redFlag: redFlag || answeredYesFor === clientId, alerted: redFlag });
}

const REQUIRED = {
  strength_left: "Choose a number from 0 to 10 for your left leg.",
  strength_right: "Choose a number from 0 to 10 for your right leg.",
  fatigue: "Choose a number from 0 to 10 for your tiredness.",
};

// A day that raised an alert is what the alert was based on: saving over it is asked first, once a page.
const overwriteQuestion = document.querySelector("[data-overwrite-question]");
function mayOverwrite() {
  if (overwriteQuestion.dataset.answered) return Promise.resolve(true);
  const returnTo = document.activeElement;
  overwriteQuestion.hidden = false;
  overwriteQuestion.querySelector('[data-overwrite="yes"]').focus();
  return new Promise((resolve) => {
    const answered = (event) => {
      const answer = event.target.closest("[data-overwrite]")?.dataset.overwrite;
      if (!answer) return;
      overwriteQuestion.removeEventListener("click", answered);
      overwriteQuestion.hidden = true;
      if (answer === "yes") overwriteQuestion.dataset.answered = "1";
      returnTo?.focus();
      resolve(answer === "yes");
    };
    overwriteQuestion.addEventListener("click", answered);
  });
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const entry = readForm();
  clearFieldErrors();
  const missing = Object.keys(REQUIRED).filter((name) => entry[name] === null);
  if (missing.length) {
    // Each message sits where focus lands, so it is seen and read out without hunting for it.
    const first = missing.map((name) => markField(name, REQUIRED[name]))[0];
    showField(first);
    return;
  }
  if (form.dataset.redFlagDay !== undefined && !(await mayOverwrite())) {
    status.textContent = "Not saved: the day is kept as it was.";
    return;
  }
  const history = historyWithPending(await pending(account), entry.date);
  const local = triage({ ...inputs, history }, entry);
  // When the entry already calls for help (a stroke sign ticked, a severe sudden drop), asking first only delays it.
  const asks = !editing && local?.severity !== "emergency";
  const change = asks ? sharpDrop(whenToAskStrokeQuestions, history, entry) : null;
  let answeredYes = false;
  if (change) {
    const yes = await askStrokeQuestions(strokeQuestions, change);
    if (yes === null) {
      const leg = change.side === "both" ? "left" : change.side;
      showField(form.querySelector(`input[name="strength_${leg}"]:checked`));
      return;
    }
    for (const symptom of yes) form.querySelector(`#symptom-${symptom}`).checked = true;
    entry.symptoms = readForm().symptoms;
    answeredYes = yes.length > 0;
  }
  form.client_id.value = entry.client_id;
  answeredYesFor = answeredYes ? entry.client_id : null;
  await put({ ...entry, account, csrf: csrfToken() });
  if (answeredYes) {
    showRedFlag({
      severity: "emergency",
      text: change.side === "both" ? strokeQuestions.dataset.answeredYesBoth : strokeQuestions.dataset.answeredYes,
      advice: adviceFor("sudden_weakness", "emergency"),
      source: navigator.onLine ? "" : "You are offline: your entry is kept on this phone and sent later.",
    });
    dialog.dataset.source = "stroke-questions";
  } else if (local && local.severity !== "info") {
    showRedFlag({
      severity: local.severity,
      text: local.patient_text,
      advice: adviceFor(local.code, local.severity),
      source: navigator.onLine ? "Checking with the server…" : "You are offline: this was worked out on your phone.",
    });
    dialog.dataset.source = "phone";
  }
  if (navigator.onLine) {
    status.textContent = "Saving…";
    awaitingAnswer = entry.client_id;
    await sync();
  } else {
    status.textContent = "";
    confirmSaved(entry, "phone", { redFlag: answeredYes || Boolean(local && local.severity !== "info") });
    await requestSync();
  }
});

document.addEventListener("outbox:synced", (event) => answerFromServer(event.detail, form.client_id.value));

refusedNote.querySelector("[data-discard]").addEventListener("click", async () => {
  await remove(form.client_id.value);
  clearFieldErrors();
  form.reset();
  if (saved) fill(saved);
  else if (!editing) form.date.value = localDate();
  status.textContent = saved ? "Discarded. The answers saved earlier for this day are shown." : "Discarded. Nothing is saved for this day.";
  await showPending();
});

document.querySelector("[data-sudden]").addEventListener("click", () => {
  showRedFlag({
    severity: "emergency",
    text: "If your weakness came on suddenly, or your face, arm or speech changed, it may be a stroke or pressure on the spinal cord.",
    advice: adviceFor("sudden_weakness", "emergency"),
    source: "",
  });
  dialog.dataset.source = "button";
});
dialog.querySelector("[data-red-flag-close]").addEventListener("click", closeRedFlag);
dialog.addEventListener("keydown", (event) => {
  if (event.key === "Escape") closeRedFlag();
  if (event.key === "Tab") {
    // Keep focus inside the instruction while it is shown.
    const focusable = [...dialog.querySelectorAll("a:not([hidden]), button")];
    const [first, last] = [focusable[0], focusable[focusable.length - 1]];
    if (event.shiftKey && document.activeElement === first) {
      last.focus();
      event.preventDefault();
    } else if (!event.shiftKey && document.activeElement === last) {
      first.focus();
      event.preventDefault();
    }
  }
});

document.querySelector("[data-same-as-yesterday]")?.addEventListener("click", () => {
  fill({ ...readJson("yesterday-values"), note: "" });
  status.textContent = "Filled in with yesterday's answers. Change anything that is different, then save.";
});

const saved = readJson("saved-values");
if (saved) {
  fill(saved);
  if (!editing) confirmSaved(saved, "logged", { focus: false });
} else if (!editing) {
  // A cached Today page may be from an earlier day; the phone's clock in the patient's zone decides.
  form.date.value = localDate();
}
// An entry still on the phone for this day is newer than what the server has: shown, with its reasons if refused.
const waitingHere = (await pending(account)).find((entry) => entry.date === form.date.value);
if (waitingHere) {
  fill(waitingHere);
  form.client_id.value = waitingHere.client_id;
  if (waitingHere.errors) showRefused(waitingHere.errors);
  else confirmSaved(waitingHere, "phone", { focus: false });
}

const question = document.querySelector("[data-yesterday-question]");
const hourNow = Number(new Intl.DateTimeFormat("en-GB", { hour: "numeric", hourCycle: "h23", timeZone: inputs.timezone }).format(new Date()));
if (question && !saved && hourNow < 4) {
  question.hidden = false;
  question.addEventListener("click", (event) => {
    const choice = event.target.dataset.logFor;
    if (!choice) return;
    form.date.value = localDate(choice === "yesterday" ? -1 : 0);
    document.querySelector("[data-day-label]").textContent = choice === "yesterday" ? "(for yesterday)" : "";
    question.hidden = true;
  });
}

// The chair-stand test's code is fetched the first time its section is opened.
const chair = document.querySelector("[data-chair-stand]");
chair.addEventListener(
  "toggle",
  () => import("./chairtest.js").then(({ setUpChairTest }) => setUpChairTest(chair, form.chair_stand_30s)),
  { once: true },
);

showPending();
