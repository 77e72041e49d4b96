// A contact's membership, recomputed from the subscription Stripe's API answers now, never from an
// event's copy: events arrive late, twice and out of order, and each only names what changed. The
// subscription's metadata (written when the edge made the Checkout Session) says whose it is. A change
// of state is announced to the workspace's outgoing webhooks (membership-events.ts).
import type Stripe from "stripe";
import {
  planById,
  storedSubscription,
  writeSubscription,
  type SubscriptionRow,
} from "../db/billing-store";
import { forTenant } from "../db/tenant-gateway";
import type { Logger } from "../lib/logger";
import { announceMembershipChange } from "./membership-events";

/** Seconds (Stripe) to milliseconds (the platform). */
const ms = (seconds: number | null | undefined) => (seconds ? seconds * 1000 : null);

/** Writers racing on one subscription give way this many times before the event is retried. */
const WRITE_ATTEMPTS = 3;

/** The row Stripe's subscription makes for its contact; `stored` keeps when a failed payment began. */
function rowOf(
  sub: Stripe.Subscription,
  owner: Pick<SubscriptionRow, "tenantId" | "contactId" | "planId">,
  stored: SubscriptionRow | undefined,
): Omit<SubscriptionRow, "createdAt" | "updatedAt"> {
  const item = sub.items.data[0];
  const now = Date.now();
  return {
    id: sub.id,
    ...owner,
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
  };
}

/**
 * Reads subscription `id` from Stripe and stores it for its contact; answers the workspace it belongs
 * to, or null when it was left alone (see `storeSubscription`).
 */
export async function syncSubscription(
  env: Env,
  stripe: Stripe,
  id: string,
  logger: Logger,
): Promise<string | null> {
  return storeSubscription(env, await stripe.subscriptions.retrieve(id), logger);
}

/**
 * Stores `sub`, as Stripe's API just answered it, for its contact; answers its workspace. A
 * subscription the edge did not start (no tenant, contact or plan in its metadata, or a plan of
 * another workspace) is logged and left alone (null).
 */
export async function storeSubscription(
  env: Env,
  sub: Stripe.Subscription,
  logger: Logger,
): Promise<string | null> {
  const d1 = env.DB;
  const id = sub.id;
  const { tenant_id: tenantId, contact_id: contactId, plan_id: planId } = sub.metadata;
  const plan = tenantId && planId ? await planById(d1, tenantId, planId) : undefined;
  if (!tenantId || !contactId || !plan) {
    logger.warn("stripe subscription not started here; ignored", { subscription_id: id });
    return null;
  }
  // Two events about one subscription may be handled at once: each write is guarded by the row it
  // read, so only one of them announces a change; the other reads again and finds none.
  for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
    const stored = await storedSubscription(d1, sub.id);
    if (stored && stored.tenantId !== tenantId) {
      logger.error("stripe subscription changed workspace; ignored", { subscription_id: id });
      return null;
    }
    // The cancellation an erasure made (worker/auth/gdpr/stripe-store.ts) reports back once the
    // person's rows are gone: an ended subscription of a contact that no longer exists is not stored.
    if (
      !stored &&
      sub.status === "canceled" &&
      !(await forTenant(d1, tenantId).find("contacts", contactId))
    ) {
      logger.info("stripe subscription of an erased contact ended; not stored", {
        subscription_id: id,
      });
      return null;
    }
    const row = rowOf(sub, { tenantId, contactId, planId: plan.id }, stored);
    if (!(await writeSubscription(d1, row, stored))) continue;
    await announceMembershipChange(env, stored, row);
    logger.info("membership recomputed", {
      subscription_id: sub.id,
      tenant_id: tenantId,
      status: sub.status,
      cancel_at_period_end: sub.cancel_at_period_end,
    });
    return tenantId;
  }
  throw new Error(`subscription ${id} kept changing while it was stored`);
}
