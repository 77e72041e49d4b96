// Visitor tokens: short-lived, HMAC-signed grants that let one widget visitor open the socket of one
// conversation, from the origin the token was minted for. Format: `vt1.<payload>.<signature>`
// (base64url), signed with the `VISITOR_TOKEN_SECRET` Worker secret.
import { hmacSign, hmacVerify, fromBase64url } from "./hmac";
import { base64url } from "./ids";

export type VisitorClaims = {
  /** Tenant, conversation and contact the token opens. */
  tid: string;
  cid: string;
  sub: string;
  /** The browser origin the session was minted for. */
  org: string;
  /** Expiry, Unix seconds. */
  exp: number;
};

const PREFIX = "vt1";
const encoder = new TextEncoder();

/** Signs `claims` into a token. */
export async function mintVisitorToken(secret: string, claims: VisitorClaims): Promise<string> {
  const payload = base64url(encoder.encode(JSON.stringify(claims)));
  return `${PREFIX}.${payload}.${await hmacSign(secret, `${PREFIX}.${payload}`)}`;
}

/** The claims of a well-formed, authentic, unexpired token; null otherwise (callers answer 401). */
export async function verifyVisitorToken(
  secret: string,
  token: string,
  now: number = Date.now(),
): Promise<VisitorClaims | null> {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== PREFIX || !parts[1] || !parts[2] || token.length > 2048)
    return null;
  if (!(await hmacVerify(secret, `${PREFIX}.${parts[1]}`, parts[2]))) return null;
  let claims: VisitorClaims;
  try {
    claims = JSON.parse(new TextDecoder().decode(fromBase64url(parts[1]))) as VisitorClaims;
  } catch {
    return null;
  }
  if (typeof claims.exp !== "number" || claims.exp * 1000 <= now) return null;
  if (
    ![claims.tid, claims.cid, claims.sub, claims.org].every(
      (v) => typeof v === "string" && v.length > 0,
    )
  )
    return null;
  return claims;
}
