/**
 * Request signing between the edge and the inference bridge (both directions).
 *
 * Uses only Web Crypto and TextEncoder so the same module runs in Cloudflare Workers and in Node 20.
 * Canonical string: `<timestamp>.<METHOD>.<path with query>.<hex SHA-256 of the raw body>`,
 * signed with HMAC-SHA256 and sent as `X-Bridge-Signature: v1=<hex>` beside `X-Bridge-Timestamp`.
 * Replay protection (remembering seen signatures for the window) is the verifier's job, because only
 * it knows where to keep that state.
 */

/** Header carrying the Unix time, in seconds, at which the request was signed. */
export const TIMESTAMP_HEADER = "X-Bridge-Timestamp";
/** Header carrying `v1=<hex HMAC>`. */
export const SIGNATURE_HEADER = "X-Bridge-Signature";
/** Accepted clock difference between signer and verifier, in seconds. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const SCHEME_PREFIX = "v1=";
const encoder = new TextEncoder();

/** What a signature covers. `pathWithQuery` is the URL path plus `?query`, exactly as sent. */
export interface SignableRequest {
  method: string;
  pathWithQuery: string;
  body: string | Uint8Array;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
}

/** The two headers to add to a signed request (a type alias, so it spreads into any header record). */
export type SignatureHeaders = {
  "X-Bridge-Timestamp": string;
  "X-Bridge-Signature": string;
};

/** Why a request was refused; stable codes that travel in error bodies. */
export type SignatureFailureCode = "signature_missing" | "signature_invalid" | "signature_expired";

/** Outcome of {@link verifyRequest}. On success, `signature` is the hex digest to record for replay checks. */
export type VerifyResult =
  | { ok: true; timestamp: number; signature: string }
  | { ok: false; code: SignatureFailureCode; message: string };

/** Input of {@link verifyRequest}: the request as received plus the two header values (null when absent). */
export interface VerifiableRequest {
  method: string;
  pathWithQuery: string;
  body: string | Uint8Array;
  timestampHeader: string | null | undefined;
  signatureHeader: string | null | undefined;
  /** Unix seconds; defaults to now. Injected by tests. */
  now?: number;
  toleranceSeconds?: number;
}

function toBytes(data: string | Uint8Array): Uint8Array<ArrayBuffer> {
  const bytes = typeof data === "string" ? encoder.encode(data) : data;
  // Copy into a fresh ArrayBuffer-backed view: Web Crypto's typings (Node's and Workers') reject views
  // that may sit on a SharedArrayBuffer, and Workers' TextEncoder is typed that loosely.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

function toHex(buffer: ArrayBuffer): string {
  let out = "";
  for (const byte of new Uint8Array(buffer)) out += byte.toString(16).padStart(2, "0");
  return out;
}

/** Hex SHA-256 of a string (UTF-8) or bytes. */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  return toHex(await crypto.subtle.digest("SHA-256", toBytes(data)));
}

/** Imported keys by secret: importing costs about as much as signing, and a process uses one or two secrets. */
type HmacKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;
const keys = new Map<string, Promise<HmacKey>>();

function hmacKey(secret: string): Promise<HmacKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey(
      "raw",
      encoder.encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    // Bounded so a caller cycling through many secrets cannot grow the cache without limit.
    if (keys.size >= 8) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

/** Hex HMAC-SHA256 of `message` under `secret`. */
export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  return toHex(await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(message)));
}

/** Builds the exact string that is signed. Exported so other implementations can be checked against it. */
export async function canonicalString(
  timestamp: number,
  method: string,
  pathWithQuery: string,
  body: string | Uint8Array,
): Promise<string> {
  return `${timestamp}.${method.toUpperCase()}.${pathWithQuery}.${await sha256Hex(body)}`;
}

/**
 * Compares two strings in time that depends only on their length, so a forger learns nothing from
 * response timing about how many leading characters were right.
 */
export function timingSafeEqual(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  let diff = left.length ^ right.length;
  const length = Math.max(left.length, right.length);
  for (let i = 0; i < length; i++) diff |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return diff === 0;
}

/** Signs a request; returns the headers to send with it. */
export async function signRequest(
  secret: string,
  request: SignableRequest,
): Promise<SignatureHeaders> {
  const timestamp = request.timestamp ?? Math.floor(Date.now() / 1000);
  const canonical = await canonicalString(
    timestamp,
    request.method,
    request.pathWithQuery,
    request.body,
  );
  const digest = await hmacSha256Hex(secret, canonical);
  return { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: `${SCHEME_PREFIX}${digest}` };
}

/** The headers of a request read and judged before any hashing: its timestamp and the presented MAC. */
export type SignatureHeadersCheck =
  { ok: true; timestamp: number; presented: string } | Extract<VerifyResult, { ok: false }>;

/**
 * The checks that need no hashing: both headers present, the timestamp fresh, the scheme `v1=`. Shared
 * with verifiers that compute the HMAC their own way (the bridge does it synchronously with node:crypto).
 */
export function checkSignatureHeaders(request: VerifiableRequest): SignatureHeadersCheck {
  const { timestampHeader, signatureHeader } = request;
  if (!timestampHeader || !signatureHeader) {
    return {
      ok: false,
      code: "signature_missing",
      message: `${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER} are required.`,
    };
  }
  if (!/^\d{1,12}$/.test(timestampHeader)) {
    return {
      ok: false,
      code: "signature_invalid",
      message: `${TIMESTAMP_HEADER} must be Unix seconds.`,
    };
  }
  const timestamp = Number(timestampHeader);
  const now = request.now ?? Math.floor(Date.now() / 1000);
  const tolerance = request.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS;
  if (Math.abs(now - timestamp) > tolerance) {
    return {
      ok: false,
      code: "signature_expired",
      message: `Signature timestamp is outside ±${tolerance} s.`,
    };
  }
  if (!signatureHeader.startsWith(SCHEME_PREFIX)) {
    return {
      ok: false,
      code: "signature_invalid",
      message: `${SIGNATURE_HEADER} must be v1=<hex>.`,
    };
  }
  return {
    ok: true,
    timestamp,
    presented: signatureHeader.slice(SCHEME_PREFIX.length).toLowerCase(),
  };
}

/** The answer when the presented MAC does not match the request. */
export const SIGNATURE_MISMATCH = {
  ok: false,
  code: "signature_invalid",
  message: "Signature does not match the request.",
} as const satisfies VerifyResult;

/**
 * Verifies timestamp freshness and the HMAC. Does not check replays: record `signature` on success and
 * refuse it if seen again within the tolerance window.
 */
export async function verifyRequest(
  secret: string,
  request: VerifiableRequest,
): Promise<VerifyResult> {
  const headers = checkSignatureHeaders(request);
  if (!headers.ok) return headers;
  const canonical = await canonicalString(
    headers.timestamp,
    request.method,
    request.pathWithQuery,
    request.body,
  );
  const expected = await hmacSha256Hex(secret, canonical);
  if (!timingSafeEqual(headers.presented, expected)) return SIGNATURE_MISMATCH;
  return { ok: true, timestamp: headers.timestamp, signature: expected };
}
