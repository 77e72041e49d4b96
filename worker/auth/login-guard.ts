// Brute-force protection for sign-in, in the RateLimiter Durable Object: an exact per-account lockout
// with growing back-off (keyed by the normalised email, known or not, so probing reveals nothing) and a
// per-IP bucket that slows one source spraying many accounts.
import type { LockoutPolicy } from "../../durable-objects/rate-limiter";
import { tooManyRequests } from "../lib/errors";
import { consume } from "../middleware/rate-limit";

/** At most 5 failures per account per 15 minutes; lockouts of 15, 30, then 60 minutes at most. */
export const ACCOUNT_LOCKOUT: LockoutPolicy = { maxFailures: 5, windowSeconds: 900, baseLockoutSeconds: 900, maxLockoutSeconds: 3600 };
/** 30 sign-in attempts per IP per 15 minutes, refilled continuously. */
export const LOGIN_IP_RULE = { capacity: 30, refillPerSecond: 30 / 900 };
/** 10 sign-ups per IP per hour. */
export const REGISTER_IP_RULE = { capacity: 10, refillPerSecond: 10 / 3600 };

const ACCOUNT_BUCKET = "login-account";

function accountStub(env: Env, email: string) {
  return env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(`${ACCOUNT_BUCKET}:${email}`));
}

/** A reserved sign-in attempt: report how it ended exactly once. */
export type AttemptTicket = { settle(succeeded: boolean): Promise<void> };

/** Takes the IP's token and reserves an attempt on the account, or throws 429 with Retry-After. */
export async function beginLoginAttempt(env: Env, email: string, ip: string): Promise<AttemptTicket> {
  await consume(env, "login-ip", ip, LOGIN_IP_RULE);
  const stub = accountStub(env, email);
  const result = await stub.beginAttempt(ACCOUNT_BUCKET, ACCOUNT_LOCKOUT);
  if (!result.allowed) {
    throw tooManyRequests(result.retryAfterSeconds, "Too many sign-in attempts for this account. Wait before trying again.");
  }
  return { settle: (succeeded) => stub.settleAttempt(ACCOUNT_BUCKET, ACCOUNT_LOCKOUT, succeeded) };
}
