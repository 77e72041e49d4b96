// Posts one encrypted push message to a subscription's endpoint (RFC 8030 §5) with the VAPID
// authorization (RFC 8292) and reads the push service's answer: 201 accepted, 404/410 the
// subscription is gone for good, anything else a failure to log.
import { encryptPushPayload, ENCRYPTION_OVERHEAD } from "./push-encryption";
import { vapidAuthorization, type VapidKeys } from "./vapid";

/** Push services accept at most 4096 bytes of body (RFC 8030 §7.2); the payload must fit once sealed. */
export const MAX_PUSH_BODY_BYTES = 4096;
export const MAX_PLAINTEXT_BYTES = MAX_PUSH_BODY_BYTES - ENCRYPTION_OVERHEAD;

/** How long a push service keeps an undelivered message: a day; a coaching nudge is stale after that. */
const TTL_SECONDS = 24 * 60 * 60;

export type PushTarget = { endpoint: string; p256dh: string; auth: string };

export type PushOutcome =
  | { kind: "sent" }
  | { kind: "gone"; status: number }
  | { kind: "failed"; status: number | null; detail: string };

/** Sends `plaintext` (at most MAX_PLAINTEXT_BYTES) to the subscription. */
export async function sendPush(
  target: PushTarget,
  plaintext: Uint8Array,
  vapid: { keys: VapidKeys; subject: string },
  urgency: "normal" | "high" = "normal",
): Promise<PushOutcome> {
  if (plaintext.length > MAX_PLAINTEXT_BYTES)
    return { kind: "failed", status: null, detail: "payload too large" };
  const body = await encryptPushPayload(plaintext, target);
  let res: Response;
  try {
    res = await fetch(target.endpoint, {
      method: "POST",
      headers: {
        Authorization: await vapidAuthorization(vapid.keys, target.endpoint, vapid.subject),
        TTL: String(TTL_SECONDS),
        Urgency: urgency,
        "Content-Encoding": "aes128gcm",
        "Content-Type": "application/octet-stream",
      },
      body,
    });
  } catch (error) {
    return { kind: "failed", status: null, detail: String(error) };
  }
  // The body is never needed, but reading it frees the connection.
  const detail = (await res.text().catch(() => "")).slice(0, 200);
  if (res.status === 201 || res.status === 200 || res.status === 202) return { kind: "sent" };
  if (res.status === 404 || res.status === 410) return { kind: "gone", status: res.status };
  return { kind: "failed", status: res.status, detail };
}
