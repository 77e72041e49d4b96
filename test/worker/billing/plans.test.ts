// A creator's plans under /api/v1/billing/plans, and their twins at Stripe: a paid plan is a Product
// with one active recurring Price; a new price is a new Price and the old one stops selling.
import type { PlanView } from "@coach/contracts/billing";
import { beforeAll, describe, expect, it } from "vitest";
import { call, errorOf, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { stripe } from "./billing-helpers";

let workspace: SeededWorkspace;
const owner = () => workspace.members.owner.token;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

const PAID = {
  kind: "paid",
  name: "Inner circle",
  price_minor: 2900,
  currency: "EUR",
  interval: "month",
  trial_days: 7,
  includes: { programs: [], channels: ["web", "telegram"] },
};

describe("billing plans", () => {
  it("creates a paid plan as a Stripe Product with a recurring Price, and lists it", async () => {
    const res = await call("/api/v1/billing/plans", { token: owner(), body: PAID });
    expect(res.status).toBe(201);
    const plan = (await res.json()) as PlanView;
    expect(plan).toMatchObject({ kind: "paid", currency: "eur", price_minor: 2900, trial_days: 7 });
    const price = await stripe().prices.retrieve(plan.stripe_price_id ?? "");
    expect(price).toMatchObject({ unit_amount: 2900, currency: "eur", active: true });
    expect(price.recurring?.interval).toBe("month");

    const list = (await (await call("/api/v1/billing/plans", { token: owner() })).json()) as {
      plans: PlanView[];
    };
    expect(list.plans.map((p) => p.id)).toContain(plan.id);
  });

  it("changes the price with a new Stripe Price and archives the old one", async () => {
    const plan = (await (
      await call("/api/v1/billing/plans", { token: owner(), body: { ...PAID, name: "Yearly" } })
    ).json()) as PlanView;
    const res = await call(`/api/v1/billing/plans/${plan.id}`, {
      method: "PATCH",
      token: owner(),
      body: { price_minor: 29000, interval: "year" },
    });
    expect(res.status).toBe(200);
    const changed = (await res.json()) as PlanView;
    expect(changed.stripe_price_id).not.toBe(plan.stripe_price_id);
    const [oldPrice, newPrice] = await Promise.all([
      stripe().prices.retrieve(plan.stripe_price_id ?? ""),
      stripe().prices.retrieve(changed.stripe_price_id ?? ""),
    ]);
    expect(oldPrice.active).toBe(false);
    expect(newPrice).toMatchObject({ unit_amount: 29000, active: true });
    expect(newPrice.recurring?.interval).toBe("year");
  });

  it("keeps one free plan per workspace (409 free_plan_exists)", async () => {
    const free = { kind: "free", name: "Starter", monthly_messages: 20 };
    expect((await call("/api/v1/billing/plans", { token: owner(), body: free })).status).toBe(201);
    const again = await call("/api/v1/billing/plans", { token: owner(), body: free });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe("free_plan_exists");
  });

  it("refuses a paid plan without a price, naming the field (400)", async () => {
    const { price_minor: _price, ...priceless } = PAID;
    const res = await call("/api/v1/billing/plans", { token: owner(), body: priceless });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("price_minor");
  });

  it("lets a viewer read plans and revenue but not change plans (403)", async () => {
    const viewer = workspace.members.viewer.token;
    expect((await call("/api/v1/billing/plans", { token: viewer })).status).toBe(200);
    const revenue = await call("/api/v1/billing/revenue", { token: viewer });
    expect(revenue.status).toBe(200);
    expect(await revenue.json()).toMatchObject({
      mrr: [],
      active_members: 0,
      series: expect.any(Array),
    });
    expect((await call("/api/v1/billing/plans", { token: viewer, body: PAID })).status).toBe(403);
  });
});
