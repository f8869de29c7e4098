// The service worker, served at /sw.js by frontend.views.pwa.service_worker, which puts VERSION (a hash of
// the shell files) and SHELL (their URLs) before this text, so a new deploy brings new caches.
import { SYNC_TAG, flush, signedInAccount } from "/static/frontend/js/outbox.js";

const SHELL_CACHE = `shell-${VERSION}`;
const PAGES_CACHE = `pages-${VERSION}`;
const VENDOR_CACHE = "vendor-1";
const OFFLINE_URL = "/offline/";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll([...SHELL, OFFLINE_URL]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  const keep = new Set([SHELL_CACHE, PAGES_CACHE, VENDOR_CACHE]);
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => !keep.has(name)).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirstPage(request) {
  const cache = await caches.open(PAGES_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) cache.put(request, response.clone());
    return response;
  } catch {
    return (await cache.match(request, { ignoreSearch: true })) || (await caches.match(OFFLINE_URL));
  }
}

self.addEventListener("message", (event) => {
  // A page opened before this worker took control asks to be kept, so it also opens offline later.
  if (event.data?.type === "keep-page") {
    const url = new URL(event.data.url, self.location.origin);
    if (url.origin === self.location.origin) event.waitUntil(caches.open(PAGES_CACHE).then((cache) => cache.add(url)));
  }
});

async function cacheFirst(request, cacheName) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(cacheName)).put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirstPage(request));
  } else if (url.pathname.startsWith("/static/frontend/vendor/")) {
    // plotly.js is large and versioned by its path: fetched on the first chart page, then kept.
    event.respondWith(cacheFirst(request, VENDOR_CACHE));
  } else if (url.pathname.startsWith("/static/")) {
    event.respondWith(cacheFirst(request, SHELL_CACHE));
  }
});

async function syncOutbox() {
  // Only the entries of the account signed in now; another person's wait on this phone until they sign in again.
  const result = await flush(await signedInAccount());
  for (const client of await self.clients.matchAll()) client.postMessage({ type: "outbox-synced" });
  if (result.failed) throw new Error("some entries are still waiting");
}

self.addEventListener("sync", (event) => {
  if (event.tag === SYNC_TAG) event.waitUntil(syncOutbox());
});

const SEVERITY_WORDS = {
  emergency: "Emergency",
  urgent: "See a doctor today",
  soon: "Book an appointment",
  info: "For your information",
};

self.addEventListener("push", (event) => {
  let alert = {};
  try {
    alert = event.data ? event.data.json() : {};
  } catch {
    alert = { body: event.data?.text() };
  }
  const words = SEVERITY_WORDS[alert.severity] || "Leg tracker";
  const title = alert.title ? `${words}: ${alert.title}` : words;
  event.waitUntil(
    self.registration.showNotification(title, {
      body: alert.body || "Open the app to see what to do.",
      tag: alert.tag || (alert.alert_id ? `alert-${alert.alert_id}` : undefined),
      icon: "/static/frontend/icons/icon-192.png",
      badge: "/static/frontend/icons/icon-192.png",
      requireInteraction: alert.severity === "emergency" || alert.severity === "urgent",
      data: { url: alert.url || (alert.alert_id ? `/alerts/${alert.alert_id}/` : "/alerts/") },
    }),
  );
});

async function openAlert(url) {
  const target = new URL(url, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const existing = windows.find((client) => client.url === target) || windows[0];
  if (existing) {
    const shown = existing.url === target ? existing : await existing.navigate(target);
    return (shown || existing).focus().catch(() => shown);
  }
  return self.clients.openWindow(target);
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(openAlert(event.notification.data?.url || "/alerts/"));
});
