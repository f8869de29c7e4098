// Signing out on a shared phone: entries not sent yet stay this account's (sent when it signs in again) or,
// if the person chooses, are deleted; this account's pages leave the phone's cache and its notifications
// stop coming to this phone either way.
// Loaded by app.js where it is needed; it does not import app.js back, as collectstatic's manifest cannot
// hash two modules that name each other.
import { pending, removeAll } from "./outbox.js";
import { unsubscribeOnSignOut } from "./push.js";

const account = document.body.dataset.account || null;

// Signed-out pages must not leave the last person's pages readable offline on a shared phone.
export async function forgetPages() {
  if (!("caches" in window)) return;
  for (const name of await caches.keys()) if (name.startsWith("pages-")) await caches.delete(name);
}

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: "UTC" });

for (const form of document.querySelectorAll("[data-sign-out]")) {
  const choice = form.querySelector("[data-unsent]");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const unsent = await pending(account).catch(() => []);
    if (unsent.length && choice.hidden) {
      const days = unsent.map((entry) => DAY.format(new Date(`${entry.date}T00:00:00Z`))).join(", ");
      const count = unsent.length === 1 ? "1 entry has" : `${unsent.length} entries have`;
      choice.querySelector("[data-unsent-text]").textContent =
        `${count} not been sent yet (${days}). What should happen to ${unsent.length === 1 ? "it" : "them"}?`;
      choice.hidden = false;
      form.querySelector("[type=submit]").textContent = "Sign out now";
      form.querySelector("#unsent-keep").focus();
      return;
    }
    if (unsent.length && form.unsent.value === "delete") await removeAll(account);
    await unsubscribeOnSignOut();
    await forgetPages();
    form.submit();
  });
}
