// The Stripe stand-in held to the rules of Stripe's API that the platform meets, each pinned to
// Stripe's documentation, through the same `stripe` client production uses.
import { env } from "cloudflare:workers";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { stripe } from "./billing-helpers";

async function refusal(
  call: Promise<unknown>,
): Promise<InstanceType<typeof Stripe.errors.StripeError>> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Stripe.errors.StripeError))
    throw new Error(`expected a StripeError, got ${String(error)}`);
  return error;
}

/** A monthly subscription paid through the stand-in's Checkout. */
async function paidSubscription(): Promise<{ subscription: string }> {
  const product = await stripe().products.create({ name: "Monthly" });
  const price = await stripe().prices.create({
    product: product.id,
    unit_amount: 1900,
    currency: "usd",
    recurring: { interval: "month" },
  });
  const session = await stripe().checkout.sessions.create({
    mode: "subscription",
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: "https://x.test/done",
  });
  const done = await fetch(`${env.STRIPE_API_URL}/__checkout/${session.id}/complete`, {
    method: "POST",
  });
  return (await done.json()) as { subscription: string };
}

describe("the Stripe stand-in", () => {
  it("refuses a request without an API key with 401 (docs.stripe.com/api/authentication)", async () => {
    const res = await fetch(`${env.STRIPE_API_URL}/v1/subscriptions/sub_x`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toMatch(/did not provide an API key/);
  });

  it("refuses another key with 401, which the client raises as an authentication error", async () => {
    const other = new Stripe("sk_test_not_the_platforms_key", {
      httpClient: Stripe.createFetchHttpClient(),
      host: new URL(env.STRIPE_API_URL).hostname,
      port: new URL(env.STRIPE_API_URL).port,
      protocol: "http",
    });
    const error = await refusal(other.subscriptions.retrieve("sub_x"));
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
  });

  it("answers an unknown id with 404 resource_missing (docs.stripe.com/error-codes#resource-missing)", async () => {
    const error = await refusal(stripe().subscriptions.retrieve("sub_unknown"));
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe("resource_missing");
    expect(error.message).toContain("No such subscription: 'sub_unknown'");
  });

  it("refuses a missing required parameter with 400 parameter_missing naming it (docs.stripe.com/error-codes#parameter-missing)", async () => {
    const error = await refusal(
      stripe().checkout.sessions.create({ mode: "subscription", success_url: "https://x.test" }),
    );
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe("parameter_missing");
    expect(error.param).toBe("line_items");
  });

  it("replays the first answer for a reused Idempotency-Key and refuses it with other parameters (docs.stripe.com/api/idempotent_requests)", async () => {
    const key = `test-${crypto.randomUUID()}`;
    const first = await stripe().products.create({ name: "Coaching" }, { idempotencyKey: key });
    const again = await stripe().products.create({ name: "Coaching" }, { idempotencyKey: key });
    expect(again.id).toBe(first.id);
    const error = await refusal(
      stripe().products.create({ name: "Other" }, { idempotencyKey: key }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.statusCode).toBe(400);
  });

  it("cancels a subscription now with DELETE: 200 and status canceled, 404 resource_missing for an unknown id (docs.stripe.com/api/subscriptions/cancel)", async () => {
    const { subscription } = await paidSubscription();
    const canceled = await stripe().subscriptions.cancel(subscription);
    expect(canceled.id).toBe(subscription);
    expect(canceled.status).toBe("canceled");
    expect(canceled.canceled_at).toBeGreaterThan(0);
    expect((await stripe().subscriptions.retrieve(subscription)).status).toBe("canceled");
    const error = await refusal(stripe().subscriptions.cancel("sub_unknown"));
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe("resource_missing");
    expect(error.message).toContain("No such subscription: 'sub_unknown'");
  });

  it("keeps current_period_end on the subscription's items, as API versions since 2025-03-31 do", async () => {
    const { subscription } = await paidSubscription();
    const sub = await stripe().subscriptions.retrieve(subscription);
    expect(sub.items.data[0]?.current_period_end).toBeGreaterThan(Date.now() / 1000 + 27 * 86_400);
    expect("current_period_end" in sub).toBe(false);
  });

  it("lists subscriptions newest first a page at a time: limit 1–100, starting_after, has_more (docs.stripe.com/api/pagination)", async () => {
    const made = [await paidSubscription(), await paidSubscription(), await paidSubscription()];
    const first = await stripe().subscriptions.list({ status: "all", limit: 2 });
    expect(first.data.map((s) => s.id)).toEqual([made[2]!.subscription, made[1]!.subscription]);
    expect(first.has_more).toBe(true);
    const next = await stripe().subscriptions.list({
      status: "all",
      limit: 1,
      starting_after: made[1]!.subscription,
    });
    expect(next.data.map((s) => s.id)).toEqual([made[0]!.subscription]);
    // The client's auto-pagination follows has_more with starting_after, each id once.
    const ids = await stripe()
      .subscriptions.list({ status: "all", limit: 2 })
      .autoPagingToArray({ limit: 10000 });
    expect(new Set(ids.map((s) => s.id)).size).toBe(ids.length);
    expect(ids.map((s) => s.id)).toEqual(expect.arrayContaining(made.map((m) => m.subscription)));

    for (const limit of [0, 101]) {
      const refused = await refusal(stripe().subscriptions.list({ limit }));
      expect(refused).toMatchObject({
        statusCode: 400,
        code: "parameter_invalid_integer",
        param: "limit",
      });
    }
    const unknown = await refusal(stripe().subscriptions.list({ starting_after: "sub_unknown" }));
    expect(unknown).toMatchObject({
      statusCode: 404,
      code: "resource_missing",
      param: "starting_after",
    });
  });
});
