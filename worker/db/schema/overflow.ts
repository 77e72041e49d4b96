// A workspace's overflow to Workers AI (contracts/src/overflow.ts); no row means overflow off.
import { integer, text } from "drizzle-orm/sqlite-core";
import { updatedAt } from "./columns";
import { tenantTable } from "./tenants";

/** One row per workspace (`id` is the tenant id). The budget is counted by its BridgePool, per UTC day. */
export const overflowSettings = tenantTable("overflow_settings", {
  enabled: integer("enabled", { mode: "boolean" }).notNull(),
  model: text("model").notNull(),
  maxWaitMs: integer("max_wait_ms").notNull(),
  dailyAnswerBudget: integer("daily_answer_budget").notNull(),
  updatedBy: text("updated_by"),
  updatedAt: updatedAt(),
});
