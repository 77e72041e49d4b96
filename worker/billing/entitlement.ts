// What a person may have right now: the plan their membership grants, from the subscription as last
// read from Stripe. Active and trialing grant it (a cancellation at period end keeps it until the
// period ends); a failed payment keeps it through a grace period while Stripe retries the card;
// anything else (canceled, unpaid, incomplete) falls back to the workspace's free plan.
import {
  freePlan,
  planById,
  subscriptionsOf,
  type PlanRow,
  type SubscriptionRow,
} from "../db/billing-store";
import { canonicalContactId } from "../db/contact-links";

/** How long a member keeps access after a renewal payment fails (Stripe's Smart Retries run meanwhile). */
export const GRACE_PERIOD_MS = 7 * 86_400_000;

/** Whether `sub` grants its plan at `now`. */
export function grantsAccess(sub: SubscriptionRow, now: number): boolean {
  if (sub.status === "active" || sub.status === "trialing")
    return !sub.cancelAtPeriodEnd || sub.currentPeriodEnd > now;
  if (sub.status === "past_due")
    return sub.pastDueSince !== null && now < sub.pastDueSince + GRACE_PERIOD_MS;
  return false;
}

export type Entitlement = {
  /** The person's canonical contact: the one a membership is bought for. */
  contactId: string;
  /** The plan in force: a granted paid plan, else the free plan; null when the workspace sells nothing. */
  plan: PlanRow | null;
  subscription: SubscriptionRow | null;
};

/** The plan `contactId` (or the contact it is linked to) answers under at `now`. */
export async function entitlementOf(
  d1: D1Database,
  tenantId: string,
  contactId: string,
  now: number,
): Promise<Entitlement> {
  const canonical = await canonicalContactId(d1, tenantId, contactId);
  const granted = (await subscriptionsOf(d1, tenantId, canonical)).find((s) =>
    grantsAccess(s, now),
  );
  const plan = granted ? await planById(d1, tenantId, granted.planId) : undefined;
  if (granted && plan) return { contactId: canonical, plan, subscription: granted };
  return { contactId: canonical, plan: (await freePlan(d1, tenantId)) ?? null, subscription: null };
}
