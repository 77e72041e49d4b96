// Proactive messages of a paid program stop when the member's membership lapses: the step is recorded
// as skipped with the reason (the creator sees why), nothing reaches the person, and the step goes out
// once they pay again. A creator who chose `proactive_for_lapsed: "continue"` keeps them coming.
import type { EnrollmentView } from "@coach/contracts/programs";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { checkoutUrl } from "../../../worker/billing/checkout";
import { createPlan } from "../../../worker/billing/plans";
import type { PlanRow } from "../../../worker/db/billing-store";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { MEMBERSHIP_RECHECK_MS } from "../../../durable-objects/coaching/membership-hold";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { createProgram, enroll, runAt, seedWebContact } from "../programs/program-helpers";
import { deliver, standIn, stripe, type StripeEventLike } from "./billing-helpers";

/** The next 12:00 UTC: after the real clock, and outside the default quiet hours. */
const NOON = Math.ceil((Date.now() - 12 * 3_600_000) / 86_400_000) * 86_400_000 + 12 * 3_600_000;

let workspace: SeededWorkspace;
let plan: PlanRow;
let programId: string;

beforeAll(async () => {
  workspace = await seedWorkspace();
  programId = (await createProgram(workspace)).id;
  plan = await createPlan(forTenant(env.DB, workspace.tenantId), stripe, {
    kind: "paid",
    name: "Run club",
    monthly_messages: null,
    price_minor: 1200,
    currency: "eur",
    interval: "month",
    trial_days: 0,
    includes: { programs: [programId], channels: [] },
  });
});

/** The person pays through the stand-in's Checkout; answers the subscription's id. */
async function pay(contactId: string): Promise<string> {
  const url = await checkoutUrl(stripe(), env, {
    tenantId: workspace.tenantId,
    contactId,
    plan,
    returnUrl: "http://edge.test/api/v1/billing/return",
  });
  const checkoutId = /\/c\/pay\/(cs_\w+)/.exec(url)?.[1];
  const paid = await standIn<{ subscription: string; events: StripeEventLike[] }>(
    `/__checkout/${checkoutId}/complete`,
  );
  for (const event of paid.events) expect((await deliver(event)).status).toBe(200);
  return paid.subscription;
}

/** Stripe cancels the subscription now, and its deletion event arrives. */
async function lapse(subscriptionId: string): Promise<void> {
  await stripe().subscriptions.cancel(subscriptionId);
  const { data } = await standIn<{ data: StripeEventLike[] }>("/__events", "GET");
  const deleted = data.filter(
    (e) => e.type === "customer.subscription.deleted" && e.data.object.id === subscriptionId,
  );
  for (const event of deleted) expect((await deliver(event)).status).toBe(200);
}

async function enrollment(id: string): Promise<EnrollmentView> {
  const res = await call(`/api/v1/enrollments/${id}`, { token: workspace.members.owner.token });
  return (await res.json()) as EnrollmentView;
}

/** A member of the plan whose membership lapsed, enrolled in its program; answers the enrolment. */
async function lapsedMember(): Promise<{ contactId: string; enrollmentId: string }> {
  const { contactId } = await seedWebContact(workspace.tenantId);
  await lapse(await pay(contactId));
  return { contactId, enrollmentId: await enroll(workspace, programId, contactId) };
}

const sent = (view: EnrollmentView) => (view.history ?? []).filter((e) => e.event === "sent");

describe("a lapsed member's paid program", () => {
  it("skips the step with the reason, sends nothing, and sends it once they pay again", async () => {
    const { contactId, enrollmentId } = await lapsedMember();
    const start = NOON;
    await runAt(workspace.tenantId, contactId, start);
    await runAt(workspace.tenantId, contactId, start + MEMBERSHIP_RECHECK_MS);
    const held = await enrollment(enrollmentId);
    expect(held.status).toBe("active");
    expect(sent(held)).toEqual([]);
    // Recorded once, however often the step looks again.
    expect((held.history ?? []).filter((e) => e.event === "skipped")).toEqual([
      expect.objectContaining({ node_id: "hello", detail: { reason: "membership_lapsed" } }),
    ]);

    await pay(contactId);
    await runAt(workspace.tenantId, contactId, start + 2 * MEMBERSHIP_RECHECK_MS);
    const resumed = await enrollment(enrollmentId);
    expect(sent(resumed)).toHaveLength(1);
    expect(resumed.status).toBe("completed");
  });

  it("keeps sending when the creator chose to continue for lapsed members", async () => {
    const settings = await call("/api/v1/billing/settings", {
      method: "PUT",
      token: workspace.members.admin.token,
      body: { proactive_for_lapsed: "continue" },
    });
    expect(settings.status).toBe(200);
    const { contactId, enrollmentId } = await lapsedMember();
    await runAt(workspace.tenantId, contactId, NOON);
    expect(sent(await enrollment(enrollmentId))).toHaveLength(1);
  });
});
