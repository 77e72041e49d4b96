// A contact's membership, recomputed from the subscription Stripe's API answers now, never from an
// event's copy: events arrive late, twice and out of order, and each only names what changed. The
// subscription's metadata (written when the edge made the Checkout Session) says whose it is.
import type Stripe from "stripe";
import { planById, saveSubscription, storedSubscription } from "../db/billing-store";
import { forTenant } from "../db/tenant-gateway";
import type { Logger } from "../lib/logger";

/** Seconds (Stripe) to milliseconds (the platform). */
const ms = (seconds: number | null | undefined) => (seconds ? seconds * 1000 : null);

/**
 * Reads subscription `id` from Stripe and stores it for its contact. A subscription the edge did not
 * start (no tenant, contact or plan in its metadata, or a plan of another workspace) is logged and
 * left alone.
 */
export async function syncSubscription(
  d1: D1Database,
  stripe: Stripe,
  id: string,
  logger: Logger,
): Promise<void> {
  const sub = await stripe.subscriptions.retrieve(id);
  const { tenant_id: tenantId, contact_id: contactId, plan_id: planId } = sub.metadata;
  const plan = tenantId && planId ? await planById(d1, tenantId, planId) : undefined;
  if (!tenantId || !contactId || !plan) {
    logger.warn("stripe subscription not started here; ignored", { subscription_id: id });
    return;
  }
  const stored = await storedSubscription(d1, sub.id);
  if (stored && stored.tenantId !== tenantId) {
    logger.error("stripe subscription changed workspace; ignored", { subscription_id: id });
    return;
  }
  // The cancellation an erasure made (worker/auth/gdpr/stripe-store.ts) reports back once the person's
  // rows are gone: an ended subscription of a contact that no longer exists is not stored again.
  if (
    !stored &&
    sub.status === "canceled" &&
    !(await forTenant(d1, tenantId).find("contacts", contactId))
  ) {
    logger.info("stripe subscription of an erased contact ended; not stored", {
      subscription_id: id,
    });
    return;
  }
  const item = sub.items.data[0];
  const now = Date.now();
  await saveSubscription(d1, {
    id: sub.id,
    tenantId,
    contactId,
    planId: plan.id,
    stripeCustomerId: typeof sub.customer === "string" ? sub.customer : sub.customer.id,
    status: sub.status,
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    // Since API version 2025-03-31 the period lives on the subscription's items.
    currentPeriodEnd: ms(item?.current_period_end) ?? now,
    trialEnd: ms(sub.trial_end),
    // The grace period runs from the first time the edge saw the payment fail.
    pastDueSince: sub.status === "past_due" ? (stored?.pastDueSince ?? now) : null,
    canceledAt: ms(sub.ended_at ?? sub.canceled_at),
    amountMinor: item?.price.unit_amount ?? 0,
    currency: item?.price.currency ?? "usd",
    interval: item?.price.recurring?.interval === "year" ? "year" : "month",
  });
  logger.info("membership recomputed", {
    subscription_id: sub.id,
    tenant_id: tenantId,
    status: sub.status,
    cancel_at_period_end: sub.cancel_at_period_end,
  });
}
