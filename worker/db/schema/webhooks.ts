// Outgoing webhooks: the endpoints a creator registered and the delivery log their dispatcher works.
import { index, integer, text } from "drizzle-orm/sqlite-core";
import { createdAt, createdBy, status } from "./columns";
import { creationOrderIndex, indexedTenantTable, tenantTable } from "./tenants";

/** An outgoing webhook a creator registered: where to POST which events; the signing secret sealed. */
export const webhookEndpoints = indexedTenantTable("webhook_endpoints", {
  url: text("url").notNull(),
  events: text("events", { mode: "json" }).$type<string[]>().notNull(),
  description: text("description"),
  secretEncrypted: text("secret_encrypted").notNull(),
  createdBy: createdBy(),
  createdAt: createdAt(),
});

/** One event to one endpoint: the delivery log, and the queue the tenant's WebhookDispatcher works. */
export const webhookDeliveries = tenantTable(
  "webhook_deliveries",
  {
    endpointId: text("endpoint_id").notNull(),
    event: text("event").notNull(),
    payload: text("payload").notNull(),
    status: status(["pending", "delivered", "failed"], "pending"),
    attempts: integer("attempts").notNull().default(0),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    nextAttemptAt: integer("next_attempt_at"),
    deliveredAt: integer("delivered_at"),
    createdAt: createdAt(),
  },
  (t) => [
    creationOrderIndex("webhook_deliveries_endpoint", t, t.endpointId),
    index("webhook_deliveries_due").on(t.tenantId, t.status, t.nextAttemptAt),
  ],
);
