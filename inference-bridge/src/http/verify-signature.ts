/**
 * The bridge's verifier for the edge's request signatures: the checks, codes and messages of
 * `verifyRequest` in `@coach/contracts/signature`, computed synchronously with node:crypto. Web Crypto
 * runs the body digest and the HMAC as two jobs on libuv's thread pool, and on a busy host waiting for
 * those hops cost 0.25 ms at the median and 3 ms at p95 before every chat could start retrieving; done
 * in place it takes under 0.1 ms. `test/http/verify-signature.test.ts` holds the two verifiers to the
 * same answers.
 */
import {
  checkSignatureHeaders,
  SIGNATURE_MISMATCH,
  type SignatureHeadersCheck,
  type VerifiableRequest,
  type VerifyResult,
} from "@coach/contracts/signature";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** Same contract as `verifyRequest`: timestamp freshness and the HMAC; replays are the caller's job. */
export function verifySignature(secret: string, request: VerifiableRequest): VerifyResult {
  const headers = checkSignatureHeaders(request);
  if (!headers.ok) return headers;
  return verifyMac(secret, headers, request);
}

/** The HMAC half of {@link verifySignature}, for headers already checked (before the body was read). */
export function verifyMac(
  secret: string,
  headers: Extract<SignatureHeadersCheck, { ok: true }>,
  request: Pick<VerifiableRequest, "method" | "pathWithQuery" | "body">,
): VerifyResult {
  const presented = Buffer.from(headers.presented);
  const bodyHash = createHash("sha256").update(request.body).digest("hex");
  const canonical = `${headers.timestamp}.${request.method.toUpperCase()}.${request.pathWithQuery}.${bodyHash}`;
  const expected = createHmac("sha256", secret).update(canonical).digest("hex");
  // Only the length can differ in time, as with the contract's comparison.
  if (presented.length !== expected.length || !timingSafeEqual(presented, Buffer.from(expected)))
    return SIGNATURE_MISMATCH;
  return { ok: true, timestamp: headers.timestamp, signature: expected };
}
