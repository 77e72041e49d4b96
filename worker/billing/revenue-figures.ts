// What a workspace's memberships add up to, as the revenue screen and its daily rows count them:
// monthly recurring revenue per currency (a yearly price counts a twelfth; trials and ended
// subscriptions count nothing), paying members, trials, failed payments and churn.
import type { MrrView } from "@coach/contracts/billing";
import type { SubscriptionRow } from "../db/billing-store";

/** Statuses that are paying now (a past-due member is still billed while Stripe retries). */
const PAYING = new Set(["active", "past_due"]);
/** Statuses of a renewal whose payment failed. */
const FAILED = new Set(["past_due", "unpaid"]);

export type Figures = {
  mrr: MrrView[];
  activeMembers: number;
  trials: number;
  failedPayments: number;
};

/** What `subscriptions` add up to now: MRR per currency, paying members, trials, failed payments. */
export function figuresOf(subscriptions: SubscriptionRow[]): Figures {
  const mrr = new Map<string, number>();
  for (const sub of subscriptions) {
    if (!PAYING.has(sub.status)) continue;
    const monthly = sub.interval === "year" ? sub.amountMinor / 12 : sub.amountMinor;
    mrr.set(sub.currency, (mrr.get(sub.currency) ?? 0) + monthly);
  }
  const count = (test: (s: SubscriptionRow) => boolean) => subscriptions.filter(test).length;
  return {
    mrr: [...mrr].map(([currency, amount]) => ({ currency, amount_minor: Math.round(amount) })),
    activeMembers: count((s) => PAYING.has(s.status)),
    trials: count((s) => s.status === "trialing"),
    failedPayments: count((s) => FAILED.has(s.status)),
  };
}

/** Subscriptions that ended within [from, to). */
export function endedBetween(subscriptions: SubscriptionRow[], from: number, to: number): number {
  return subscriptions.filter(
    (s) =>
      s.status === "canceled" && s.canceledAt !== null && s.canceledAt >= from && s.canceledAt < to,
  ).length;
}
