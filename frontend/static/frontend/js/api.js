// JSON calls to our API with the session cookie.
import { csrfToken } from "./outbox.js";

export async function api(path, { method = "GET", body } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET") headers["X-CSRFToken"] = csrfToken();
  try {
    const response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    return { ok: response.ok, status: response.status, data };
  } catch {
    return { ok: false, status: 0, data: null };
  }
}

// What to tell the person when a call did not work: offline, the server's own words, or a plain fallback.
export function unavailable(result) {
  if (result.status === 0) return "You are offline. Try again when you are connected.";
  const errors = result.data?.errors;
  if (errors?.length) return errors.map((error) => sentence(error)).join(" ");
  return result.status === 404 ? "This is not available yet." : "Something went wrong. Please try again.";
}

const fieldName = (field) => (field || "").replace(/\[\d+\]/g, "").split(".").pop().replace(/_/g, " ");

// One plain sentence from an API error: the server's whole sentences as they are ("Enter a valid email
// address."), its short phrases after the name of what they are about ("steps" + "must be a whole number…").
export function sentence({ field, message }, name = fieldName(field)) {
  const text = /^[a-z]/.test(message) && name ? `${name} ${message}` : message;
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
