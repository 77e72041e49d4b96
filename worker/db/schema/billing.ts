// Memberships a creator sells: the plans, each contact's subscription as last read from
// Stripe's API, the answers each contact used per month, and the Stripe events already handled.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type Stripe from "stripe";
import { contactId, insertedAt, status, timestamps, updatedAt } from "./columns";
import { tenantTable } from "./tenants";

/** What a plan includes; an empty list includes every program (or channel). */
export type PlanIncludes = { programs: string[]; channels: string[] };

/**
 * A plan of a creator's: free (a monthly message allowance, no price) or paid (a Stripe Price, monthly
 * or yearly). A null `monthly_messages` is unlimited. A price change makes a new Stripe Price and
 * archives the old one, so `stripe_price_id` is always the one new checkouts use.
 */
export const billingPlans = tenantTable(
  "billing_plans",
  {
    name: text("name").notNull(),
    kind: text("kind", { enum: ["free", "paid"] }).notNull(),
    monthlyMessages: integer("monthly_messages"),
    priceMinor: integer("price_minor"),
    currency: text("currency"),
    interval: text("interval", { enum: ["month", "year"] }),
    trialDays: integer("trial_days").notNull().default(0),
    includes: text("includes", { mode: "json" })
      .$type<PlanIncludes>()
      .notNull()
      .default({ programs: [], channels: [] }),
    stripeProductId: text("stripe_product_id"),
    stripePriceId: text("stripe_price_id"),
    archivedAt: integer("archived_at"),
    ...timestamps(),
  },
  (t) => [index("billing_plans_tenant").on(t.tenantId, t.archivedAt)],
);

/**
 * A contact's subscription (`id` is Stripe's `sub_…`), rewritten from the subscription Stripe's API
 * answers whenever an event names it. `contact_id` is the person's canonical contact, so a linked
 * contact carries the plan to their other channels. `past_due_since` starts the grace period.
 */
export const billingSubscriptions = tenantTable(
  "billing_subscriptions",
  {
    contactId: contactId(),
    planId: text("plan_id").notNull(),
    stripeCustomerId: text("stripe_customer_id").notNull(),
    // Stripe's own word for it, so a misspelt status ("cancelled") fails to compile.
    status: text("status").notNull().$type<Stripe.Subscription.Status>(),
    cancelAtPeriodEnd: integer("cancel_at_period_end", { mode: "boolean" })
      .notNull()
      .default(false),
    currentPeriodEnd: integer("current_period_end").notNull(),
    trialEnd: integer("trial_end"),
    pastDueSince: integer("past_due_since"),
    canceledAt: integer("canceled_at"),
    amountMinor: integer("amount_minor").notNull().default(0),
    currency: text("currency").notNull().default("usd"),
    interval: text("interval", { enum: ["month", "year"] })
      .notNull()
      .default("month"),
    ...timestamps(),
  },
  (t) => [index("billing_subscriptions_contact").on(t.tenantId, t.contactId)],
);

/** Answers a contact was given in one UTC month (`YYYY-MM`); `id` is `<contact id>:<month>`. */
export const billingUsage = tenantTable("billing_usage", {
  contactId: contactId(),
  month: text("month").notNull(),
  answers: integer("answers").notNull().default(0),
});

/**
 * The creator's own Stripe account (Connect Express; `id` is the tenant id), where members' payments
 * go. `status` as Stripe last reported it: pending (onboarding not finished), active (charges and
 * payouts enabled) or restricted (Stripe's `requirements.disabled_reason` in `restricted_reason`).
 */
export const billingAccounts = tenantTable("billing_accounts", {
  stripeAccountId: text("stripe_account_id").notNull().unique(),
  status: status(["pending", "active", "restricted"], "pending"),
  restrictedReason: text("restricted_reason"),
  updatedAt: updatedAt(),
});

/** Stripe events already handled, by Stripe's event id: a redelivery is acknowledged and skipped. */
export const stripeEvents = sqliteTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  receivedAt: insertedAt("received_at"),
});
