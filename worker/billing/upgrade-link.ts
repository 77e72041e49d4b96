// The link the assistant sends when an allowance runs out: `/api/v1/billing/upgrade/<token>`, a signed
// grant naming the workspace and the person, which opens a Stripe Checkout Session for them when
// followed. Signed with VISITOR_TOKEN_SECRET under its own prefix, so it can open nothing else.
import { fromBase64url, hmacSign, hmacVerify } from "../lib/hmac";
import { workerConfig } from "../lib/config";
import { base64url } from "../lib/ids";

export type UpgradeClaims = { tid: string; sub: string; exp: number };

const PREFIX = "up1";
/** Long enough for someone to come back to the message next week. */
const LIFETIME_SECONDS = 30 * 86_400;
const encoder = new TextEncoder();

/** The upgrade URL for `contactId` of `tenantId`, under the edge's public origin. */
export async function upgradeLink(
  env: Pick<Env, "VISITOR_TOKEN_SECRET" | "PUBLIC_EDGE_URL">,
  tenantId: string,
  contactId: string,
  now: number = Date.now(),
): Promise<string> {
  const claims: UpgradeClaims = {
    tid: tenantId,
    sub: contactId,
    exp: Math.floor(now / 1000) + LIFETIME_SECONDS,
  };
  const payload = base64url(encoder.encode(JSON.stringify(claims)));
  const signature = await hmacSign(env.VISITOR_TOKEN_SECRET, `${PREFIX}.${payload}`);
  const origin = workerConfig(env).publicEdgeUrl ?? "";
  return `${origin}/api/v1/billing/upgrade/${PREFIX}.${payload}.${signature}`;
}

/** The claims of an authentic, unexpired upgrade token; null otherwise. */
export async function verifyUpgradeToken(
  secret: string,
  token: string,
  now: number = Date.now(),
): Promise<UpgradeClaims | null> {
  const [prefix, payload, signature, ...rest] = token.split(".");
  if (prefix !== PREFIX || !payload || !signature || rest.length > 0 || token.length > 1024)
    return null;
  if (!(await hmacVerify(secret, `${PREFIX}.${payload}`, signature))) return null;
  try {
    const claims = JSON.parse(new TextDecoder().decode(fromBase64url(payload))) as UpgradeClaims;
    const valid =
      typeof claims.tid === "string" &&
      typeof claims.sub === "string" &&
      typeof claims.exp === "number" &&
      claims.exp * 1000 > now;
    return valid ? claims : null;
  } catch {
    return null;
  }
}
