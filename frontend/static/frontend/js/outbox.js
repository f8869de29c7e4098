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

// Sends every pending entry once; concurrent calls share one run. Returns {saved: [{entry, log}], failed}.
export function flush() {
  flushing ??= sendAll().finally(() => {
    flushing = null;
  });
  return flushing;
}

async function sendAll() {
  const saved = [];
  let failed = 0;
  for (const entry of await pending()) {
    const { error, ...body } = entry;
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
    } else {
      // Kept, never dropped: a refused entry stays visible with the reason until it is fixed or re-sent.
      failed += 1;
      const reason = response.status === 400 ? (await response.json()).errors : `HTTP ${response.status}`;
      await put({ ...entry, error: reason });
    }
  }
  return { saved, failed };
}
