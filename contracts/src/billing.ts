/**
 * Memberships a creator sells (`/api/v1/billing/…`, the widget's upgrade panel): plans — free with a
 * monthly message allowance, or paid monthly or yearly through Stripe — and what each includes.
 * Prices are in the currency's minor unit (cents), as Stripe takes them.
 */
import { z } from "zod";
import type { PersonView } from "./person-view";

const includes = z
  .object({
    /** Programs only members of this plan may join; empty: none is reserved to it. */
    programs: z.array(z.string().min(1).max(64)).max(100).default([]),
    /** Channels the plan covers; empty: every channel. */
    channels: z
      .array(z.enum(["web", "telegram", "whatsapp"]))
      .max(3)
      .default([]),
  })
  .strict();

/** Answers a month; null: unlimited. */
const monthlyMessages = z.number().int().min(0).max(1_000_000).nullable();

export const PlanCreateSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("free"),
      name: z.string().trim().min(1).max(80),
      monthly_messages: monthlyMessages,
      includes: includes.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal("paid"),
      name: z.string().trim().min(1).max(80),
      monthly_messages: monthlyMessages.default(null),
      /** In the currency's minor unit: 1900 is 19.00. At least 50 (Stripe's smallest charge in USD). */
      price_minor: z.number().int().min(50).max(99_999_999),
      currency: z
        .string()
        .regex(/^[a-zA-Z]{3}$/, { error: "a three-letter ISO currency code, e.g. usd" })
        .transform((c) => c.toLowerCase()),
      interval: z.enum(["month", "year"]),
      trial_days: z.number().int().min(0).max(730).default(0),
      includes: includes.optional(),
    })
    .strict(),
]);
export type PlanCreate = z.input<typeof PlanCreateSchema>;

/** A change to a plan; a new price (or interval) makes a new Stripe Price and archives the old one. */
export const PlanUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(80).optional(),
    monthly_messages: monthlyMessages.optional(),
    price_minor: z.number().int().min(50).max(99_999_999).optional(),
    interval: z.enum(["month", "year"]).optional(),
    trial_days: z.number().int().min(0).max(730).optional(),
    includes: includes.optional(),
  })
  .strict();
export type PlanUpdate = z.input<typeof PlanUpdateSchema>;

export type PlanView = {
  id: string;
  kind: "free" | "paid";
  name: string;
  monthly_messages: number | null;
  price_minor: number | null;
  currency: string | null;
  interval: "month" | "year" | null;
  trial_days: number;
  includes: { programs: string[]; channels: string[] };
  stripe_price_id: string | null;
  archived_at: number | null;
  created_at: number;
};

/** What the widget's upgrade panel asks for: a Checkout link for one plan. */
export const WidgetCheckoutSchema = z.object({ plan_id: z.string().min(1).max(64) }).strict();

/** Where the visitor pays or manages their membership (a Stripe-hosted page). */
export type BillingLinkView = { url: string };

/** The visitor's membership as the widget's panel shows it. */
export type WidgetMembershipView = {
  plans: PlanView[];
  current: {
    plan_id: string;
    status: string;
    cancel_at_period_end: boolean;
    current_period_end: number;
  } | null;
  /**
   * The answers the visitor's plan leaves them this UTC month; null when the workspace meters nothing
   * (no plan in force). `remaining` and `monthly_messages` are null for an unlimited plan.
   */
  allowance: {
    plan_id: string;
    monthly_messages: number | null;
    used: number;
    remaining: number | null;
    /** When the count starts again: the first instant of next month, UTC (Unix milliseconds). */
    resets_at: number;
  } | null;
};

/** One member as the revenue screen lists them. */
export type MemberView = {
  subscription_id: string;
  contact_id: string;
  display_name: string | null;
  /** Who the member is, as far as they are known. */
  contact: PersonView | null;
  /** When the subscription began. */
  member_since: number;
  plan_id: string;
  plan_name: string | null;
  /** Stripe's status: active, trialing, past_due, canceled, unpaid, … */
  status: string;
  cancel_at_period_end: boolean;
  current_period_end: number;
  amount_minor: number;
  currency: string;
  interval: "month" | "year";
  canceled_at: number | null;
};

/** Monthly recurring revenue in one currency, in its minor unit. */
export type MrrView = { currency: string; amount_minor: number };

/** One day (`YYYY-MM-DD`) or month (`YYYY-MM`) of the revenue series, UTC. */
export type RevenuePoint = {
  period: string;
  /** At the period's end (or now, for the current one); yearly plans count a twelfth. */
  mrr: MrrView[];
  active_members: number;
  trials: number;
  /** Members whose subscription ended within the period. */
  churned: number;
  /** Members whose renewal payment had failed (past due or unpaid) at the period's end. */
  failed_payments: number;
};

/** The revenue screen: figures now, and the same figures over time. */
export type RevenueView = {
  /** Monthly recurring revenue per currency (yearly plans count a twelfth), paying members only. */
  mrr: MrrView[];
  active_members: number;
  trials: number;
  /** Members whose subscription ended in the last 30 days. */
  churned_last_30_days: number;
  /** Members whose renewal payment failed and who are in their grace period or past it. */
  failed_payments: number;
  interval: "day" | "month";
  /** Oldest first, one point per period of the window (zeros before the workspace sold anything). */
  series: RevenuePoint[];
};

/** `GET /billing/revenue`: a daily series over `days` (default 30), or a monthly one over `months`. */
export const RevenueQuerySchema = z.object({
  interval: z.enum(["day", "month"]).default("day"),
  days: z.coerce.number().int().min(1).max(366).default(30),
  months: z.coerce.number().int().min(1).max(36).default(12),
});

/** Which members a page or an export lists. */
export const MemberStatusFilter = z.enum([
  "all",
  "active",
  "trialing",
  "past_due",
  "canceled",
  "unpaid",
]);

/** `GET /billing/members`: newest change first, by offset. */
export const MembersQuerySchema = z.object({
  status: MemberStatusFilter.default("all"),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export type MembersPage = { members: MemberView[]; next_offset: number | null };

/** Starting or resuming the creator's Stripe onboarding; Stripe sends them back to `return_url`. */
export const ConnectStartSchema = z
  .object({ return_url: z.url({ protocol: /^https?$/, error: "an http(s) URL" }).max(2048) })
  .strict();

/** The creator's payout account: where members' payments go. */
export type ConnectView = {
  status: "not_started" | "pending" | "active" | "restricted";
  /** Stripe's `requirements.disabled_reason` while restricted, e.g. "requirements.past_due". */
  restricted_reason: string | null;
  stripe_account_id: string | null;
};
