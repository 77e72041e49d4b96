// A creator's plans and their Stripe twins: a paid plan is a Stripe Product with one active recurring
// Price. Stripe Prices cannot change amount or interval, so a new price makes a new Price and archives
// the old one (existing subscribers keep paying the old one until they change plan).
import type { PlanCreateSchema, PlanUpdate, PlanView } from "@coach/contracts/billing";
import { and, eq, isNull } from "drizzle-orm";
import type Stripe from "stripe";
import type { z } from "zod";
import type { PlanRow } from "../db/billing-store";
import type { TenantGateway } from "../db/tenant-gateway";
import { AppError } from "../lib/errors";
import { newId } from "../lib/ids";
import { onStripe } from "../lib/stripe-client";

/** The plan as the API answers it. */
export function planView(row: PlanRow): PlanView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    monthly_messages: row.monthlyMessages,
    price_minor: row.priceMinor,
    currency: row.currency,
    interval: row.interval,
    trial_days: row.trialDays,
    includes: row.includes,
    stripe_price_id: row.stripePriceId,
    archived_at: row.archivedAt,
    created_at: row.createdAt,
  };
}

function newPrice(
  stripe: Stripe,
  plan: { id: string; productId: string; priceMinor: number; currency: string; interval: string },
  tenantId: string,
) {
  return onStripe(() =>
    stripe.prices.create(
      {
        product: plan.productId,
        unit_amount: plan.priceMinor,
        currency: plan.currency,
        recurring: { interval: plan.interval === "year" ? "year" : "month" },
        metadata: { tenant_id: tenantId, plan_id: plan.id },
      },
      // A retried save creates the Price once.
      { idempotencyKey: `price:${plan.id}:${plan.priceMinor}:${plan.currency}:${plan.interval}` },
    ),
  );
}

/** Creates a plan; a paid one gets its Stripe Product and Price first. 409 for a second free plan. */
export async function createPlan(
  gateway: TenantGateway,
  stripe: () => Stripe,
  input: z.output<typeof PlanCreateSchema>,
): Promise<PlanRow> {
  const id = newId();
  if (input.kind === "free") {
    const [existing] = await gateway.list("billingPlans", {
      where: (t) => and(eq(t.kind, "free"), isNull(t.archivedAt)),
      limit: 1,
    });
    if (existing)
      throw new AppError(
        409,
        "free_plan_exists",
        "This workspace already has a free plan. Change that one, or delete it first.",
      );
    return gateway.insert("billingPlans", {
      id,
      name: input.name,
      kind: "free",
      monthlyMessages: input.monthly_messages,
      includes: { programs: [], channels: [], ...input.includes },
    });
  }
  const client = stripe();
  const product = await onStripe(() =>
    client.products.create(
      { name: input.name, metadata: { tenant_id: gateway.tenantId, plan_id: id } },
      { idempotencyKey: `product:${id}` },
    ),
  );
  const price = await newPrice(
    client,
    {
      id,
      productId: product.id,
      priceMinor: input.price_minor,
      currency: input.currency,
      interval: input.interval,
    },
    gateway.tenantId,
  );
  return gateway.insert("billingPlans", {
    id,
    name: input.name,
    kind: "paid",
    monthlyMessages: input.monthly_messages,
    priceMinor: input.price_minor,
    currency: input.currency,
    interval: input.interval,
    trialDays: input.trial_days,
    includes: { programs: [], channels: [], ...input.includes },
    stripeProductId: product.id,
    stripePriceId: price.id,
  });
}

/** Changes a plan; a new amount or interval replaces its Stripe Price, a new name renames the Product. */
export async function updatePlan(
  gateway: TenantGateway,
  stripe: () => Stripe,
  plan: PlanRow,
  input: PlanUpdate,
): Promise<PlanRow> {
  let stripePriceId = plan.stripePriceId;
  if (plan.kind === "paid" && plan.stripeProductId && plan.currency) {
    const client = stripe();
    const productId = plan.stripeProductId;
    if (input.name !== undefined && input.name !== plan.name)
      await onStripe(() => client.products.update(productId, { name: input.name }));
    const priceMinor = input.price_minor ?? plan.priceMinor ?? 0;
    const interval = input.interval ?? plan.interval ?? "month";
    if (priceMinor !== plan.priceMinor || interval !== plan.interval) {
      const price = await newPrice(
        client,
        { id: plan.id, productId, priceMinor, currency: plan.currency, interval },
        gateway.tenantId,
      );
      const old = plan.stripePriceId;
      if (old) await onStripe(() => client.prices.update(old, { active: false }));
      stripePriceId = price.id;
    }
  }
  return gateway.update("billingPlans", plan.id, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.monthly_messages !== undefined ? { monthlyMessages: input.monthly_messages } : {}),
    ...(plan.kind === "paid" && input.price_minor !== undefined
      ? { priceMinor: input.price_minor }
      : {}),
    ...(plan.kind === "paid" && input.interval !== undefined ? { interval: input.interval } : {}),
    ...(plan.kind === "paid" && input.trial_days !== undefined
      ? { trialDays: input.trial_days }
      : {}),
    ...(input.includes !== undefined
      ? { includes: { programs: [], channels: [], ...input.includes } }
      : {}),
    stripePriceId,
    updatedAt: Date.now(),
  });
}

/** Archives a plan: no new checkouts; its Stripe Price and Product stop selling, subscribers keep it. */
export async function archivePlan(
  gateway: TenantGateway,
  stripe: () => Stripe,
  plan: PlanRow,
): Promise<void> {
  if (plan.kind === "paid" && plan.stripePriceId && plan.stripeProductId) {
    const client = stripe();
    const { stripePriceId, stripeProductId } = plan;
    await onStripe(() => client.prices.update(stripePriceId, { active: false }));
    await onStripe(() => client.products.update(stripeProductId, { active: false }));
  }
  await gateway.update("billingPlans", plan.id, { archivedAt: Date.now(), updatedAt: Date.now() });
}
