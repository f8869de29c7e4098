// Sign-up, first run, Settings and Sharing: the parts that talk to the preferences, caregiver and
// share-link APIs, each of which may not exist yet on this server.
import { api, unavailable } from "./api.js";
import { setUpPanel } from "./push.js";

const detected = Intl.DateTimeFormat().resolvedOptions().timeZone;
for (const input of document.querySelectorAll("[data-detect-timezone]")) {
  if (detected && (!input.value || input.value === "UTC")) input.value = detected;
}

for (const panel of document.querySelectorAll("[data-push]")) setUpPanel(panel);

// The country choice says the emergency number of the country chosen, before it is saved.
const country = document.querySelector("[data-emergency-country]");
if (country) {
  const { numbers, default: fallback } = JSON.parse(document.getElementById("emergency-numbers").textContent);
  const preview = document.querySelector("[data-emergency-preview]");
  country.addEventListener("change", () => {
    preview.hidden = !country.value;
    preview.querySelector("[data-emergency-preview-number]").textContent = numbers[country.value] || fallback;
  });
}

const listOf = (data) => (Array.isArray(data) ? data : data?.results || []);

document.querySelector("[data-reminder-form]")?.addEventListener("submit", async (event) => {
  const form = event.currentTarget;
  if (form.dataset.sent) return;
  event.preventDefault();
  await api("/api/notification-preferences/", { method: "PATCH", body: { reminder_time: form.reminder_time.value } });
  form.dataset.sent = "1";
  form.requestSubmit();
});

const preferences = document.querySelector("[data-preferences-form]");
if (preferences) {
  const status = preferences.querySelector("[data-preferences-status]");
  const loaded = await api("/api/notification-preferences/");
  if (loaded.ok) {
    for (const name of ["reminder_time", "quiet_hours_start", "quiet_hours_end"]) {
      preferences[name].value = (loaded.data[name] || "").slice(0, 5);
    }
    preferences.email_enabled.checked = Boolean(loaded.data.email_enabled);
  } else {
    status.textContent = unavailable(loaded);
  }
  preferences.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = { email_enabled: preferences.email_enabled.checked };
    for (const name of ["reminder_time", "quiet_hours_start", "quiet_hours_end"]) {
      body[name] = preferences[name].value || null;
    }
    const saved = await api("/api/notification-preferences/", { method: "PATCH", body });
    status.textContent = saved.ok ? "Saved." : unavailable(saved);
  });
}

function listItem(text, onRemove, removeLabel) {
  const item = document.createElement("li");
  const label = document.createElement("span");
  label.textContent = text;
  item.append(label);
  if (onRemove) {
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "secondary";
    remove.textContent = removeLabel;
    remove.addEventListener("click", onRemove);
    item.append(" ", remove);
  }
  return item;
}

// `choices(row, status)`, when given, adds the controls of what the patient allows that row (e.g. a carer).
async function showCollection(collection) {
  const { root, path, describe, removeLabel, removable = () => true, choices } = collection;
  const list = root.querySelector("ul");
  const status = root.querySelector("[role=status]");
  const loaded = await api(path);
  if (!loaded.ok) {
    status.textContent = unavailable(loaded);
    return false;
  }
  list.replaceChildren(
    ...listOf(loaded.data).map((row) => {
      const item = listItem(
        describe(row),
        removable(row) &&
          (async () => {
            const removed = await api(`${path}${row.id}/`, { method: "DELETE" });
            status.textContent = removed.ok ? "Removed." : unavailable(removed);
            showCollection(collection);
          }),
        removeLabel,
      );
      if (choices) item.append(choices(row, status));
      return item;
    }),
  );
  return true;
}

// Dates as a person says them ("29 November 2026", "29 November 2026 at 14:05"), in the phone's own time.
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });
const TIME = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });
const day = (iso) => DAY.format(new Date(iso));
const moment = (iso) => `${day(iso)} at ${TIME.format(new Date(iso))}`;

const SHARED_EXTRAS = { notes: "your notes", exports: "files to download" };

function describeShare(share) {
  const count = share.accesses.length;
  const times = count === 1 ? "once" : `${count} times`;
  const opened = count
    ? `opened ${times}, last on ${day(share.accesses[0].accessed_at)} (${share.accesses[0].client})`
    : "not opened yet";
  const state = share.active ? `works until ${day(share.expires_at)}` : share.revoked_at ? "stopped" : "expired";
  const extras = Object.keys(SHARED_EXTRAS).filter((name) => share.sections.includes(name));
  const shows = extras.length
    ? `with ${extras.map((name) => SHARED_EXTRAS[name]).join(" and ")}`
    : "without your notes or files";
  const named = share.patient_label ? `, names you "${share.patient_label}"` : "";
  return `Link made ${day(share.created_at)}: ${state}, ${shows}${named}, ${opened}`;
}

const DEFAULT_SECTIONS = ["charts", "alerts", "hints", "symptoms"];

const shares = document.querySelector("[data-shares]");
if (shares) {
  const collection = {
    root: shares,
    path: "/api/shares/",
    describe: describeShare,
    removeLabel: "Stop this link",
    removable: (share) => share.active,
  };
  showCollection(collection);
  const fresh = shares.querySelector("[data-share-new]");
  const freshUrl = shares.querySelector("[data-share-url]");
  shares.querySelector("[data-share-form]").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const sections = [...DEFAULT_SECTIONS, ...["notes", "exports"].filter((name) => form[name].checked)];
    const body = { sections, patient_label: form.patient_label.value.trim() };
    const created = await api("/api/shares/", { method: "POST", body });
    shares.querySelector("[role=status]").textContent = created.ok ? "New link made." : unavailable(created);
    if (!created.ok) return;
    freshUrl.value = created.data.url;
    fresh.hidden = false;
    // Tall enough for the whole link, however narrow the phone: nothing to scroll inside the box.
    freshUrl.style.height = `${freshUrl.scrollHeight + 4}px`;
    freshUrl.select();
    fresh.scrollIntoView({ block: "center" });
    showCollection(collection);
  });
  shares.querySelector("[data-share-copy]").addEventListener("click", async () => {
    await navigator.clipboard?.writeText(freshUrl.value);
    shares.querySelector("[role=status]").textContent = "Link copied.";
  });
  // The phone's own share sheet (messages, email…) where the browser offers it.
  const send = shares.querySelector("[data-share-send]");
  send.hidden = !navigator.share;
  send.addEventListener("click", async () => {
    const shared = await navigator
      .share({ title: "My leg diary", text: "My leg strength diary, for you to look at:", url: freshUrl.value })
      .then(() => true)
      .catch(() => false);
    shares.querySelector("[role=status]").textContent = shared ? "Link shared." : "";
  });
}

function notesChoice(caregiver, status) {
  const choice = document.createElement("div");
  choice.className = "checks";
  const box = document.createElement("input");
  box.type = "checkbox";
  box.id = `caregiver-notes-${caregiver.id}`;
  box.checked = caregiver.sees_notes;
  const label = document.createElement("label");
  label.htmlFor = box.id;
  label.textContent = "Can read my notes";
  box.addEventListener("change", async () => {
    const saved = await api(`/api/caregivers/${caregiver.id}/`, {
      method: "PATCH",
      body: { sees_notes: box.checked },
    });
    if (saved.ok) {
      status.textContent = box.checked
        ? `${caregiver.email} can now read your notes.`
        : `${caregiver.email} no longer sees your notes.`;
    } else {
      box.checked = !box.checked;
      status.textContent = unavailable(saved);
    }
  });
  choice.append(box, label);
  return choice;
}

const caregivers = document.querySelector("[data-caregivers]");
if (caregivers) {
  const collection = {
    root: caregivers,
    path: "/api/caregivers/",
    describe: (caregiver) => `${caregiver.email} (${caregiver.status === "active" ? "has access" : "invited"})`,
    removeLabel: "Remove",
    choices: notesChoice,
  };
  showCollection(collection);
  caregivers.querySelector("[data-caregiver-form]").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const email = form.email.value;
    const added = await api("/api/caregivers/", { method: "POST", body: { email } });
    // The invitation's own messages are whole sentences: shown without the field name.
    const refused = added.data?.errors?.map((error) => error.message).join(" ");
    caregivers.querySelector("[data-caregiver-status]").textContent = added.ok
      ? `Invitation sent to ${email}. It stays listed as invited until they accept.`
      : refused || unavailable(added);
    if (added.ok) {
      form.reset();
      showCollection(collection);
    }
  });
}

const WHAT_WAS_SEEN = { page: "the summary", pdf: "the PDF", csv: "the CSV export", fhir: "the FHIR export" };

const audit = document.querySelector("[data-audit]");
if (audit) {
  showCollection({
    root: audit,
    path: "/api/audit/",
    describe: (view) => {
      const who = view.viewer_kind === "caregiver" ? `Carer ${view.viewer}` : "Your doctor's link";
      return `${moment(view.accessed_at)}: ${who} looked at ${WHAT_WAS_SEEN[view.what] || view.what} (${view.client})`;
    },
    removable: () => false,
  });
}
