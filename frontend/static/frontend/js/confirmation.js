// The note at the top of Today once a day is saved: which day, what was saved, and what happens next,
// so nobody is left wondering whether the tap worked or whether they still have to do something.

const DAY = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });

const TITLES = {
  sent: (day) => `Saved for ${day}`,
  phone: (day) => `Saved on this phone for ${day}`,
  logged: (day) => `Already saved for ${day}`,
};

const NEXT = {
  sent: "Nothing more to do. Tonight we compare it with your usual days and alert you if something needs a doctor. To change it, edit below and save again.",
  edited: "The answers it had before are kept as well. To change it again, edit below and save.",
  redFlag: "Please follow the advice you were shown.",
  alerts: "It stays under Alerts until you have read it.",
  phone: "It has not been sent yet. It will be sent by itself when this phone is online again; nothing is lost if you close the app.",
  logged: "To change something, edit below and save again.",
};

function nextStep(state, { editing, redFlag, alerted }) {
  if (state === "sent") {
    if (redFlag) return alerted ? `${NEXT.redFlag} ${NEXT.alerts}` : NEXT.redFlag;
    return editing ? NEXT.edited : NEXT.sent;
  }
  if (state === "phone") return redFlag ? `${NEXT.redFlag} ${NEXT.phone}` : NEXT.phone;
  return NEXT.logged;
}

function dayName(isoDate, today) {
  return isoDate === today ? "today" : DAY.format(new Date(`${isoDate}T00:00:00Z`));
}

function valuesLine(form, entry) {
  const label = (id) => form.querySelector(`label[for="${id}"]`)?.textContent.trim() ?? id;
  const also = entry.symptoms.map((name) => label(`symptom-${name}`));
  if (entry.numbness_extent) also.push(`numbness: ${label(`numbness-${entry.numbness_extent}`).toLowerCase()}`);
  if (entry.steps != null) also.push(`${entry.steps.toLocaleString("en-GB")} steps`);
  if (entry.chair_stand_30s != null) also.push(`${entry.chair_stand_30s} stands in the chair test`);
  if (entry.note) also.push("a note");
  const legs = `Left leg ${entry.strength_left}, right leg ${entry.strength_right}, tiredness ${entry.fatigue}.`;
  return also.length ? `${legs} Also: ${also.join(", ")}.` : legs;
}

// state: "sent" (the server has it), "phone" (in the outbox, not sent yet) or "logged" (saved earlier).
// alerted: the server raised an alert for it (a red flag from the phone's own questions may have none).
export function showSaved(note, form, entry, { state, today, editing = false, redFlag = false, alerted = redFlag, focus = true }) {
  note.dataset.state = state;
  note.querySelector("[data-saved-title]").textContent = TITLES[state](dayName(entry.date, today));
  note.querySelector("[data-saved-values]").textContent = valuesLine(form, entry);
  note.querySelector("[data-saved-next]").textContent = nextStep(state, { editing, redFlag, alerted });
  note.querySelector("[data-saved-alerts]").hidden = !(alerted && state === "sent");
  note.hidden = false;
  if (focus) {
    note.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
}
