// What a subscription grants, read from its state as Stripe last answered it, and programs a plan
// reserves refusing people without that plan.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { GRACE_PERIOD_MS, grantsAccess } from "../../../worker/billing/entitlement";
import { assertProgramIncluded } from "../../../worker/billing/program-access";
import type { SubscriptionRow } from "../../../worker/db/billing-store";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { AppError } from "../../../worker/lib/errors";
import { seedWorkspace } from "../auth/helpers";

const NOW = Date.UTC(2026, 5, 15);
const DAY = 86_400_000;

function subscription(fields: Partial<SubscriptionRow>): SubscriptionRow {
  return {
    id: "sub_x",
    tenantId: "t",
    contactId: "c",
    planId: "p",
    stripeCustomerId: "cus_x",
    status: "active",
    cancelAtPeriodEnd: false,
    currentPeriodEnd: NOW + 10 * DAY,
    trialEnd: null,
    pastDueSince: null,
    canceledAt: null,
    amountMinor: 1900,
    currency: "usd",
    interval: "month",
    createdAt: NOW - 20 * DAY,
    updatedAt: NOW,
    ...fields,
  };
}

describe("what a subscription grants", () => {
  it("keeps a cancelled-at-period-end membership until the period ends, not after", () => {
    const cancelling = subscription({ cancelAtPeriodEnd: true, currentPeriodEnd: NOW + DAY });
    expect(grantsAccess(cancelling, NOW)).toBe(true);
    expect(grantsAccess(cancelling, NOW + DAY + 1)).toBe(false);
  });

  it("keeps access through the grace period after a failed payment, then stops", () => {
    const pastDue = subscription({ status: "past_due", pastDueSince: NOW });
    expect(grantsAccess(pastDue, NOW + GRACE_PERIOD_MS - 1)).toBe(true);
    expect(grantsAccess(pastDue, NOW + GRACE_PERIOD_MS)).toBe(false);
  });

  it("grants nothing once Stripe has ended or could not start the subscription", () => {
    for (const status of ["canceled", "unpaid", "incomplete", "incomplete_expired", "paused"])
      expect(grantsAccess(subscription({ status }), NOW)).toBe(false);
  });
});

describe("programs a plan reserves", () => {
  it("refuses enrolment without the plan (402 plan_required, with the upgrade link), and leaves other programs open", async () => {
    const { tenantId } = await seedWorkspace();
    await forTenant(env.DB, tenantId).insert("billingPlans", {
      id: crypto.randomUUID(),
      name: "Club",
      kind: "paid",
      includes: { programs: ["program-reserved"], channels: [] },
    });
    const refused = await assertProgramIncluded(
      env,
      tenantId,
      "program-reserved",
      "contact-1",
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 402, code: "plan_required" });
    expect(JSON.stringify((refused as AppError).details)).toContain("/api/v1/billing/upgrade/up1.");
    await expect(
      assertProgramIncluded(env, tenantId, "program-open", "contact-1"),
    ).resolves.toBeUndefined();
  });
});
