// A stand-in for a browser's push service (Node, real HTTP), as strict as the real ones about what
// they check of an application server's request (RFC 8030, RFC 8292, RFC 8291), for the edge tests:
//   POST /push/:id   a push message. Unknown subscription 404, expired one 410 Gone; `TTL` missing or
//                    not a whole number 400; `Urgency` other than very-low/low/normal/high 400; no
//                    `Authorization: vapid t=…, k=…` 401; a JWT that is not ES256, not signed by `k`,
//                    for another `aud` than the endpoint's origin, expired, or valid more than 24 hours
//                    403; `k` other than the subscription's application server key 403; a body with
//                    another `Content-Encoding` than aes128gcm 400; over 4096 bytes 413; else 201
//                    Created with a `Location`, and the message is kept.
// Control, for the tests: `POST /__subscriptions` `{application_server_key}` → `{id, endpoint}`;
// `POST /__subscriptions/:id/expire`; `GET /__subscriptions/:id/messages` → what was accepted, each
// with its headers and its body as base64url.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { importJWK, jwtVerify } from "jose";

export type PushedMessage = {
  ttl: number;
  urgency: string | null;
  content_encoding: string | null;
  body: string;
};

type Subscription = { key: string; expired: boolean; messages: PushedMessage[] };

const MAX_BODY_BYTES = 4096;
const MAX_TOKEN_SECONDS = 24 * 60 * 60;
const URGENCIES = new Set(["very-low", "low", "normal", "high"]);

function answer(res: ServerResponse, status: number, body?: unknown, headers = {}): void {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(body === undefined ? "" : JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** 401/403 with the reason, or null when the VAPID authorization is good for `origin` and `key`. */
async function vapidRefusal(
  header: string | undefined,
  origin: string,
  key: string,
): Promise<{ status: number; reason: string } | null> {
  const parts = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? "");
  if (!parts?.[1] || !parts[2]) return { status: 401, reason: "missing vapid authorization" };
  const [, token, k] = parts;
  if (k !== key) return { status: 403, reason: "k is not the subscription's key" };
  const point = Buffer.from(k, "base64url");
  if (point.length !== 65 || point[0] !== 4)
    return { status: 401, reason: "k is not a P-256 point" };
  try {
    const publicKey = await importJWK(
      {
        kty: "EC",
        crv: "P-256",
        x: point.subarray(1, 33).toString("base64url"),
        y: point.subarray(33).toString("base64url"),
      },
      "ES256",
    );
    const { payload } = await jwtVerify(token, publicKey, {
      algorithms: ["ES256"],
      audience: origin,
      requiredClaims: ["exp", "aud"],
    });
    if ((payload.exp ?? 0) - Date.now() / 1000 > MAX_TOKEN_SECONDS)
      return { status: 403, reason: "exp more than 24 hours ahead" };
    return null;
  } catch (error) {
    return { status: 403, reason: `jwt refused: ${String(error)}` };
  }
}

async function push(
  req: IncomingMessage,
  res: ServerResponse,
  subscription: Subscription | undefined,
  origin: string,
  id: string,
): Promise<void> {
  const body = await readBody(req);
  if (!subscription) return answer(res, 404, { reason: "no such subscription" });
  if (subscription.expired) return answer(res, 410, { reason: "subscription expired" });
  const ttl = req.headers.ttl;
  if (typeof ttl !== "string" || !/^\d+$/.test(ttl)) return answer(res, 400, { reason: "TTL" });
  const urgency = req.headers.urgency;
  if (typeof urgency === "string" && !URGENCIES.has(urgency))
    return answer(res, 400, { reason: "Urgency" });
  const refusal = await vapidRefusal(req.headers.authorization, origin, subscription.key);
  if (refusal) return answer(res, refusal.status, { reason: refusal.reason });
  const encoding = req.headers["content-encoding"] ?? null;
  if (body.length > 0 && encoding !== "aes128gcm")
    return answer(res, 400, { reason: "Content-Encoding must be aes128gcm" });
  if (body.length > MAX_BODY_BYTES) return answer(res, 413, { reason: "payload too large" });
  subscription.messages.push({
    ttl: Number(ttl),
    urgency: typeof urgency === "string" ? urgency : null,
    content_encoding: encoding,
    body: body.toString("base64url"),
  });
  answer(res, 201, undefined, {
    Location: `${origin}/message/${id}-${subscription.messages.length}`,
  });
}

/** Starts the stand-in on `port` (127.0.0.1); resolves to a function that stops it. */
export async function startPushStandIn(port: number): Promise<() => Promise<void>> {
  const subscriptions = new Map<string, Subscription>();
  const origin = `http://127.0.0.1:${port}`;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", origin).pathname;
    const pushed = /^\/push\/([\w-]+)$/.exec(path);
    if (req.method === "POST" && pushed?.[1]) {
      const id = pushed[1];
      void push(req, res, subscriptions.get(id), origin, id);
      return;
    }
    void (async () => {
      if (req.method === "POST" && path === "/__subscriptions") {
        const { application_server_key } = JSON.parse((await readBody(req)).toString()) as {
          application_server_key: string;
        };
        const id = crypto.randomUUID();
        subscriptions.set(id, { key: application_server_key, expired: false, messages: [] });
        return answer(res, 201, { id, endpoint: `${origin}/push/${id}` });
      }
      const control = /^\/__subscriptions\/([\w-]+)\/(expire|messages)$/.exec(path);
      const subscription = control?.[1] ? subscriptions.get(control[1]) : undefined;
      if (!subscription) return answer(res, 404, { reason: "no such subscription" });
      if (req.method === "POST" && control?.[2] === "expire") {
        subscription.expired = true;
        return answer(res, 204);
      }
      return answer(res, 200, subscription.messages);
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
