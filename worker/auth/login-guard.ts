// Brute-force protection for sign-in and for the current-password check of a password change, kept in
// the account's RateLimiter object (named by the normalised email, known or not, so probing reveals
// nothing). Failed guesses slow further guesses exponentially instead of locking the account: per
// account and network (/24, /64), and per account for every unknown device together, with a larger
// allowance. A device that signed in before (the device token it was handed) or an unlock token (to be
// mailed to the address) gets a lane of its own that nobody else's failures touch, so strangers cannot
// lock the owner out; a password change counts on its sign-in's own lane only. A per-IP bucket still
// slows one source spraying many accounts.
import type { ThrottlePolicy } from "../lib/sign-in-throttle";
import { tooManyRequests } from "../lib/errors";
import { networkOf } from "../lib/ip-network";
import { consume, rateLimiterFor, type SignInPolicies } from "../lib/rate-limiters";
import { hashSecret } from "./secrets";
import { newSecret } from "../lib/ids";

const DAY_SECONDS = 86_400;
/** Guesses from one network at one account: 3 free, then 1 s, 2 s, 4 s … apart, at most 15 minutes. */
export const NETWORK_THROTTLE: ThrottlePolicy = {
  freeFailures: 3,
  baseDelaySeconds: 1,
  maxDelaySeconds: 900,
  forgetAfterSeconds: DAY_SECONDS,
};
/** Guesses from every unknown device at one account together: 10 free, then the same growth. */
export const ACCOUNT_THROTTLE: ThrottlePolicy = {
  freeFailures: 10,
  baseDelaySeconds: 1,
  maxDelaySeconds: 900,
  forgetAfterSeconds: DAY_SECONDS,
};
/** A known device, an unlock token, or a signed-in session checking its password: 5 free, then the same. */
export const DEVICE_THROTTLE: ThrottlePolicy = {
  freeFailures: 5,
  baseDelaySeconds: 1,
  maxDelaySeconds: 900,
  forgetAfterSeconds: DAY_SECONDS,
};
const POLICIES: SignInPolicies = {
  network: NETWORK_THROTTLE,
  account: ACCOUNT_THROTTLE,
  device: DEVICE_THROTTLE,
};

/** 30 sign-in attempts per IP per 15 minutes, refilled continuously (devices not known to the account). */
export const LOGIN_IP_RULE = { capacity: 30, refillPerSecond: 30 / 900 };
/** 10 sign-ups per IP per hour. */
export const REGISTER_IP_RULE = { capacity: 10, refillPerSecond: 10 / 3600 };
/** 10 unlock requests per IP per hour. */
export const UNLOCK_IP_RULE = { capacity: 10, refillPerSecond: 10 / 3600 };
/** An unlock token works for an hour, once. */
export const UNLOCK_TOKEN_TTL_SECONDS = 3600;

const DEVICE_TOKEN_PREFIX = "dv1_";
const UNLOCK_TOKEN_PREFIX = "ul1_";

/** The account's RateLimiter object; tests reach it to set its state up. */
export function accountGuard(env: Pick<Env, "RATE_LIMITER">, email: string) {
  return rateLimiterFor(env, `login-account:${email}`);
}

function tooMany(retryAfterSeconds: number) {
  return tooManyRequests(
    retryAfterSeconds,
    "Too many sign-in attempts for this account from here. Wait before trying again, sign in from a device you used before, or ask for an unlock link.",
  );
}

async function hashOf(token: string | undefined, prefix: string): Promise<string | null> {
  return token?.startsWith(prefix) ? hashSecret(token) : null;
}

/** A reserved sign-in: report once whether the password was right; a success answers the device token to hand out. */
export type SignInTicket = { settle(succeeded: boolean): Promise<string | null> };

/**
 * Reserves a sign-in attempt on the account's lanes (and, from a device the account does not know, a
 * token of the IP's bucket), or throws 429 with Retry-After.
 */
export async function beginSignIn(
  env: Env,
  input: { email: string; ip: string; deviceToken?: string; unlockToken?: string },
): Promise<SignInTicket> {
  const stub = accountGuard(env, input.email);
  const deviceHash = await hashOf(input.deviceToken, DEVICE_TOKEN_PREFIX);
  const unlockHash = await hashOf(input.unlockToken, UNLOCK_TOKEN_PREFIX);
  const attempt = await stub.beginSignIn({
    network: networkOf(input.ip),
    deviceHash,
    unlockHash,
    policies: POLICIES,
  });
  if (!attempt.allowed) throw tooMany(attempt.retryAfterSeconds);
  if (attempt.via === "network") {
    try {
      await consume(env, "login-ip", input.ip, LOGIN_IP_RULE);
    } catch (err) {
      await stub.settleAttempt(attempt.lanes, "cancelled");
      throw err;
    }
  }
  return {
    async settle(succeeded) {
      if (!succeeded) {
        await stub.settleAttempt(attempt.lanes, "failure");
        return null;
      }
      const device =
        attempt.via === "device" && input.deviceToken
          ? input.deviceToken
          : `${DEVICE_TOKEN_PREFIX}${newSecret()}`;
      await stub.settleAttempt(attempt.lanes, "success", {
        rememberDevice: await hashSecret(device),
        ...(attempt.via === "unlock" && unlockHash ? { consumeUnlock: unlockHash } : {}),
      });
      return device;
    },
  };
}

/** Reserves a check of a signed-in person's current password on their sign-in's own lane, or throws 429. */
export async function beginPasswordCheck(
  env: Env,
  email: string,
  sessionId: string,
): Promise<{ settle(succeeded: boolean): Promise<void> }> {
  const stub = accountGuard(env, email);
  const lanes = [{ key: `session:${sessionId}`, policy: DEVICE_THROTTLE }];
  const attempt = await stub.beginAttempt(lanes);
  if (!attempt.allowed)
    throw tooManyRequests(
      attempt.retryAfterSeconds,
      "Too many wrong current passwords. Wait before trying again.",
    );
  return {
    settle: (succeeded) =>
      stub.settleAttempt(
        lanes.map((l) => l.key),
        succeeded ? "success" : "failure",
      ),
  };
}

/**
 * A new single-use unlock token for the account of `email` (any email: an unknown one gets a token
 * that can never sign in, so asking reveals nothing). Mail is to carry it to the address.
 */
export async function issueUnlockToken(env: Env, email: string, ip: string): Promise<string> {
  await consume(env, "unlock-ip", ip, UNLOCK_IP_RULE);
  const token = `${UNLOCK_TOKEN_PREFIX}${newSecret()}`;
  await accountGuard(env, email).issueUnlock(
    await hashSecret(token),
    Date.now() + UNLOCK_TOKEN_TTL_SECONDS * 1000,
  );
  return token;
}
