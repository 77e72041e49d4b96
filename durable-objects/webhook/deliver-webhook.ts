// One attempt at delivering a webhook: checks the endpoint's URL again (its host may resolve elsewhere
// by now), signs the stored body with the endpoint's secret, POSTs it without following redirects, and
// records the outcome. A 2xx answer is delivered; anything else is retried with exponential back-off
// (6 attempts over about an hour), then given up as failed. An internal destination is refused and not
// retried. The log says only "refused: internal address" or "delivery failed" (with the status code of
// an HTTP answer): never the upstream's text or how a connection failed, which would tell a closed port
// from a silent one.
import { openSecrets } from "../../worker/channels/secret-box";
import { forTenant } from "../../worker/db/tenant-gateway";
import { recordAttempt, type WebhookDelivery } from "../../worker/db/webhook-store";
import { webhookUrlProblem } from "../../worker/integrations/webhook-url";
import {
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  signWebhook,
} from "../../worker/integrations/webhook-signature";

/** Waits after the 1st, 2nd, … failed attempt; a delivery gets one attempt more than there are waits. */
export const RETRY_DELAYS_MS = [30_000, 120_000, 480_000, 1_200_000, 1_800_000] as const;

const TIMEOUT_MS = 10_000;

/** What the delivery log says about a failed attempt; nothing more specific, by design. */
export const DELIVERY_ERRORS = {
  refused: "refused: internal address",
  failed: "delivery failed",
} as const;

/** The sealed form of an endpoint's signing secret (bound to the endpoint id). */
export type SealedSecret = { secret: string };

type Attempt = { statusCode: number | null; error: string | null; final: boolean };

async function post(
  env: Env,
  delivery: WebhookDelivery,
  raw: string,
  secret: string,
): Promise<Attempt> {
  const problem = await webhookUrlProblem(env, raw);
  if (problem)
    return {
      statusCode: null,
      error:
        problem.code === "webhook_url_internal" ? DELIVERY_ERRORS.refused : DELIVERY_ERRORS.failed,
      final: true,
    };
  try {
    // The URL as parsed and checked, not as stored: fetch must not read it any other way.
    const response = await fetch(new URL(raw).href, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "CoachWebhooks/1",
        [EVENT_HEADER]: delivery.event,
        [DELIVERY_HEADER]: delivery.id,
        [SIGNATURE_HEADER]: await signWebhook(secret, delivery.payload),
      },
      body: delivery.payload,
      // A redirect could point anywhere, internal addresses included: it is a failed delivery.
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.ok
      ? { statusCode: response.status, error: null, final: false }
      : { statusCode: response.status, error: DELIVERY_ERRORS.failed, final: false };
  } catch {
    return { statusCode: null, error: DELIVERY_ERRORS.failed, final: false };
  }
}

/** Attempts `delivery` once and records what happened. */
export async function deliverWebhook(
  env: Env,
  delivery: WebhookDelivery,
  now: number = Date.now(),
): Promise<void> {
  const endpoint = await forTenant(env.DB, delivery.tenantId).find(
    "webhookEndpoints",
    delivery.endpointId,
  );
  if (!endpoint) {
    await recordAttempt(env.DB, delivery, {
      status: "failed",
      statusCode: null,
      error: "The webhook was deleted.",
      nextAttemptAt: null,
    });
    return;
  }
  const { secret } = (await openSecrets(
    env.CHANNEL_SECRETS_KEY,
    endpoint.id,
    endpoint.secretEncrypted,
  )) as SealedSecret;
  const result = await post(env, delivery, endpoint.url, secret);
  if (result.error === null) {
    await recordAttempt(env.DB, delivery, {
      status: "delivered",
      statusCode: result.statusCode,
      error: null,
      nextAttemptAt: null,
    });
    return;
  }
  const wait = result.final ? undefined : RETRY_DELAYS_MS[delivery.attempts];
  await recordAttempt(env.DB, delivery, {
    status: wait === undefined ? "failed" : "pending",
    statusCode: result.statusCode,
    error: result.error,
    nextAttemptAt: wait === undefined ? null : now + wait,
  });
}
