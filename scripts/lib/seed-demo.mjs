// Seeds the demo workspace through the edge's own API, idempotently: the demo creator's account
// (kept if it exists), a widget that the local demo page is allowed to embed, Maya's persona and a short
// guide of her method, so the local demo answers from material.

export const DEMO_EMAIL = "demo@coach.local";
// Local only; the dashboard shows how to change it.
export const DEMO_PASSWORD = "maya-demo-coach-2026";

async function api(edgeUrl, path, { method = "GET", token, body } = {}) {
  const headers = { "X-Request-Id": `seed-${Date.now()}` };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(`${edgeUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  return { status: res.status, json };
}

const DEMO_PERSONA = {
  name: "Maya",
  tagline: "Calm productivity coach",
  voice: "Calm, encouraging and concrete. Short paragraphs, one next step at a time.",
  tone: "warm, practical",
  formality: "casual",
  answer_length: "short",
  emoji: "sparing",
  methodology: {
    principles: ["Start smaller than feels useful.", "Track the anchor, not the outcome."],
    frameworks: [
      {
        name: "The Anchor Method",
        description: "Tie small habits to four fixed moments of the day.",
      },
    ],
    steps: [
      "Pick one anchor",
      "Shrink it to two minutes",
      "Hold it for fourteen days",
      "Add the next anchor",
    ],
  },
  always: ["End with one concrete next step."],
  never: ["Give medical advice."],
  fallback:
    "That isn't in my material yet. Ask me about anchors, focus, sleep or handling setbacks.",
  answer_mode: "strict",
};

const DEMO_GUIDE = `# The Anchor Method

Tie small habits to four moments that already happen every day.

## Morning anchor

Within ten minutes of waking, drink a glass of water and write down the one task that would make the day a success.

## Focus anchor

Before your first deep-work block, put the phone in another room. Work for fifty minutes, then take a ten-minute break.

## Evening anchor

Close the workday by writing three lines about what went well, then plan tomorrow's one task.

## Setbacks

Never miss twice: after a missed anchor, the only goal for the next day is to do it again, however small.`;

/** The demo widget's name and greeting (the browser tests theme the same widget on top of them). */
export const DEMO_WIDGET_SETTINGS = {
  assistant_name: "Maya",
  greeting: "Hi, I'm Maya. What would you like to work on today?",
};

function fail(step, res) {
  throw new Error(
    `Seeding the demo workspace failed at "${step}" (${res.status}): ${JSON.stringify(res.json?.error ?? res.json)}`,
  );
}

/** Makes sure the demo workspace exists; returns what the demo page needs. */
export async function seedDemo(edgeUrl, demoOrigins) {
  const credentials = { email: DEMO_EMAIL, password: DEMO_PASSWORD };
  let login = await api(edgeUrl, "/api/v1/auth/login", { method: "POST", body: credentials });
  if (login.status === 401) {
    // Sign-up answers 202 for every email; the new account is then signed in to.
    const registered = await api(edgeUrl, "/api/v1/auth/register", {
      method: "POST",
      body: { ...credentials, full_name: "Maya Demo" },
    });
    if (registered.status !== 202) fail("register", registered);
    login = await api(edgeUrl, "/api/v1/auth/login", { method: "POST", body: credentials });
  }
  if (login.status !== 200) fail("sign in", login);
  const token = login.json.access_token;
  const widget = await api(edgeUrl, "/api/v1/widget", {
    method: "PUT",
    token,
    body: {
      settings: DEMO_WIDGET_SETTINGS,
      allowed_origins: demoOrigins,
    },
  });
  if (widget.status !== 200) fail("widget settings", widget);
  const persona = await api(edgeUrl, "/api/v1/persona", { token });
  if (persona.status === 200 && persona.json.version === 0) {
    const saved = await api(edgeUrl, "/api/v1/persona", {
      method: "PUT",
      token,
      body: DEMO_PERSONA,
    });
    if (saved.status !== 200) fail("persona", saved);
  }
  const library = await api(edgeUrl, "/api/v1/knowledge/documents", { token });
  if (library.status === 200 && library.json.documents.length === 0) {
    const guide = await api(edgeUrl, "/api/v1/knowledge/documents", {
      method: "POST",
      token,
      body: { title: "The Anchor Method", text: DEMO_GUIDE },
    });
    if (guide.status !== 202) fail("demo document", guide);
  }
  return { publicKey: widget.json.public_key };
}
