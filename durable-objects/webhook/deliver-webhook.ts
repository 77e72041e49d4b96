// One attempt at delivering a webhook: signs the stored body with the endpoint's secret, POSTs it, and
// records the outcome. A 2xx answer is delivered; anything else is retried with exponential back-off
// (6 attempts over about an hour), then given up as failed.
import { openSecrets } from "../../worker/channels/secret-box";
import { forTenant } from "../../worker/db/tenant-gateway";
import { recordAttempt, type WebhookDelivery } from "../../worker/db/webhook-store";
import { webhookUrlProblem } from "../../worker/integrations/webhook-url";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhook } from "../../worker/integrations/webhook-signature";

/** Waits after the 1st, 2nd, … failed attempt; a delivery gets one attempt more than there are waits. */
export const RETRY_DELAYS_MS = [30_000, 120_000, 480_000, 1_200_000, 1_800_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

const TIMEOUT_MS = 10_000;
const ERROR_CHARS = 300;

/** The sealed form of an endpoint's signing secret (bound to the endpoint id). */
export type SealedSecret = { secret: string };

async function post(env: Env, delivery: WebhookDelivery, url: string, secret: string): Promise<{ statusCode: number | null; error: string | null }> {
  const problem = webhookUrlProblem(env, url);
  if (problem) return { statusCode: null, error: problem };
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "CoachWebhooks/1",
        [EVENT_HEADER]: delivery.event,
        [DELIVERY_HEADER]: delivery.id,
        [SIGNATURE_HEADER]: await signWebhook(secret, delivery.payload),
      },
      body: delivery.payload,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text().catch(() => "");
    if (response.ok) return { statusCode: response.status, error: null };
    return { statusCode: response.status, error: `The endpoint answered ${response.status}${text ? `: ${text.slice(0, ERROR_CHARS)}` : "."}` };
  } catch (err) {
    const reason = err instanceof Error && err.name === "TimeoutError" ? `no answer within ${TIMEOUT_MS / 1000} s` : err instanceof Error ? err.message : String(err);
    return { statusCode: null, error: `The endpoint could not be reached: ${reason}`.slice(0, ERROR_CHARS) };
  }
}

/** Attempts `delivery` once and records what happened. */
export async function deliverWebhook(env: Env, delivery: WebhookDelivery, now: number = Date.now()): Promise<void> {
  const endpoint = await forTenant(env.DB, delivery.tenantId).find("webhookEndpoints", delivery.endpointId);
  if (!endpoint) {
    await recordAttempt(env.DB, delivery, { status: "failed", statusCode: null, error: "The webhook was deleted.", nextAttemptAt: null });
    return;
  }
  const { secret } = (await openSecrets(env.CHANNEL_SECRETS_KEY, endpoint.id, endpoint.secretEncrypted)) as SealedSecret;
  const result = await post(env, delivery, endpoint.url, secret);
  if (result.error === null) {
    await recordAttempt(env.DB, delivery, { status: "delivered", statusCode: result.statusCode, error: null, nextAttemptAt: null });
    return;
  }
  const wait = RETRY_DELAYS_MS[delivery.attempts];
  await recordAttempt(env.DB, delivery, {
    status: wait === undefined ? "failed" : "pending",
    statusCode: result.statusCode,
    error: result.error,
    nextAttemptAt: wait === undefined ? null : now + wait,
  });
}
