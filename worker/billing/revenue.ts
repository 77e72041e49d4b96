// The revenue screen's figures, from the memberships as last read from Stripe (revenue-figures.ts):
// MRR per currency, active members, trials, churn over the last 30 days and failed payments, and the
// same figures over time from the workspace's daily rows (revenue-days.ts).
import type { RevenueView } from "@coach/contracts/billing";
import type { TenantGateway } from "../db/tenant-gateway";
import { revenueSeries, type SeriesWindow } from "./revenue-days";
import { endedBetween, figuresOf } from "./revenue-figures";

const CHURN_WINDOW_MS = 30 * 86_400_000;

/** The workspace's revenue at `now`, with its series over `window`. */
export async function revenueOf(
  gateway: TenantGateway,
  window: SeriesWindow = { interval: "day", count: 30 },
  now: number = Date.now(),
): Promise<RevenueView> {
  const subscriptions = await gateway.list("billingSubscriptions");
  const figures = figuresOf(subscriptions);
  return {
    mrr: figures.mrr,
    active_members: figures.activeMembers,
    trials: figures.trials,
    churned_last_30_days: endedBetween(subscriptions, now - CHURN_WINDOW_MS, now + 1),
    failed_payments: figures.failedPayments,
    interval: window.interval,
    series: await revenueSeries(gateway, window, now),
  };
}
