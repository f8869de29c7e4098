// The outbox: every log is written here first, then sent. An entry leaves only after the server has
// stored it, and its client_id makes a resend update the same row, so nothing is lost or doubled.
// Used by the pages and by the service worker (Background Sync).

const DB_NAME = "leg-tracker";
const STORE = "outbox";
// What the pages last saw of who is signed in, so the service worker sends only that account's entries.
const SESSION = "session";
export const SYNC_TAG = "outbox";

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 2);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: "client_id" });
      if (!db.objectStoreNames.contains(SESSION)) db.createObjectStore(SESSION);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, action, storeName = STORE) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(storeName, mode);
      const request = action(tx.objectStore(storeName));
      tx.oncomplete = () => resolve(request.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

// Every entry belongs to the account that made it (`account`, the user's id) and is only ever sent, shown or
// counted for that account: on a shared phone, the next person never sees or uploads it.
export const put = (entry) => run("readwrite", (store) => store.put(entry));
export const remove = (clientId) => run("readwrite", (store) => store.delete(clientId));
const everything = () => run("readonly", (store) => store.getAll());
export const pending = async (account) => (account ? (await everything()).filter((entry) => entry.account === account) : []);

export const signedInAccount = () => run("readonly", (store) => store.get("account"), SESSION);
export function rememberSignedIn(account) {
  return run("readwrite", (store) => (account ? store.put(account, "account") : store.delete("account")), SESSION);
}

// Entries saved before they carried an account were made by whoever was signed in then: the first account to
// open a page after this update, on the same phone.
export async function adoptUnowned(account) {
  for (const entry of await everything()) if (!entry.account) await put({ ...entry, account });
}

export async function removeAll(account) {
  for (const entry of await pending(account)) await remove(entry.client_id);
}

export function csrfToken() {
  if (typeof document === "undefined") return "";
  const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "";
}

let flushing = null;

// Sends the account's pending entries once; concurrent calls share one run.
// Returns {saved: [{entry, log}], refused: [{entry, errors}], failed}.
export function flush(account) {
  flushing ??= sendAll(account).finally(() => {
    flushing = null;
  });
  return flushing;
}

async function sendAll(account) {
  const saved = [];
  const refused = [];
  let failed = 0;
  // A refused entry waits for the person to correct or discard it: resending it unchanged would only be refused again.
  for (const entry of (await pending(account)).filter((waiting) => !waiting.errors)) {
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
      // The server could not take it just now (down, busy, signed out), or the browser is now signed in as
      // someone else (409): kept unchanged for its own account.
      failed += 1;
    }
  }
  return { saved, refused, failed };
}
