// Vitest global setup (Node side): the Stripe API stand-in for the whole edge run, on the port
// vitest.config.ts chose and handed to the Worker as STRIPE_API_URL, accepting its STRIPE_SECRET_KEY.
import { startStripeStandIn } from "../support/stripe-stand-in";

export default async function setup(): Promise<() => Promise<void>> {
  return startStripeStandIn(
    Number(process.env.EDGE_TEST_STRIPE_PORT),
    String(process.env.EDGE_TEST_STRIPE_KEY),
  );
}
