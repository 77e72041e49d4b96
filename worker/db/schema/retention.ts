// How long a workspace keeps each kind of data (contracts/src/retention.ts); no row means the defaults.
import { integer, text } from "drizzle-orm/sqlite-core";
import { updatedAt } from "./columns";
import { tenantTable } from "./tenants";

/** One row per workspace (`id` is the tenant id). A null number of days keeps that kind forever. */
export const retentionPolicies = tenantTable("retention_policies", {
  conversationsDays: integer("conversations_days"),
  originalsDays: integer("originals_days"),
  auditDays: integer("audit_days"),
  webhookDeliveriesDays: integer("webhook_deliveries_days"),
  gapsDays: integer("gaps_days"),
  updatedBy: text("updated_by"),
  updatedAt: updatedAt(),
});
