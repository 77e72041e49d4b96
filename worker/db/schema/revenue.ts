// The revenue screen's history: one row per workspace and UTC day with the figures of that
// day's end, rewritten whenever a membership changes (Stripe's webhooks) and by the nightly
// reconciliation, so the series over time comes from what was true then, not from today's rows.
import { integer, text } from "drizzle-orm/sqlite-core";
import { updatedAt } from "./columns";
import { dailyTenantTable } from "./tenants";

/** Monthly recurring revenue in one currency, in its minor unit. */
export type MrrAmount = { currency: string; amount_minor: number };

/**
 * A workspace's revenue on `day` (`YYYY-MM-DD`, UTC; `id` is `<tenant id>:<day>`): MRR per currency,
 * paying and trialing members, members whose subscription ended that day, and members whose renewal
 * payment failed (past due or unpaid) at the time of writing.
 */
export const revenueDays = dailyTenantTable("revenue_days", {
  day: text("day").notNull(),
  mrr: text("mrr", { mode: "json" }).$type<MrrAmount[]>().notNull().default([]),
  activeMembers: integer("active_members").notNull().default(0),
  trials: integer("trials").notNull().default(0),
  churned: integer("churned").notNull().default(0),
  failedPayments: integer("failed_payments").notNull().default(0),
  updatedAt: updatedAt(),
});
