// Helpers for the membership tests: the Stripe stand-in's test controls, and Stripe's webhook deliveries
// signed with the library's own test-header helper, as Stripe would sign them.
import { env, exports } from "cloudflare:workers";
import Stripe from "stripe";
import { stripeClient } from "../../../worker/lib/stripe-client";

export type StripeEventLike = { id: string; type: string; data: { object: { id: string } } };

/** Calls a test control of the Stripe stand-in (test/support/stripe-stand-in.ts). */
export async function standIn<T = { events: StripeEventLike[] }>(
  path: string,
  method = "POST",
): Promise<T> {
  const res = await fetch(`${env.STRIPE_API_URL}${path}`, { method });
  if (!res.ok) throw new Error(`stand-in ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The `Stripe-Signature` of `payload`, by default with the endpoint's current secret, signed now. */
export function signature(
  payload: string,
  options: { secret?: string; timestamp?: number } = {},
): Promise<string> {
  return Stripe.webhooks.generateTestHeaderStringAsync({
    payload,
    secret: options.secret ?? env.STRIPE_WEBHOOK_SECRET,
    ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
    cryptoProvider: Stripe.createSubtleCryptoProvider(),
  });
}

/** Delivers `event` to the webhook endpoint as Stripe does: its JSON, signed. */
export async function deliver(
  event: StripeEventLike,
  sign: (payload: string) => Promise<string> = (p) => signature(p),
): Promise<Response> {
  const payload = JSON.stringify(event);
  return exports.default.fetch("http://edge.test/api/v1/billing/stripe/webhook", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Stripe-Signature": await sign(payload) },
    body: payload,
  });
}

/** The platform's Stripe client, as production builds it (pointed at the stand-in here). */
export const stripe = () => stripeClient(env);
