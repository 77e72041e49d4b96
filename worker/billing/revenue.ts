// The revenue screen's figures, from the memberships as last read from Stripe: monthly recurring
// revenue per currency (a yearly price counts a twelfth; trials and ended subscriptions count nothing),
// active members, trials, churn over the last 30 days and failed payments, and the members themselves.
import type { MemberView, RevenueView } from "@coach/contracts/billing";
import { desc } from "drizzle-orm";
import type { TenantGateway } from "../db/tenant-gateway";

const CHURN_WINDOW_MS = 30 * 86_400_000;
/** Statuses that are paying now (a past-due member is still billed while Stripe retries). */
const PAYING = new Set(["active", "past_due"]);

/** The workspace's revenue at `now`. */
export async function revenueOf(
  gateway: TenantGateway,
  now: number = Date.now(),
): Promise<RevenueView> {
  const [subscriptions, plans, contacts] = await Promise.all([
    gateway.list("billingSubscriptions", { orderBy: (t) => [desc(t.updatedAt)] }),
    gateway.list("billingPlans"),
    gateway.list("contacts"),
  ]);
  const planNames = new Map(plans.map((p) => [p.id, p.name]));
  const names = new Map(contacts.map((c) => [c.id, c.displayName]));
  const mrr = new Map<string, number>();
  for (const sub of subscriptions) {
    if (!PAYING.has(sub.status)) continue;
    const monthly = sub.interval === "year" ? sub.amountMinor / 12 : sub.amountMinor;
    mrr.set(sub.currency, (mrr.get(sub.currency) ?? 0) + monthly);
  }
  const members: MemberView[] = subscriptions.map((sub) => ({
    subscription_id: sub.id,
    contact_id: sub.contactId,
    display_name: names.get(sub.contactId) ?? null,
    plan_id: sub.planId,
    plan_name: planNames.get(sub.planId) ?? null,
    status: sub.status,
    cancel_at_period_end: sub.cancelAtPeriodEnd,
    current_period_end: sub.currentPeriodEnd,
    amount_minor: sub.amountMinor,
    currency: sub.currency,
    interval: sub.interval,
    canceled_at: sub.canceledAt,
  }));
  const count = (test: (s: (typeof subscriptions)[number]) => boolean) =>
    subscriptions.filter(test).length;
  return {
    mrr: [...mrr].map(([currency, amount]) => ({ currency, amount_minor: Math.round(amount) })),
    active_members: count((s) => PAYING.has(s.status)),
    trials: count((s) => s.status === "trialing"),
    churned_last_30_days: count(
      (s) =>
        s.status === "canceled" && s.canceledAt !== null && now - s.canceledAt <= CHURN_WINDOW_MS,
    ),
    failed_payments: count((s) => s.status === "past_due" || s.status === "unpaid"),
    members,
  };
}
