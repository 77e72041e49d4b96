// The nightly reconciliation (a Cron Trigger, see wrangler.toml): every subscription on the platform's
// Stripe account is listed from Stripe's API (auto-pagination, 100 a page) and compared with the row
// the webhooks left; where they differ (an event that never arrived, or arrived and failed for good)
// the membership is recomputed from the listed subscription, as a webhook would have done, and
// announced. Members' subscriptions live on the platform's account — payments reach a creator's own
// account as destination charges (checkout.ts) — so one listing covers every workspace, connected or
// not. Then each workspace with memberships gets its figures of the day, so the series has a point
// per day even when nothing changed.
import type Stripe from "stripe";
import {
  storedSubscriptions,
  tenantsWithMemberships,
  type SubscriptionRow,
} from "../db/billing-store";
import { describeError, type Logger } from "../lib/logger";
import { stripeClient } from "../lib/stripe-client";
import { recordRevenueDay } from "./revenue-days";
import { storeSubscription } from "./subscription-sync";

/** Stripe's largest page. */
const PAGE = 100;

/** A run's counts: subscriptions listed, memberships corrected and not, workspaces given their day. */
const emptyReport = () => ({ listed: 0, corrected: 0, failed: 0, tenants: 0 });

export type ReconcileReport = ReturnType<typeof emptyReport>;

const ms = (seconds: number | null | undefined) => (seconds ? seconds * 1000 : null);

/** Whether the stored row says something else than Stripe's subscription now. */
export function differs(stored: SubscriptionRow | undefined, sub: Stripe.Subscription): boolean {
  if (!stored) return true;
  const item = sub.items.data[0];
  return (
    stored.status !== sub.status ||
    stored.cancelAtPeriodEnd !== sub.cancel_at_period_end ||
    stored.currentPeriodEnd !== (ms(item?.current_period_end) ?? stored.currentPeriodEnd) ||
    stored.canceledAt !== ms(sub.ended_at ?? sub.canceled_at) ||
    stored.amountMinor !== (item?.price.unit_amount ?? 0)
  );
}

/** Compares one page of Stripe's subscriptions with the stored rows and corrects the ones that differ. */
async function reconcilePage(
  env: Env,
  page: Stripe.Subscription[],
  logger: Logger,
  report: ReconcileReport,
): Promise<void> {
  const ours = page.filter((s) => s.metadata?.tenant_id);
  const stored = new Map(
    (
      await storedSubscriptions(
        env.DB,
        ours.map((s) => s.id),
      )
    ).map((r) => [r.id, r]),
  );
  for (const sub of ours) {
    if (!differs(stored.get(sub.id), sub)) continue;
    try {
      if (await storeSubscription(env, sub, logger)) {
        report.corrected++;
        logger.warn("membership corrected by reconciliation", {
          subscription_id: sub.id,
          stored_status: stored.get(sub.id)?.status ?? null,
          stripe_status: sub.status,
        });
      }
    } catch (error) {
      report.failed++;
      logger.error("membership not reconciled", {
        subscription_id: sub.id,
        ...describeError(error),
      });
    }
  }
}

/** Runs the reconciliation once; without STRIPE_SECRET_KEY memberships are off and nothing is read. */
export async function reconcileMemberships(env: Env, logger: Logger): Promise<ReconcileReport> {
  const report = emptyReport();
  if (!env.STRIPE_SECRET_KEY) {
    logger.info("reconciliation skipped: STRIPE_SECRET_KEY is not set");
    return report;
  }
  const started = Date.now();
  let page: Stripe.Subscription[] = [];
  for await (const sub of stripeClient(env).subscriptions.list({ status: "all", limit: PAGE })) {
    report.listed++;
    page.push(sub);
    if (page.length === PAGE) {
      await reconcilePage(env, page, logger, report);
      page = [];
    }
  }
  await reconcilePage(env, page, logger, report);
  const tenants = await tenantsWithMemberships(env.DB);
  for (const tenantId of tenants) await recordRevenueDay(env.DB, tenantId);
  report.tenants = tenants.length;
  logger.info("memberships reconciled", { ...report, duration_ms: Date.now() - started });
  return report;
}
