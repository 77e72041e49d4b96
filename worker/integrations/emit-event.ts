// Emits an outgoing webhook event: queues one delivery per subscribed endpoint of the workspace in D1
// and wakes the workspace's WebhookDispatcher, which sends, signs and retries. Callers fire and forget.
import { queueDeliveries, type WebhookEnvelope } from "../db/webhook-store";
import { dispatcherFor } from "../lib/webhook-dispatchers";
import { createLogger, describeError } from "../lib/logger";
import type { OutgoingEventType } from "./event-types";
import { workerConfig } from "../lib/config";

export type { OutgoingEventType } from "./event-types";

/** Builds the body every delivery of this event carries. */
export function eventEnvelope(
  tenantId: string,
  type: OutgoingEventType,
  data: Record<string, unknown>,
): WebhookEnvelope {
  return {
    id: `evt_${crypto.randomUUID()}`,
    type,
    created_at: new Date().toISOString(),
    tenant_id: tenantId,
    data,
  };
}

/**
 * Queues `type` with `data` for the workspace's subscribed webhooks. Never throws to the caller: a
 * failure to queue is logged, since no user-facing action should fail because a webhook could not.
 */
export async function emitEvent(
  env: Env,
  tenantId: string,
  type: OutgoingEventType,
  data: Record<string, unknown>,
): Promise<void> {
  try {
    const queued = await queueDeliveries(env.DB, eventEnvelope(tenantId, type, data));
    if (queued > 0) await dispatcherFor(env, tenantId).wake(tenantId);
  } catch (err) {
    createLogger(
      { component: "emit-event", tenant_id: tenantId },
      workerConfig(env).logLevel,
    ).error("webhook event not queued", { event: type, ...describeError(err) });
  }
}
