// Web Push: subscribe with the server's VAPID public key, tell the server, and undo it on request.
import { api, unavailable } from "./api.js";

const SUBSCRIPTION_ID = "push-subscription-id";

function keyBytes(base64url) {
  const base64 = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

const isIos = () => /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.platform === "MacIntel" && navigator.maxTouchPoints > 1);
const isInstalled = () => matchMedia("(display-mode: standalone)").matches || navigator.standalone === true;

export async function subscribe() {
  const key = await api("/api/push/vapid-public-key/");
  if (!key.ok) return unavailable(key);
  if ((await Notification.requestPermission()) !== "granted") {
    return "Notifications are blocked. You can allow them in your browser's site settings.";
  }
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: keyBytes(key.data.public_key),
  });
  const { endpoint, keys } = subscription.toJSON();
  const saved = await api("/api/push-subscriptions/", { method: "POST", body: { endpoint, keys } });
  if (!saved.ok) {
    await subscription.unsubscribe();
    return unavailable(saved);
  }
  localStorage.setItem(SUBSCRIPTION_ID, saved.data.id);
  return "";
}

export async function unsubscribe() {
  const id = localStorage.getItem(SUBSCRIPTION_ID);
  if (id) {
    const removed = await api(`/api/push-subscriptions/${id}/`, { method: "DELETE" });
    if (!removed.ok && removed.status !== 404) return unavailable(removed);
    localStorage.removeItem(SUBSCRIPTION_ID);
  }
  const registration = await navigator.serviceWorker.ready;
  await (await registration.pushManager.getSubscription())?.unsubscribe();
  return "";
}

// Signing out: this phone stops getting the account's alerts (with the person's name and advice), so whoever
// uses it next never sees them. Bounded, so a slow network never holds up the sign-out.
export async function unsubscribeOnSignOut() {
  if (!localStorage.getItem(SUBSCRIPTION_ID)) return;
  await Promise.race([unsubscribe().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 3000))]);
}

// The browser's own errors ("Registration failed - permission denied") said as a person would.
function problem(error) {
  if (error?.name === "NotAllowedError") {
    return "This phone does not allow notifications from us. You can allow them in your browser's site settings, then try again.";
  }
  return "Notifications could not be turned on just now. Check that you are online, then try again.";
}

export async function setUpPanel(panel) {
  const status = panel.querySelector("[data-push-status]");
  const on = panel.querySelector("[data-push-on]");
  const off = panel.querySelector("[data-push-off]");
  const supported = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
  if (isIos() && !isInstalled()) panel.querySelector("[data-push-ios]").hidden = false;
  if (!supported) {
    on.hidden = true;
    status.textContent = "This browser cannot show notifications from us.";
    return;
  }
  const show = async () => {
    const subscribed = Boolean(await (await navigator.serviceWorker.ready).pushManager.getSubscription());
    on.hidden = subscribed;
    off.hidden = !subscribed;
    if (subscribed) status.textContent = "Notifications are on for this phone.";
  };
  const act = (action) => async () => {
    status.textContent = "One moment…";
    status.textContent = (await action().catch(problem)) || "";
    await show();
  };
  on.addEventListener("click", act(subscribe));
  off.addEventListener("click", act(unsubscribe));
  await show();
}
