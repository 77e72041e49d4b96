// Names RateLimiter objects (one per bucket family and key) and types what they are asked, so features and
// middleware reach them through this stub and never import the object. `consume` is the common call:
// one token, or 429 with the wait.
import type { ThrottlePolicy } from "./sign-in-throttle";
import type { BucketRule } from "./token-bucket";
import { tooManyRequests } from "./errors";

/** A throttle lane: its key within the account's object and its policy. */
export type ThrottleLane = { key: string; policy: ThrottlePolicy };

export type AttemptResult = { allowed: boolean; retryAfterSeconds: number };

/** The policies of a sign-in's lanes. */
export type SignInPolicies = {
  network: ThrottlePolicy;
  account: ThrottlePolicy;
  device: ThrottlePolicy;
};

/** A sign-in attempt as the Worker describes it: hashes only, never the tokens themselves. */
export type SignInRequest = {
  network: string;
  deviceHash: string | null;
  unlockHash: string | null;
  policies: SignInPolicies;
  now?: number;
};

/** How the attempt is counted: on a known device's lane, an unlock's, or the network's and the account's. */
export type SignInAttempt = AttemptResult & {
  via: "device" | "unlock" | "network";
  lanes: string[];
};

/** What a settled sign-in changes besides its lanes. */
export type SettleExtras = { rememberDevice?: string; consumeUnlock?: string };

/** The RateLimiter object of `name` (a bucket family and its key, e.g. `login-account:ada@example.com`). */
export function rateLimiterFor(env: Pick<Env, "RATE_LIMITER">, name: string) {
  return env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(name));
}

/** Takes one token for `key` from `bucket`, or throws 429 with the wait. */
export async function consume(
  env: Pick<Env, "RATE_LIMITER">,
  bucket: string,
  key: string,
  rule: BucketRule,
): Promise<void> {
  const result = await rateLimiterFor(env, `${bucket}:${key}`).take(bucket, rule);
  if (!result.allowed) throw tooManyRequests(result.retryAfterSeconds);
}
