// Stripe-hosted pages for a person: a Checkout Session for a paid plan, tied to their contact (the
// subscription's metadata names workspace, contact and plan, which is how its webhooks find them), and
// the customer portal, where they change their card or cancel.
import type Stripe from "stripe";
import { subscriptionsOf, type PlanRow } from "../db/billing-store";
import { forTenant } from "../db/tenant-gateway";
import { AppError } from "../lib/errors";
import { onStripe } from "../lib/stripe-client";

export type CheckoutFor = {
  tenantId: string;
  /** The canonical contact: a linked contact carries the membership to the person's other channels. */
  contactId: string;
  plan: PlanRow;
  /** Where Stripe sends the person back after paying or giving up. */
  returnUrl: string;
};

function planNotForSale(): AppError {
  return new AppError(
    404,
    "plan_not_found",
    "This plan is not for sale any more. Ask the coach for the current plans.",
  );
}

export type CheckoutEnv = Pick<Env, "DB" | "STRIPE_PLATFORM_FEE_PERCENT">;

/** The platform's share of a payment to a creator's account, from STRIPE_PLATFORM_FEE_PERCENT. */
export function platformFeePercent(env: CheckoutEnv): number {
  const text = (env.STRIPE_PLATFORM_FEE_PERCENT ?? "").trim() || "0";
  const fee = Number(text);
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text) || fee > 100)
    throw new AppError(
      500,
      "configuration_invalid",
      'The Worker\'s setting STRIPE_PLATFORM_FEE_PERCENT must be a percentage from 0 to 100 with at most two decimals, e.g. "10". Fix it in wrangler.toml [vars] and deploy again.',
    );
  return fee;
}

/** The URL of a new Checkout Session for `plan`. */
export async function checkoutUrl(
  stripe: Stripe,
  env: CheckoutEnv,
  input: CheckoutFor,
): Promise<string> {
  const d1 = env.DB;
  const { plan } = input;
  const price = plan.stripePriceId;
  if (plan.kind !== "paid" || plan.archivedAt !== null || !price) throw planNotForSale();
  const metadata = { tenant_id: input.tenantId, contact_id: input.contactId, plan_id: plan.id };
  // A returning member pays with the Stripe customer they already have.
  const [previous] = await subscriptionsOf(d1, input.tenantId, input.contactId);
  // Paid to the creator's own Stripe account once it can take charges (a destination charge).
  const payout = await forTenant(d1, input.tenantId).find("billingAccounts", input.tenantId);
  const destination = payout?.status === "active" ? payout.stripeAccountId : null;
  const fee = destination ? platformFeePercent(env) : 0;
  return onStripe(async () => {
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price, quantity: 1 }],
      success_url: `${input.returnUrl}?checkout=success`,
      cancel_url: `${input.returnUrl}?checkout=cancelled`,
      client_reference_id: input.contactId,
      metadata,
      subscription_data: {
        metadata,
        ...(plan.trialDays > 0 ? { trial_period_days: plan.trialDays } : {}),
        ...(destination ? { transfer_data: { destination } } : {}),
        ...(fee > 0 ? { application_fee_percent: fee } : {}),
      },
      ...(previous ? { customer: previous.stripeCustomerId } : {}),
    });
    if (!session.url) throw new Error("Checkout Session without a URL");
    return session.url;
  });
}

/** The URL of a customer-portal session for the person's membership; 404 when they never had one. */
export async function portalUrl(
  stripe: Stripe,
  d1: D1Database,
  tenantId: string,
  contactId: string,
  returnUrl: string,
): Promise<string> {
  const [latest] = await subscriptionsOf(d1, tenantId, contactId);
  if (!latest)
    throw new AppError(
      404,
      "plan_required",
      "There is no membership to manage yet. Choose a plan first.",
    );
  return onStripe(async () => {
    const session = await stripe.billingPortal.sessions.create({
      customer: latest.stripeCustomerId,
      return_url: returnUrl,
    });
    return session.url;
  });
}
