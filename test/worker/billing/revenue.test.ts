// Revenue from memberships as a creator sees it: three people buy through the stand-in's Checkout and
// Stripe's signed webhooks (one pays, one starts a trial, one pays and cancels), and the figures now,
// the series per day and per month, the members list page by page, the CSV export, the outgoing
// webhook events (once each, however often Stripe redelivers) and the workspace export follow. The
// nightly reconciliation (the Worker's Cron Trigger) catches a change whose webhook never came.
import type { MembersPage, PlanView, RevenueView } from "@coach/contracts/billing";
import type { WorkspaceExport } from "@coach/contracts/workspace-export";
import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../../worker/index";
import { checkoutUrl } from "../../../worker/billing/checkout";
import { planById, storedSubscription } from "../../../worker/db/billing-store";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { call, errorOf } from "../auth/helpers";
import { seedDashboardWorkspace, type DashboardWorkspace } from "../conversations/inbox-helpers";
import { hookUrl, register } from "../integrations/webhook-helpers";
import { deliver, standIn, stripe, type StripeEventLike } from "./billing-helpers";

let workspace: DashboardWorkspace;
const owner = () => workspace.members.owner.token;
const people: Record<"ana" | "ben" | "cy", { contactId: string; subscriptionId: string }> = {
  ana: { contactId: "", subscriptionId: "" },
  ben: { contactId: "", subscriptionId: "" },
  cy: { contactId: "", subscriptionId: "" },
};

async function createPlan(body: object): Promise<PlanView> {
  const res = await call("/api/v1/billing/plans", { token: owner(), body });
  expect(res.status).toBe(201);
  return (await res.json()) as PlanView;
}

/** Stripe's events delivered as Stripe would: signed, and every one of them twice. */
async function deliverTwice(events: StripeEventLike[]): Promise<void> {
  for (const event of [...events, ...events]) expect((await deliver(event)).status).toBe(200);
}

/** `name` buys `plan` on the stand-in's hosted Checkout page; the webhooks arrive. */
async function buy(
  name: string,
  plan: PlanView,
): Promise<{ contactId: string; subscriptionId: string }> {
  const gateway = forTenant(env.DB, workspace.tenantId);
  const contact = await gateway.insert("contacts", {
    id: crypto.randomUUID(),
    channel: "web",
    externalId: crypto.randomUUID(),
    displayName: name,
  });
  const url = await checkoutUrl(stripe(), env, {
    tenantId: workspace.tenantId,
    contactId: contact.id,
    plan: (await planById(env.DB, workspace.tenantId, plan.id))!,
    returnUrl: "http://edge.test/api/v1/billing/return",
  });
  const paid = await standIn<{ subscription: string; events: StripeEventLike[] }>(
    `/__checkout/${/\/c\/pay\/(cs_\w+)/.exec(url)?.[1]}/complete`,
  );
  await deliverTwice(paid.events);
  return { contactId: contact.id, subscriptionId: paid.subscription };
}

/** The outgoing webhook events queued for the workspace so far, by type. */
async function announced(): Promise<Record<string, string[]>> {
  const deliveries = await forTenant(env.DB, workspace.tenantId).list("webhookDeliveries");
  const byType: Record<string, string[]> = {};
  for (const d of deliveries) {
    const { data } = JSON.parse(d.payload) as { data: { subscription_id: string } };
    (byType[d.event] ??= []).push(data.subscription_id);
  }
  return byType;
}

async function revenue(query = ""): Promise<RevenueView> {
  const res = await call(`/api/v1/billing/revenue${query}`, {
    token: workspace.members.viewer.token,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as RevenueView;
}

/** The Worker's Cron Trigger, as Cloudflare runs it. */
async function runNightly(): Promise<void> {
  const ctx = createExecutionContext();
  worker.scheduled(createScheduledController({ cron: "17 3 * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

beforeAll(async () => {
  workspace = await seedDashboardWorkspace();
  await register(
    workspace,
    ["member.subscribed", "member.payment_failed", "member.cancelled"],
    hookUrl("revenue"),
  );
  const club = await createPlan({
    kind: "paid",
    name: "Coaching club",
    price_minor: 1900,
    currency: "usd",
    interval: "month",
  });
  const trial = await createPlan({
    kind: "paid",
    name: "Try it first",
    price_minor: 900,
    currency: "usd",
    interval: "month",
    trial_days: 14,
  });
  people.ana = await buy("Ana", club);
  people.ben = await buy("Ben", trial);
  people.cy = await buy("Cy", club);
  // Cy cancels at once in the customer portal; Stripe ends the subscription and says so.
  await stripe().subscriptions.cancel(people.cy.subscriptionId);
  const { data } = await standIn<{ data: StripeEventLike[] }>("/__events", "GET");
  await deliverTwice(
    data.filter(
      (e) =>
        e.type === "customer.subscription.deleted" && e.data.object.id === people.cy.subscriptionId,
    ),
  );
});

describe("the revenue screen's figures", () => {
  it("counts the paying member's MRR, the trial and the churned member, now and today in the series", async () => {
    const view = await revenue("?days=7");
    expect(view).toMatchObject({
      mrr: [{ currency: "usd", amount_minor: 1900 }],
      active_members: 1,
      trials: 1,
      churned_last_30_days: 1,
      failed_payments: 0,
      interval: "day",
    });
    expect(view.series).toHaveLength(7);
    expect(view.series.at(-1)).toEqual({
      period: new Date().toISOString().slice(0, 10),
      mrr: [{ currency: "usd", amount_minor: 1900 }],
      active_members: 1,
      trials: 1,
      churned: 1,
      failed_payments: 0,
    });
    // Before anyone bought, the workspace earned nothing.
    expect(view.series[0]).toMatchObject({ mrr: [], active_members: 0, churned: 0 });

    const monthly = await revenue("?interval=month&months=3");
    expect(monthly.series.map((p) => p.period)).toHaveLength(3);
    expect(monthly.series.at(-1)).toMatchObject({
      period: new Date().toISOString().slice(0, 7),
      active_members: 1,
      churned: 1,
    });
  });

  it("announces each membership change to the outgoing webhooks once, though Stripe sent each event twice", async () => {
    const byType = await announced();
    expect(byType["member.subscribed"]?.sort()).toEqual(
      [people.ana.subscriptionId, people.ben.subscriptionId, people.cy.subscriptionId].sort(),
    );
    expect(byType["member.cancelled"]).toEqual([people.cy.subscriptionId]);
    expect(byType["member.payment_failed"]).toBeUndefined();
  });

  it("lists the members with plan and status, page by page and by status", async () => {
    const page = async (query: string) => {
      const res = await call(`/api/v1/billing/members${query}`, { token: owner() });
      expect(res.status).toBe(200);
      return (await res.json()) as MembersPage;
    };
    const first = await page("?limit=2");
    expect(first.members).toHaveLength(2);
    expect(first.next_offset).toBe(2);
    const second = await page("?limit=2&offset=2");
    expect(second.next_offset).toBeNull();
    const everyone = [...first.members, ...second.members];
    expect(everyone.map((m) => [m.display_name, m.plan_name, m.status]).sort()).toEqual([
      ["Ana", "Coaching club", "active"],
      ["Ben", "Try it first", "trialing"],
      ["Cy", "Coaching club", "canceled"],
    ]);
    for (const member of everyone) {
      expect(member.contact?.display_name).toBe(member.display_name);
      expect(member.contact?.channel).toBeDefined();
      expect(member.member_since).toBeGreaterThan(0);
    }
    const churned = await page("?status=canceled");
    expect(churned.members.map((m) => m.display_name)).toEqual(["Cy"]);

    const refused = await call("/api/v1/billing/members?limit=500", { token: owner() });
    expect(refused.status).toBe(400);
    expect((await errorOf(refused)).code).toBe("validation_failed");
  });

  it("exports the members as CSV", async () => {
    const res = await call("/api/v1/billing/members/export", { token: owner() });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="members-/);
    const [header, ...rows] = (await res.text()).trimEnd().split("\r\n");
    expect(header).toBe(
      "subscription_id,contact_id,name,plan_id,plan,status,cancel_at_period_end,amount_minor,currency,interval,current_period_end,canceled_at",
    );
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.includes(",Cy,"))).toMatch(
      /,Coaching club,canceled,false,1900,usd,month,/,
    );
  });

  it("puts the plans and each member's plan and status in the workspace export, nothing of their payments", async () => {
    const res = await call("/api/v1/workspace/export", { token: owner() });
    expect(res.status).toBe(200);
    const exported = (await res.json()) as WorkspaceExport;
    expect(exported.plans.map((p) => p.name).sort()).toEqual(["Coaching club", "Try it first"]);
    expect(exported.memberships).toContainEqual(
      expect.objectContaining({ contact_id: people.cy.contactId, status: "canceled" }),
    );
    expect(Object.keys(exported.memberships[0] ?? {}).sort()).toEqual([
      "cancel_at_period_end",
      "canceled_at",
      "contact_id",
      "current_period_end",
      "plan_id",
      "status",
    ]);
  });
});

describe("the nightly reconciliation", () => {
  it("corrects a failed renewal whose webhook never came, announces it once, and counts it", async () => {
    // Ana's card is declined at renewal; Stripe's events about it never reach the edge.
    await standIn(`/__subscriptions/${people.ana.subscriptionId}/fail_payment`);
    expect((await storedSubscription(env.DB, people.ana.subscriptionId))?.status).toBe("active");

    await runNightly();
    expect((await storedSubscription(env.DB, people.ana.subscriptionId))?.status).toBe("past_due");
    expect((await revenue()).failed_payments).toBe(1);
    expect((await revenue()).series.at(-1)?.failed_payments).toBe(1);

    await runNightly();
    expect((await announced())["member.payment_failed"]).toEqual([people.ana.subscriptionId]);
  });
});
