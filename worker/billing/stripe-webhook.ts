// Stripe's webhook: the signature checked with Stripe's own scheme (`Stripe-Signature: t=…,v1=…`, an
// HMAC-SHA256 of `t.body`, five minutes of tolerance) against the endpoint's current secret and, while
// Stripe rolls it, the previous one; each event handled once by id, and only as a pointer: the
// subscription it concerns is read again from Stripe's API and the membership recomputed from that
// (and, for `account.updated`, the creator's payout account); the workspace's figures of the day
// follow.
import Stripe from "stripe";
import { eventHandled, markEventHandled, tenantOfStripeAccount } from "../db/billing-store";
import { forTenant } from "../db/tenant-gateway";
import { AppError } from "../lib/errors";
import type { Logger } from "../lib/logger";
import { stripeClient, stripeCrypto } from "../lib/stripe-client";
import { payoutAccount, refreshAccount } from "./connect";
import { recordRevenueDay } from "./revenue-days";
import { syncSubscription } from "./subscription-sync";

/** Stripe's own default: a signed timestamp older than five minutes is a replay. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type StripeWebhookEnv = Pick<
  Env,
  | "DB"
  | "STRIPE_SECRET_KEY"
  | "STRIPE_API_URL"
  | "STRIPE_WEBHOOK_SECRET"
  | "STRIPE_WEBHOOK_SECRET_PREVIOUS"
  | "STRIPE_CONNECT_WEBHOOK_SECRET"
>;

/** The verified event, or 400: missing, forged, or signed too long ago. */
export async function verifiedEvent(
  env: StripeWebhookEnv,
  body: string,
  header: string | undefined,
): Promise<Stripe.Event> {
  if (!header)
    throw new AppError(400, "signature_missing", "The Stripe-Signature header is missing.");
  // The platform's endpoint (current and, while Stripe rolls it, previous secret) and the Connect
  // endpoint (events on creators' accounts), which Stripe signs with a secret of its own.
  const secrets = [
    env.STRIPE_WEBHOOK_SECRET,
    env.STRIPE_WEBHOOK_SECRET_PREVIOUS,
    env.STRIPE_CONNECT_WEBHOOK_SECRET,
  ].filter(Boolean);
  if (secrets.length === 0)
    throw new AppError(
      503,
      "billing_not_configured",
      "STRIPE_WEBHOOK_SECRET is not set: the webhook cannot be verified. See the README, Memberships on Stripe.",
    );
  let stale = false;
  for (const secret of secrets) {
    try {
      return await Stripe.webhooks.constructEventAsync(
        body,
        header,
        secret,
        SIGNATURE_TOLERANCE_SECONDS,
        stripeCrypto,
      );
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) throw error;
      stale ||= /tolerance/i.test(error.message);
    }
  }
  throw stale
    ? new AppError(400, "signature_expired", "The Stripe signature's timestamp is too old.")
    : new AppError(400, "signature_invalid", "The Stripe signature does not match.");
}

/** The subscriptions an event concerns, by id: what it names, never what it says about them. */
async function subscriptionsOf(stripe: Stripe, event: Stripe.Event): Promise<string[]> {
  const ref = (value: string | { id: string } | null | undefined) =>
    typeof value === "string" ? value : (value?.id ?? null);
  switch (event.type) {
    case "checkout.session.completed": {
      const session = await stripe.checkout.sessions.retrieve(event.data.object.id);
      return session.mode === "subscription" ? [ref(session.subscription)].filter(isId) : [];
    }
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
      return [event.data.object.id];
    case "invoice.paid":
    case "invoice.payment_failed":
      return [ref(event.data.object.parent?.subscription_details?.subscription)].filter(isId);
    case "charge.refunded": {
      const customer = ref(event.data.object.customer);
      if (!customer) return [];
      const list = await stripe.subscriptions.list({ customer, status: "all", limit: 100 });
      return list.data.map((s) => s.id);
    }
    default:
      return [];
  }
}

const isId = (value: string | null): value is string => value !== null;

/** A creator's payout account changed at Stripe: its state is read again from the API. */
async function accountUpdated(d1: D1Database, stripe: Stripe, accountId: string): Promise<void> {
  const tenantId = await tenantOfStripeAccount(d1, accountId);
  if (!tenantId) return;
  const gateway = forTenant(d1, tenantId);
  const account = await payoutAccount(gateway);
  if (account) await refreshAccount(gateway, stripe, account);
}

/**
 * Handles a verified event once: a redelivery is acknowledged unprocessed; a failure leaves it
 * unrecorded, so Stripe's retry runs it again (each step is a recomputation, safe to repeat).
 */
export async function handleStripeEvent(
  env: Env,
  event: Stripe.Event,
  logger: Logger,
): Promise<"handled" | "duplicate"> {
  if (await eventHandled(env.DB, event.id)) return "duplicate";
  const stripe = stripeClient(env);
  if (event.type === "account.updated") await accountUpdated(env.DB, stripe, event.data.object.id);
  const ids = await subscriptionsOf(stripe, event);
  const tenants = new Set<string>();
  for (const id of new Set(ids)) {
    const tenantId = await syncSubscription(env, stripe, id, logger);
    if (tenantId) tenants.add(tenantId);
  }
  // Today's revenue figures follow the change (the series over time reads them).
  for (const tenantId of tenants) await recordRevenueDay(env.DB, tenantId);
  await markEventHandled(env.DB, event.id, event.type);
  logger.info("stripe event handled", {
    event_id: event.id,
    type: event.type,
    subscriptions: ids.length,
  });
  return "handled";
}
