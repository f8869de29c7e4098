// Every page: the service worker, the pending-sync banner, and sending the outbox when we can.
import { SYNC_TAG, adoptUnowned, flush, pending, rememberSignedIn } from "./outbox.js";

const banner = document.getElementById("sync-status");
// The account this page was drawn for (none when signed out): the outbox is read and sent for it alone.
export const account = document.body.dataset.account || null;

const DAY = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
const dayName = (isoDate) => DAY.format(new Date(`${isoDate}T00:00:00Z`));

// Where a refused entry is put right: this page if its form shows that day, else that day's own page.
function refusedLine(entry) {
  const line = document.createElement("span");
  line.append(`The entry for ${dayName(entry.date)} was not saved. `);
  if (document.querySelector("[data-log-form]")?.date.value === entry.date) {
    line.append("The reason is shown below. ");
  } else {
    const link = document.createElement("a");
    link.href = `/history/${entry.date}/`;
    link.textContent = "See why, and correct or discard it";
    line.append(link, ". ");
  }
  return line;
}

export async function showPending() {
  if (!banner) return;
  const entries = await pending(account).catch(() => []);
  if (!entries.length) {
    banner.hidden = true;
    return;
  }
  const waiting = entries.filter((entry) => !entry.errors);
  const lines = entries.filter((entry) => entry.errors).map(refusedLine);
  if (waiting.length) {
    const dates = waiting.map((entry) => entry.date).sort().map(dayName).join(", ");
    lines.unshift(
      `Waiting to send ${waiting.length} ${waiting.length === 1 ? "entry" : "entries"} (${dates}). ` +
        "They are safe on this phone and will be sent when you are online. ",
    );
  }
  banner.replaceChildren(...lines);
  banner.hidden = false;
}

export async function sync() {
  if (navigator.onLine) {
    const result = await flush(account).catch(() => null);
    document.dispatchEvent(new CustomEvent("outbox:synced", { detail: result }));
  }
  await showPending();
}

// Background Sync where the browser has it; otherwise the `online` event and the next start do it.
export async function requestSync() {
  const registration = await navigator.serviceWorker?.ready;
  if (registration?.sync) {
    await registration.sync.register(SYNC_TAG).catch(() => {});
  }
}

if ("serviceWorker" in navigator) {
  const firstVisit = !navigator.serviceWorker.controller;
  navigator.serviceWorker.register("/sw.js", { scope: "/", type: "module" }).catch(() => {});
  if (firstVisit && document.body.dataset.signedOut === undefined) {
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      navigator.serviceWorker.controller.postMessage({ type: "keep-page", url: location.pathname });
    });
  }
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data?.type === "outbox-synced") showPending();
  });
}
// The offline page, cached once, names the emergency number Today last showed on this phone.
const EMERGENCY_NUMBER_KEY = "emergency-number";
const today = document.getElementById("offline-inputs");
if (today) localStorage.setItem(EMERGENCY_NUMBER_KEY, JSON.parse(today.textContent).emergency_number);
const offlineCall = document.querySelector("[data-emergency-call]");
const remembered = localStorage.getItem(EMERGENCY_NUMBER_KEY);
if (offlineCall && remembered) {
  offlineCall.textContent = remembered;
  offlineCall.href = `tel:${remembered}`;
}

window.addEventListener("online", sync);
if (account) {
  rememberSignedIn(account)
    .then(() => adoptUnowned(account))
    .catch(() => {})
    .then(sync);
} else {
  rememberSignedIn(null).catch(() => {});
  import("./signout.js").then(({ forgetPages }) => forgetPages());
}
if (account && document.querySelector("[data-sign-out]")) import("./signout.js");
