// A creator with more members than one D1 query may name (D1 binds at most 100 parameters per query),
// on more plans than one query may name too (plans re-priced over the years stay behind their members):
// the members list and its CSV export still name every member and plan — read in slices, not in one
// query that D1 refuses.
import type { MembersPage } from "@coach/contracts/billing";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";

const MEMBERS = 150;
let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
  const gateway = forTenant(env.DB, workspace.tenantId);
  for (let i = 0; i < MEMBERS; i++) {
    const plan = await gateway.insert("billingPlans", {
      id: crypto.randomUUID(),
      name: `Coaching club ${i}`,
      kind: "paid",
      priceMinor: 1900,
      currency: "usd",
      interval: "month",
    });
    const contact = await gateway.insert("contacts", {
      id: crypto.randomUUID(),
      channel: "web",
      externalId: `member-${i}`,
      displayName: `Member ${i}`,
    });
    await gateway.insert("billingSubscriptions", {
      id: `sub_${i}`,
      contactId: contact.id,
      planId: plan.id,
      stripeCustomerId: `cus_${i}`,
      status: "active",
      currentPeriodEnd: Date.now() + 30 * 86_400_000,
      amountMinor: 1900,
    });
  }
});

describe("members past one D1 query", () => {
  it("lists a page of 100 members, each by name and plan", async () => {
    const res = await call("/api/v1/billing/members?limit=100", {
      token: workspace.members.owner.token,
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as MembersPage;
    expect(page.members).toHaveLength(100);
    expect(page.members.every((m) => /^Member \d+$/.test(m.contact?.display_name ?? ""))).toBe(
      true,
    );
    expect(page.members.every((m) => /^Coaching club \d+$/.test(m.plan_name ?? ""))).toBe(true);
  });

  it("exports all of them as CSV, each with their name and plan", async () => {
    const res = await call("/api/v1/billing/members/export", {
      token: workspace.members.owner.token,
    });
    expect(res.status).toBe(200);
    const [, ...rows] = (await res.text()).trimEnd().split("\r\n");
    expect(rows).toHaveLength(MEMBERS);
    expect(rows.every((row) => /,Member \d+,[^,]+,Coaching club \d+,/.test(row))).toBe(true);
  });
});
