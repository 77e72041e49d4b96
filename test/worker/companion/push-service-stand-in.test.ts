// The push-service stand-in refuses what a real push service refuses (RFC 8030, RFC 8292), so the
// edge's push path cannot pass against it by luck: each rule is pinned against a request that is
// exactly right except for that one thing, and the right request itself is accepted with 201.
import { env } from "cloudflare:workers";
import { generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { encryptPushPayload } from "../../../worker/push/push-encryption";
import { vapidAuthorization, vapidKeys } from "../../../worker/push/vapid";
import { browserSubscriptionKeys } from "../../support/push-decrypt";

type Request = { headers: Record<string, string>; body: Uint8Array };

async function subscription(): Promise<{ id: string; endpoint: string }> {
  const res = await fetch(`${env.TEST_PUSH_SERVICE_URL}/__subscriptions`, {
    method: "POST",
    body: JSON.stringify({ application_server_key: env.VAPID_PUBLIC_KEY }),
  });
  return (await res.json()) as { id: string; endpoint: string };
}

/** A request the stand-in must accept: what the edge sends. */
async function rightRequest(endpoint: string, bytes = 100): Promise<Request> {
  const keys = await browserSubscriptionKeys();
  const vapid = await vapidKeys(env);
  if (!vapid) throw new Error("the test configuration sets VAPID keys");
  return {
    headers: {
      Authorization: await vapidAuthorization(vapid, endpoint, "https://coach.example"),
      TTL: "60",
      Urgency: "normal",
      "Content-Encoding": "aes128gcm",
    },
    body: await encryptPushPayload(new Uint8Array(bytes), keys),
  };
}

/** A VAPID header whose JWT has `claims`, signed by the deployment's key unless `foreignKey`. */
async function vapidWith(
  claims: { aud: string; exp: number },
  foreignKey = false,
): Promise<string> {
  const vapid = await vapidKeys(env);
  if (!vapid) throw new Error("the test configuration sets VAPID keys");
  const key = foreignKey ? (await generateKeyPair("ES256")).privateKey : vapid.signingKey;
  const jwt = await new SignJWT({ sub: "https://coach.example" })
    .setProtectedHeader({ alg: "ES256", typ: "JWT" })
    .setAudience(claims.aud)
    .setExpirationTime(claims.exp)
    .sign(key);
  return `vapid t=${jwt}, k=${vapid.publicKey}`;
}

function send(endpoint: string, request: Request): Promise<Response> {
  return fetch(endpoint, { method: "POST", headers: request.headers, body: request.body });
}

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe("the push-service stand-in", () => {
  it("accepts the edge's request with 201 Created and a Location", async () => {
    const { endpoint } = await subscription();
    const res = await send(endpoint, await rightRequest(endpoint));
    expect(res.status).toBe(201);
    expect(res.headers.get("Location")).toMatch(/\/message\//);
  });

  it.each([
    ["without TTL", 400, async (r: Request) => ({ ...r, headers: { ...r.headers, TTL: "" } })],
    [
      "without a VAPID authorization",
      401,
      async (r: Request) => ({ ...r, headers: { ...r.headers, Authorization: "WebPush abc" } }),
    ],
    [
      "with a JWT not signed by k",
      403,
      async (r: Request, origin: string) => ({
        ...r,
        headers: {
          ...r.headers,
          Authorization: await vapidWith({ aud: origin, exp: inAnHour() }, true),
        },
      }),
    ],
    [
      "with a JWT for another origin",
      403,
      async (r: Request) => ({
        ...r,
        headers: {
          ...r.headers,
          Authorization: await vapidWith({ aud: "https://fcm.googleapis.com", exp: inAnHour() }),
        },
      }),
    ],
    [
      "with a JWT valid for more than 24 hours",
      403,
      async (r: Request, origin: string) => ({
        ...r,
        headers: {
          ...r.headers,
          Authorization: await vapidWith({ aud: origin, exp: inAnHour() + 24 * 3600 }),
        },
      }),
    ],
    [
      "with an expired JWT",
      403,
      async (r: Request, origin: string) => ({
        ...r,
        headers: { ...r.headers, Authorization: await vapidWith({ aud: origin, exp: 1_000_000 }) },
      }),
    ],
    [
      "with another content coding",
      400,
      async (r: Request) => ({ ...r, headers: { ...r.headers, "Content-Encoding": "aesgcm" } }),
    ],
    [
      "over 4096 bytes",
      413,
      async (_r: Request, _o: string, endpoint: string) => rightRequest(endpoint, 4000),
    ],
  ])("refuses a message %s (%i)", async (_name, status, spoil) => {
    const { endpoint } = await subscription();
    const origin = new URL(endpoint).origin;
    const res = await send(endpoint, await spoil(await rightRequest(endpoint), origin, endpoint));
    expect(res.status).toBe(status);
  });

  it("answers 410 Gone for an expired subscription and 404 for an unknown one", async () => {
    const { id, endpoint } = await subscription();
    await fetch(`${env.TEST_PUSH_SERVICE_URL}/__subscriptions/${id}/expire`, { method: "POST" });
    expect((await send(endpoint, await rightRequest(endpoint))).status).toBe(410);
    const unknown = `${env.TEST_PUSH_SERVICE_URL}/push/${crypto.randomUUID()}`;
    expect((await send(unknown, await rightRequest(unknown))).status).toBe(404);
  });
});
