// The contact's memberships at Stripe: erasing a person ends their subscriptions immediately, so Stripe
// stops charging them. Only Stripe is touched here; the rows that hold the subscription ids
// (billing_subscriptions) go with the other D1 rows, which the erasure deletes only when every store,
// this one included, succeeded. A subscription Stripe could not cancel keeps its row, and the owner's
// repeated request cancels it then.
import Stripe from "stripe";
import { subscriptionsOf } from "../../db/billing-store";
import { stripeClient, type StripeEnv } from "../../lib/stripe-client";
import type { ErasureStore, ErasureSubject, StoreReceipt } from "./erasure-store";

/** Stripe statuses that end no further charge: nothing left to cancel. */
const ENDED = new Set(["canceled", "incomplete_expired"]);

/** Cancels subscription `id` now; true when Stripe confirms it is canceled (or never knew it). */
async function cancelNow(stripe: Stripe, id: string): Promise<boolean> {
  try {
    const sub = await stripe.subscriptions.cancel(id);
    return ENDED.has(sub.status);
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
    // Unknown to Stripe (404 resource_missing): nothing charges the person.
    if (error.statusCode === 404) return true;
    // Refused otherwise (already canceled meanwhile, say): what Stripe holds now decides.
    const sub = await stripe.subscriptions.retrieve(id);
    return ENDED.has(sub.status);
  }
}

export function stripeStore(env: Pick<Env, "DB"> & StripeEnv): ErasureStore {
  return {
    name: "stripe_subscriptions",
    async erase(subject: ErasureSubject): Promise<StoreReceipt> {
      const live = (await subscriptionsOf(env.DB, subject.tenantId, subject.contactId)).filter(
        (sub) => !ENDED.has(sub.status),
      );
      if (live.length === 0)
        return { store: "stripe_subscriptions", status: "nothing_stored", items: 0 };
      let canceled = 0;
      try {
        const stripe = stripeClient(env);
        for (const sub of live) if (await cancelNow(stripe, sub.id)) canceled += 1;
      } catch {
        // Unreachable, refused or not configured: counted below as not canceled.
      }
      if (canceled < live.length)
        return {
          store: "stripe_subscriptions",
          status: "failed",
          items: canceled,
          detail: `Stripe did not confirm the cancellation of ${live.length - canceled} of ${live.length} subscriptions; repeat the request.`,
        };
      return { store: "stripe_subscriptions", status: "erased", items: canceled };
    },
  };
}
