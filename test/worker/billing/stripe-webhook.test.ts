// Stripe's webhook signatures as Stripe defines them (docs.stripe.com/webhooks#verify-events): a
// missing, forged or stale `Stripe-Signature` is refused and changes nothing; the previous signing
// secret still verifies while Stripe rolls the endpoint's secret, and the Connect endpoint's secret
// verifies events about creators' accounts.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { storedSubscription } from "../../../worker/db/billing-store";
import { errorOf } from "../auth/helpers";
import { deliver, signature, stripe, standIn, type StripeEventLike } from "./billing-helpers";
import { seedMembership, type SeededMembership } from "./membership-seed";

let member: SeededMembership;
let cancelled: StripeEventLike;

beforeAll(async () => {
  member = await seedMembership();
  // Stripe's state moves on (cancel at period end); only an accepted event may bring it in.
  await stripe().subscriptions.update(member.subscriptionId, { cancel_at_period_end: true });
  const { data } = await standIn<{ data: StripeEventLike[] }>("/__events", "GET");
  cancelled = data.findLast(
    (e) => e.type === "customer.subscription.updated" && e.data.object.id === member.subscriptionId,
  )!;
});

const cancelAtPeriodEnd = async () =>
  (await storedSubscription(env.DB, member.subscriptionId))?.cancelAtPeriodEnd;

describe("the Stripe webhook", () => {
  it("refuses a forged signature (another secret) with 400 signature_invalid and changes nothing", async () => {
    const res = await deliver(cancelled, (p) => signature(p, { secret: "whsec_forged" }));
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("signature_invalid");
    expect(await cancelAtPeriodEnd()).toBe(false);
  });

  it("refuses a signature older than the five-minute tolerance with 400 signature_expired", async () => {
    const res = await deliver(cancelled, (p) =>
      signature(p, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
    );
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("signature_expired");
    expect(await cancelAtPeriodEnd()).toBe(false);
  });

  it("refuses a request without Stripe-Signature with 400 signature_missing", async () => {
    const res = await deliver(cancelled, async () => "");
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("signature_missing");
  });

  it("accepts the previous signing secret during a rotation, and the membership follows Stripe", async () => {
    const res = await deliver(cancelled, (p) =>
      signature(p, { secret: env.STRIPE_WEBHOOK_SECRET_PREVIOUS }),
    );
    expect(res.status).toBe(200);
    expect(await cancelAtPeriodEnd()).toBe(true);
  });

  it("accepts events of creators' accounts signed with the Connect endpoint's own secret", async () => {
    const connect = { ...cancelled, id: `evt_connect_${crypto.randomUUID()}` };
    const res = await deliver(connect, (p) =>
      signature(p, { secret: env.STRIPE_CONNECT_WEBHOOK_SECRET }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, duplicate: false });
  });
});
