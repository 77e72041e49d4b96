// Outgoing webhook events about memberships, decided by comparing the subscription as stored before
// with the one just read from Stripe, so a redelivered Stripe event (nothing changed) announces
// nothing twice, and a change the nightly reconciliation catches is announced like any other.
import type { SubscriptionRow } from "../db/billing-store";
import { emitEvent, type OutgoingEventType } from "../integrations/emit-event";

/** Statuses of a membership that has not ended (a failed payment is still a member in grace). */
const LIVE = new Set(["active", "trialing", "past_due"]);
/** Statuses of a renewal whose payment failed. */
const FAILED = new Set(["past_due", "unpaid"]);

type Status = Pick<SubscriptionRow, "status">;

/** The events the change from `before` (absent: first seen) to `after` makes, in that order. */
export function membershipEvents(before: Status | undefined, after: Status): OutgoingEventType[] {
  const was = before?.status ?? "none";
  const events: OutgoingEventType[] = [];
  if (!LIVE.has(was) && (after.status === "active" || after.status === "trialing"))
    events.push("member.subscribed");
  if (!FAILED.has(was) && FAILED.has(after.status)) events.push("member.payment_failed");
  if (was !== "canceled" && after.status === "canceled") events.push("member.cancelled");
  return events;
}

/** Queues the events of the change for the workspace's webhooks. */
export async function announceMembershipChange(
  env: Env,
  before: SubscriptionRow | undefined,
  after: Omit<SubscriptionRow, "createdAt" | "updatedAt">,
): Promise<void> {
  for (const type of membershipEvents(before, after))
    await emitEvent(env, after.tenantId, type, {
      subscription_id: after.id,
      contact_id: after.contactId,
      plan_id: after.planId,
      status: after.status,
      cancel_at_period_end: after.cancelAtPeriodEnd,
      current_period_end: new Date(after.currentPeriodEnd).toISOString(),
      amount_minor: after.amountMinor,
      currency: after.currency,
      interval: after.interval,
    });
}
