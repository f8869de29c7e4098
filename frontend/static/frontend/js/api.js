// JSON calls to our API with the session cookie. Endpoints other teams are still building answer 404:
// callers show "not available yet" rather than failing.
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

export const unavailable = (result) =>
  result.status === 0 ? "You are offline. Try again when you are connected." : "This is not available yet.";
