// A workspace with a paid plan and one member who paid through the stand-in's Checkout, delivered to
// the webhook in order: the starting point of the signature and forgery tests.
import { env } from "cloudflare:workers";
import { checkoutUrl } from "../../../worker/billing/checkout";
import { createPlan } from "../../../worker/billing/plans";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { createWorkspace } from "../../support/widget-client";
import { deliver, standIn, stripe, type StripeEventLike } from "./billing-helpers";

export type SeededMembership = { tenantId: string; contactId: string; subscriptionId: string };

/** A new workspace and contact by default; `into` an existing workspace's contact when given. */
export async function seedMembership(
  into?: Omit<SeededMembership, "subscriptionId">,
): Promise<SeededMembership> {
  const { tenantId } = into ?? (await createWorkspace());
  const contactId = into?.contactId ?? crypto.randomUUID();
  const plan = await createPlan(forTenant(env.DB, tenantId), stripe, {
    kind: "paid",
    name: "Club",
    monthly_messages: null,
    price_minor: 900,
    currency: "eur",
    interval: "month",
    trial_days: 0,
  });
  const url = await checkoutUrl(stripe(), env, {
    tenantId,
    contactId,
    plan,
    returnUrl: "http://edge.test/api/v1/billing/return",
  });
  const checkoutId = /\/c\/pay\/(cs_\w+)/.exec(url)?.[1];
  const paid = await standIn<{ subscription: string; events: StripeEventLike[] }>(
    `/__checkout/${checkoutId}/complete`,
  );
  for (const event of paid.events) {
    const res = await deliver(event);
    if (res.status !== 200) throw new Error(`seeding delivery failed: ${res.status}`);
  }
  return { tenantId, contactId, subscriptionId: paid.subscription };
}
