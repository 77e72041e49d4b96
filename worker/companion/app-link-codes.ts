// One-time codes that sign a device in to the companion app as a contact, the way channel linking
// works: 8 symbols from the link alphabet (no look-alikes, so a code read off one screen can be typed
// on another), valid 10 minutes, single use, stored only as a hash bound to the tenant. Redemption is
// rate-limited per client address, so codes cannot be guessed.
import { appSignInCodes } from "../db/one-time-codes";
import { randomLinkCode, typedLinkCode } from "../channels/channel-linking";
import { secretHash } from "../channels/secret-box";
import { rateLimiterFor } from "../lib/rate-limiters";
import type { BucketRule } from "../lib/token-bucket";

export const APP_CODE_LENGTH = 8;
export const APP_CODE_TTL_SECONDS = 10 * 60;

/** Ten attempts, then one more a minute: 31^8 codes cannot be walked through at that pace. */
export const APP_CODE_REDEEM_RULE: BucketRule = { capacity: 10, refillPerSecond: 1 / 60 };

function codeHash(tenantId: string, code: string): Promise<string> {
  return secretHash(`app-link:${tenantId}:${code}`);
}

/** A fresh code that signs a device in as `contactId` (replacing the contact's earlier code). */
export async function issueAppCode(
  d1: D1Database,
  tenantId: string,
  contactId: string,
): Promise<string> {
  const code = randomLinkCode(APP_CODE_LENGTH);
  await appSignInCodes.store(
    d1,
    tenantId,
    contactId,
    await codeHash(tenantId, code),
    Date.now() + APP_CODE_TTL_SECONDS * 1000,
  );
  return code;
}

export type AppCodeOutcome =
  | { kind: "valid"; contactId: string }
  | { kind: "invalid" }
  | { kind: "rate_limited"; retryAfterSeconds: number };

/** Redeems a typed code from `clientKey` (the caller's address): the contact it signs in. */
export async function redeemAppCode(
  env: Pick<Env, "DB" | "RATE_LIMITER">,
  tenantId: string,
  typed: string,
  clientKey: string,
): Promise<AppCodeOutcome> {
  const limit = await rateLimiterFor(env, `app-code-redeem:${tenantId}:${clientKey}`).take(
    "app-code-redeem",
    APP_CODE_REDEEM_RULE,
  );
  if (!limit.allowed)
    return { kind: "rate_limited", retryAfterSeconds: Math.ceil(limit.retryAfterSeconds) };
  const code = typedLinkCode(typed, APP_CODE_LENGTH);
  if (!code) return { kind: "invalid" };
  const contactId = await appSignInCodes.take(env.DB, tenantId, await codeHash(tenantId, code));
  return contactId ? { kind: "valid", contactId } : { kind: "invalid" };
}
