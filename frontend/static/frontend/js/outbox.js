// The outbox: every log is written here first, then sent. An entry leaves only after the server has
// stored it, and its client_id makes a resend update the same row, so nothing is lost or doubled.
// Used by the pages and by the service worker (Background Sync).

const DB_NAME = "leg-tracker";
const STORE = "outbox";
export const SYNC_TAG = "outbox";

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "client_id" });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, action) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = action(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const put = (entry) => run("readwrite", (store) => store.put(entry));
export const remove = (clientId) => run("readwrite", (store) => store.delete(clientId));
export const pending = () => run("readonly", (store) => store.getAll());

export function csrfToken() {
  if (typeof document === "undefined") return "";
  const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "";
}

let flushing = null;

// Sends every pending entry once; concurrent calls share one run. Returns {saved: [{entry, log}], refused, failed}.
export function flush() {
  flushing ??= sendAll().finally(() => {
    flushing = null;
  });
  return flushing;
}

async function sendAll() {
  const saved = [];
  const refused = [];
  let failed = 0;
  // A refused entry waits for the person to correct or discard it: resending it unchanged would only be refused again.
  for (const entry of (await pending()).filter((waiting) => !waiting.errors)) {
    // `error` was the older name of `errors`: such an entry is tried once more and gets today's reasons.
    const { errors, error, ...body } = entry;
    let response;
    try {
      response = await fetch("/api/logs/", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() || entry.csrf },
        body: JSON.stringify({ ...body, csrf: undefined }),
      });
    } catch {
      failed += 1;
      continue;
    }
    if (response.ok) {
      await remove(entry.client_id);
      saved.push({ entry, log: await response.json() });
    } else if (response.status === 400) {
      // Kept, never dropped: the server's reasons stay with the entry until it is corrected or discarded.
      const reasons = (await response.json().catch(() => null))?.errors || [];
      await put({ ...entry, errors: reasons });
      refused.push({ entry, errors: reasons });
    } else {
      // The server could not take it just now (down, busy, signed out): sent again later, unchanged.
      failed += 1;
    }
  }
  return { saved, refused, failed };
}
