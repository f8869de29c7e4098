// Today and History's edit form: one tap saves to the outbox, the phone's own red-flag check answers at
// once, and the server's triage replaces it when the entry reaches the server.
import { requestSync, showPending, sync } from "./app.js";
import { csrfToken, pending, put } from "./outbox.js";
import { triage } from "./redflags.js";
import { showSaved } from "./confirmation.js";

const form = document.querySelector("[data-log-form]");
const dialog = document.getElementById("red-flag");
const status = form.querySelector("[data-save-status]");
const formError = form.querySelector("[data-form-error]");
const moreDetails = form.querySelector("[data-more-details]");
const savedNote = document.querySelector("[data-saved-note]");
const readJson = (id) => JSON.parse(document.getElementById(id).textContent);
const inputs = readJson("offline-inputs");
const editing = form.dataset.editing === "1";
let lastFocus = null;
// The entry this page saved and is waiting to hear about from the server.
let awaitingAnswer = null;

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
  if (dialog.hidden) lastFocus = document.activeElement;
  dialog.hidden = false;
  dialog.querySelector("[data-red-flag-call]").focus();
}

function closeRedFlag() {
  dialog.hidden = true;
  lastFocus?.focus();
}

function historyWithPending(entries, day) {
  // Entries still in the outbox are part of the patient's history for the phone's check.
  const byDate = new Map(inputs.history.map((d) => [d.date, d]));
  for (const entry of entries) if (entry.date < day) byDate.set(entry.date, entry);
  return [...byDate.values()];
}

const confirmSaved = (entry, state, options = {}) =>
  showSaved(savedNote, form, { ...entry, date: form.date.value }, { state, today: localDate(), editing, focus: dialog.hidden, ...options });

async function answerFromServer(saved, clientId) {
  const mine = saved.find((item) => item.entry.client_id === clientId);
  if (!mine) {
    // Not sent (no connection after all): say it is kept on the phone. A refused entry is not "saved".
    const waiting = awaitingAnswer && (await pending()).find((entry) => entry.client_id === awaitingAnswer);
    if (waiting && !waiting.error) {
      confirmSaved(waiting, "phone");
      status.textContent = "";
    }
    awaitingAnswer = null;
    return;
  }
  awaitingAnswer = null;
  const serverTriage = mine.log.triage;
  const redFlag = Boolean(serverTriage && serverTriage.severity !== "info");
  if (redFlag) {
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
  confirmSaved(mine.entry, "sent", { redFlag });
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const entry = readForm();
  const missing = ["strength_left", "strength_right", "fatigue"].filter((name) => entry[name] === null);
  if (missing.length) {
    formError.textContent = "Please choose both legs' strength and your tiredness.";
    formError.hidden = false;
    showField(form.querySelector(`input[name="${missing[0]}"]`));
    return;
  }
  formError.hidden = true;
  form.client_id.value = entry.client_id;
  await put({ ...entry, csrf: csrfToken() });
  const local = triage({ ...inputs, history: historyWithPending(await pending(), entry.date) }, entry);
  if (local && local.severity !== "info") {
    showRedFlag({
      severity: local.severity,
      text: local.patient_text,
      advice: local.advice,
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
    confirmSaved(entry, "phone", { redFlag: Boolean(local && local.severity !== "info") });
    await requestSync();
  }
});

document.addEventListener("outbox:synced", (event) => {
  if (event.detail) answerFromServer(event.detail.saved, form.client_id.value);
});

document.querySelector("[data-sudden]").addEventListener("click", () => {
  showRedFlag({
    severity: "emergency",
    text: "If your weakness came on suddenly, or your face, arm or speech changed, it may be a stroke or pressure on the spinal cord.",
    advice: `Call ${inputs.emergency_number} now and say what you noticed and when it started. Do not drive yourself, and do not wait to see if it passes.`,
    source: "",
  });
  dialog.dataset.source = "button";
});
dialog.querySelector("[data-red-flag-close]").addEventListener("click", closeRedFlag);
dialog.addEventListener("keydown", (event) => {
  if (event.key === "Escape") closeRedFlag();
  if (event.key === "Tab") {
    // Keep focus inside the instruction while it is shown.
    const focusable = [...dialog.querySelectorAll("a, button")];
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
  const pendingToday = (await pending()).find((entry) => entry.date === form.date.value);
  if (pendingToday) {
    fill(pendingToday);
    form.client_id.value = pendingToday.client_id;
    if (!pendingToday.error) confirmSaved(pendingToday, "phone", { focus: false });
  }
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
