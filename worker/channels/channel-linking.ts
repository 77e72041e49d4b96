// Linking a person's channels: `/link` (Telegram) or `LINK` (WhatsApp) shows a short code; sending
// `/link CODE` or `LINK CODE` on another channel makes that contact continue the first one's
// conversation, history and progress. Codes are 6 characters from an alphabet without look-alikes,
// valid 10 minutes, single use, stored only as a hash bound to the tenant, and redemption attempts
// are rate-limited per contact so a code cannot be guessed.
import type { BucketRule } from "../lib/token-bucket";
import { canonicalContactId, linkContact } from "../db/contact-links";
import { channelLinkCodes } from "../db/one-time-codes";
import type { TenantGateway } from "../db/tenant-gateway";
import { rateLimiterFor } from "../lib/rate-limiters";
import { closeOpenConversations } from "./channel-session";
import { secretHash } from "./secret-box";

/** No 0/O or 1/I/L: a code read off one phone and typed into another must survive. */
export const LINK_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const LINK_CODE_LENGTH = 6;
export const LINK_CODE_TTL_MS = 10 * 60 * 1000;

/** Five attempts, then one more every two minutes: guessing one code in its 10 minutes is hopeless. */
export const LINK_REDEEM_RULE: BucketRule = { capacity: 5, refillPerSecond: 1 / 120 };

export type LinkOutcome =
  | { kind: "linked" }
  | { kind: "already_linked" }
  | { kind: "invalid" }
  | { kind: "rate_limited"; retryAfterSeconds: number };

// Bytes at or above this are drawn again, so every symbol is equally likely.
const UNBIASED_LIMIT = 256 - (256 % LINK_CODE_ALPHABET.length);

/** A random code of `length` symbols from the link alphabet (also the companion app's sign-in codes). */
export function randomLinkCode(length: number): string {
  let code = "";
  while (code.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
      if (byte < UNBIASED_LIMIT && code.length < length)
        code += LINK_CODE_ALPHABET[byte % LINK_CODE_ALPHABET.length];
    }
  }
  return code;
}

/**
 * The code as typed, in the canonical form (upper case, spaces and dashes dropped); null when it
 * cannot be a code of `length` symbols from the link alphabet.
 */
export function typedLinkCode(typed: string, length: number): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== length || [...code].some((ch) => !LINK_CODE_ALPHABET.includes(ch)))
    return null;
  return code;
}

function codeHash(tenantId: string, code: string): Promise<string> {
  return secretHash(`link:${tenantId}:${code}`);
}

/** A fresh code for the person behind `contactId` (it links to their canonical contact). */
export async function issueLinkCode(
  env: Pick<Env, "DB">,
  gateway: TenantGateway,
  contactId: string,
  now = Date.now(),
): Promise<string> {
  const canonical = await canonicalContactId(env.DB, gateway.tenantId, contactId);
  const code = randomLinkCode(LINK_CODE_LENGTH);
  await channelLinkCodes.store(
    env.DB,
    gateway.tenantId,
    canonical,
    await codeHash(gateway.tenantId, code),
    now + LINK_CODE_TTL_MS,
  );
  return code;
}

async function allowAttempt(
  env: Pick<Env, "RATE_LIMITER">,
  tenantId: string,
  contactId: string,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  return rateLimiterFor(env, `link-redeem:${tenantId}:${contactId}`).take(
    "link-redeem",
    LINK_REDEEM_RULE,
  );
}

/**
 * Redeems a code typed by `contactId`: on success the contact continues the issuer's conversation,
 * and its own open conversations are closed (they stay in the history).
 */
export async function redeemLinkCode(
  env: Pick<Env, "DB" | "RATE_LIMITER">,
  gateway: TenantGateway,
  contactId: string,
  typed: string,
): Promise<LinkOutcome> {
  const limit = await allowAttempt(env, gateway.tenantId, contactId);
  if (!limit.allowed)
    return { kind: "rate_limited", retryAfterSeconds: Math.ceil(limit.retryAfterSeconds) };
  const code = typedLinkCode(typed, LINK_CODE_LENGTH);
  if (!code) return { kind: "invalid" };
  const issuer = await channelLinkCodes.take(
    env.DB,
    gateway.tenantId,
    await codeHash(gateway.tenantId, code),
  );
  if (!issuer) return { kind: "invalid" };
  const target = await canonicalContactId(env.DB, gateway.tenantId, issuer);
  const own = await canonicalContactId(env.DB, gateway.tenantId, contactId);
  if (target === own) return { kind: "already_linked" };
  await closeOpenConversations(gateway, own);
  await linkContact(env.DB, gateway.tenantId, own, target);
  if (own !== contactId) await linkContact(env.DB, gateway.tenantId, contactId, target);
  return { kind: "linked" };
}
