// A workspace's own billing state: the creator's membership settings, and what the workspace
// used of its platform plan's quotas each month (the plan itself is deployment configuration).
import { integer, text } from "drizzle-orm/sqlite-core";
import { updatedAt } from "./columns";
import { tenantTable } from "./tenants";

/**
 * One row per workspace (`id` is the tenant id); no row means the defaults. `proactive_for_lapsed`:
 * whether a member whose paid membership lapsed still gets a paid program's proactive messages.
 */
export const billingSettings = tenantTable("billing_settings", {
  proactiveForLapsed: text("proactive_for_lapsed", { enum: ["stop", "continue"] })
    .notNull()
    .default("stop"),
  updatedAt: updatedAt(),
});

/**
 * Answers the workspace gave in one UTC month (`YYYY-MM`), counted against its platform plan; `id` is
 * `<tenant id>:<month>`. `refused_at`: the first answer refused that month for the quota, the flag the
 * creator sees.
 */
export const workspaceUsage = tenantTable("workspace_usage", {
  month: text("month").notNull(),
  answers: integer("answers").notNull().default(0),
  refusedAt: integer("refused_at"),
});
