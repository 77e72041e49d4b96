// The Stripe API client the edge uses: the official `stripe` package over the Workers fetch API, its
// address taken from STRIPE_API_URL (https://api.stripe.com in production, a loopback stand-in in the
// tests), so the code path is the same everywhere. Webhook signatures are checked with Web Crypto.
import Stripe from "stripe";
import { AppError } from "./errors";

export type StripeEnv = Pick<Env, "STRIPE_SECRET_KEY" | "STRIPE_API_URL">;

const clients = new WeakMap<object, Stripe>();

/** 503 when the workspace owner has not configured Stripe: nothing can be sold yet. */
export function stripeNotConfigured(): AppError {
  return new AppError(
    503,
    "billing_not_configured",
    "Payments are not set up on this platform yet: STRIPE_SECRET_KEY is missing. See the README, Memberships on Stripe.",
  );
}

/** The Stripe client for `env`, made once per isolate; 503 when no secret key is set. */
export function stripeClient(env: StripeEnv): Stripe {
  const known = clients.get(env);
  if (known) return known;
  if (!env.STRIPE_SECRET_KEY) throw stripeNotConfigured();
  const url = new URL(env.STRIPE_API_URL || "https://api.stripe.com");
  const protocol = url.protocol === "http:" ? "http" : "https";
  const client = new Stripe(env.STRIPE_SECRET_KEY, {
    httpClient: Stripe.createFetchHttpClient(),
    host: url.hostname,
    port: url.port || (protocol === "http" ? 80 : 443),
    protocol,
    // One automatic retry, with the idempotency key the client adds, covers a dropped connection.
    maxNetworkRetries: 1,
    timeout: 10_000,
  });
  clients.set(env, client);
  return client;
}

/** Web Crypto for `constructEventAsync` (Workers have no Node crypto HMAC by default). */
export const stripeCrypto = Stripe.createSubtleCryptoProvider();

/** What a refused Stripe call becomes: 502 naming Stripe's own code and message, which say what to fix. */
function stripeFailure(error: unknown): AppError {
  if (error instanceof Stripe.errors.StripeError) {
    const code = error.code ?? error.type;
    return new AppError(
      502,
      "stripe_refused",
      `Stripe refused the request (${code}): ${error.message}`,
      {
        details: { stripe_code: error.code ?? null, stripe_param: error.param ?? null },
      },
    );
  }
  return new AppError(
    502,
    "stripe_unreachable",
    "Stripe could not be reached. Try again in a minute.",
  );
}

/** Runs work that calls Stripe, turning any failure of it into the API's error shape (`stripeFailure`). */
export async function onStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw stripeFailure(error);
  }
}
