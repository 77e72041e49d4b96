// Seeds the demo workspace through the edge's own API, idempotently: the demo creator's account
// (kept if it exists), and a widget that the local demo page is allowed to embed.

export const DEMO_EMAIL = "demo@coach.local";
// Local only; the dashboard shows how to change it.
export const DEMO_PASSWORD = "maya-demo-coach-2026";

async function api(edgeUrl, path, { method = "GET", token, body } = {}) {
  const headers = { "X-Request-Id": `seed-${Date.now()}` };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(`${edgeUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json().catch(() => null);
  return { status: res.status, json };
}

function fail(step, res) {
  throw new Error(`Seeding the demo workspace failed at "${step}" (${res.status}): ${JSON.stringify(res.json?.error ?? res.json)}`);
}

/** Makes sure the demo workspace exists; returns what the demo page needs. */
export async function seedDemo(edgeUrl, demoOrigins) {
  const registered = await api(edgeUrl, "/api/v1/auth/register", {
    method: "POST",
    body: { email: DEMO_EMAIL, password: DEMO_PASSWORD, full_name: "Maya Demo" },
  });
  if (registered.status !== 201 && registered.status !== 409) fail("register", registered);
  const login = await api(edgeUrl, "/api/v1/auth/login", { method: "POST", body: { email: DEMO_EMAIL, password: DEMO_PASSWORD } });
  if (login.status !== 200) fail("sign in", login);
  const token = login.json.access_token;
  const widget = await api(edgeUrl, "/api/v1/widget", {
    method: "PUT",
    token,
    body: { settings: { assistant_name: "Maya", greeting: "Hi, I'm Maya. What would you like to work on today?" }, allowed_origins: demoOrigins },
  });
  if (widget.status !== 200) fail("widget settings", widget);
  return { publicKey: widget.json.public_key, created: registered.status === 201 };
}
