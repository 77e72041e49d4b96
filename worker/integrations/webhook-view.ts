// An outgoing webhook as the API and the workspace export show it; its signing secret never leaves
// the sealed column.
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
