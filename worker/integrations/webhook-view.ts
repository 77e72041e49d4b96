// An outgoing webhook as the API and the workspace export show it (its signing secret never leaves
// the sealed column), and one delivery of its log.
import type { TenantRow } from "../db/tenant-gateway";

/** The endpoint without its secret. */
export function toWebhookJson(row: TenantRow<"webhookEndpoints">) {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    created_at: row.createdAt,
  };
}

/** One delivery of an endpoint's log; `next_attempt_at` only while it is still to be tried. */
export function toDeliveryJson(row: TenantRow<"webhookDeliveries">) {
  return {
    id: row.id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    last_status_code: row.lastStatusCode,
    last_error: row.lastError,
    next_attempt_at: row.status === "pending" ? row.nextAttemptAt : null,
    delivered_at: row.deliveredAt,
    created_at: row.createdAt,
  };
}
