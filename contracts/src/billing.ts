/**
 * Memberships a creator sells (`/api/v1/billing/…`, the widget's upgrade panel): plans — free with a
 * monthly message allowance, or paid monthly or yearly through Stripe — and what each includes.
 * Prices are in the currency's minor unit (cents), as Stripe takes them.
 */
import { z } from "zod";

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
};

/** One member as the revenue screen lists them. */
export type MemberView = {
  subscription_id: string;
  contact_id: string;
  display_name: string | null;
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

/** The revenue screen: figures now, and the members behind them. */
export type RevenueView = {
  /** Monthly recurring revenue per currency (yearly plans count a twelfth), paying members only. */
  mrr: { currency: string; amount_minor: number }[];
  active_members: number;
  trials: number;
  /** Members whose subscription ended in the last 30 days. */
  churned_last_30_days: number;
  /** Members whose renewal payment failed and who are in their grace period or past it. */
  failed_payments: number;
  members: MemberView[];
};

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
