// VAPID (RFC 8292): the deployment identifies itself to push services with an ES256 JWT signed by its
// VAPID private key, for the endpoint's origin, sent as `Authorization: vapid t=<jwt>, k=<public key>`.
// The keys are the ones `npx web-push generate-vapid-keys` prints: the public key as the raw 65-byte
// point and the private key as the raw 32-byte scalar, both base64url (README, "Web Push").
import { importJWK, SignJWT, type CryptoKey as JoseKey } from "jose";
import { AppError } from "../lib/errors";
import { fromBase64url } from "../lib/hmac";
import { base64url } from "../lib/ids";
import { cachedPromise } from "../lib/promise-cache";

/** Push services refuse tokens valid for more than 24 hours; 12 leaves room for clock skew. */
const TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

export type VapidKeys = { publicKey: string; signingKey: JoseKey | Uint8Array };

/** The push settings of a deployment that has them (both keys set), null when push is off. */
export type VapidEnv = { VAPID_PUBLIC_KEY?: string; VAPID_PRIVATE_KEY?: string };

const cache = new Map<string, Promise<VapidKeys>>();

function invalidKeys(): AppError {
  return new AppError(
    500,
    "configuration_invalid",
    "The Worker's setting VAPID_PUBLIC_KEY must be a 65-byte P-256 public key and VAPID_PRIVATE_KEY its 32-byte private key, both base64url (npx web-push generate-vapid-keys).",
  );
}

async function importKeys(publicKey: string, privateKey: string): Promise<VapidKeys> {
  let point: Uint8Array;
  let scalar: Uint8Array;
  try {
    point = fromBase64url(publicKey);
    scalar = fromBase64url(privateKey);
  } catch {
    throw invalidKeys();
  }
  if (point.length !== 65 || point[0] !== 4 || scalar.length !== 32) throw invalidKeys();
  try {
    const signingKey = await importJWK(
      {
        kty: "EC",
        crv: "P-256",
        x: base64url(point.slice(1, 33)),
        y: base64url(point.slice(33)),
        d: base64url(scalar),
      },
      "ES256",
    );
    return { publicKey, signingKey };
  } catch {
    throw invalidKeys();
  }
}

/** The deployment's VAPID keys, or null when push is not configured (either variable empty). */
export function vapidKeys(env: VapidEnv): Promise<VapidKeys> | null {
  const publicKey = env.VAPID_PUBLIC_KEY?.trim();
  const privateKey = env.VAPID_PRIVATE_KEY?.trim();
  if (!publicKey || !privateKey) return null;
  return cachedPromise(cache, `${publicKey}.${privateKey}`, () =>
    importKeys(publicKey, privateKey),
  );
}

/**
 * The `Authorization` header for a push to `endpoint`: a JWT for the endpoint's origin (`aud`), valid
 * 12 hours, with `subject` (a mailto: or https: URL) as the contact push services may write to.
 */
export async function vapidAuthorization(
  keys: VapidKeys,
  endpoint: string,
  subject: string,
  now = Date.now(),
): Promise<string> {
  const issuedAt = Math.floor(now / 1000);
  const jwt = await new SignJWT({ sub: subject })
    .setProtectedHeader({ alg: "ES256", typ: "JWT" })
    .setAudience(new URL(endpoint).origin)
    .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
    .sign(keys.signingKey);
  return `vapid t=${jwt}, k=${keys.publicKey}`;
}
