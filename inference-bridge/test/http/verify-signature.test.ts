/**
 * The bridge's synchronous verifier gives the same answer as the contract's `verifyRequest` for genuine,
 * forged, altered, stale and malformed requests.
 */
import { signRequest, verifyRequest, type VerifiableRequest } from "@coach/contracts/signature";
import { describe, expect, it } from "vitest";
import { verifySignature } from "../../src/http/verify-signature";

const SECRET = "s".repeat(40);
const NOW = 1_800_000_000;
const PATH = "/v1/chat?x=1";
const BODY = '{"question":"héllo"}';

async function genuine(body: string = BODY, timestamp = NOW): Promise<VerifiableRequest> {
  const headers = await signRequest(SECRET, {
    method: "POST",
    pathWithQuery: PATH,
    body,
    timestamp,
  });
  return {
    method: "POST",
    pathWithQuery: PATH,
    body,
    timestampHeader: headers["X-Bridge-Timestamp"],
    signatureHeader: headers["X-Bridge-Signature"],
    now: NOW,
  };
}

async function expectSameVerdict(request: VerifiableRequest, secret = SECRET): Promise<void> {
  expect(verifySignature(secret, request)).toEqual(await verifyRequest(secret, request));
}

describe("verifySignature", () => {
  it("accepts a genuine request and returns the contract's digest", async () => {
    const request = await genuine();
    expect(verifySignature(SECRET, request)).toMatchObject({ ok: true, timestamp: NOW });
    await expectSameVerdict(request);
  });

  it("accepts the body as bytes", async () => {
    const request = await genuine();
    await expectSameVerdict({ ...request, body: new TextEncoder().encode(BODY) });
    expect(verifySignature(SECRET, { ...request, body: new TextEncoder().encode(BODY) }).ok).toBe(
      true,
    );
  });

  it("accepts an upper-case hex signature and a lower-case method", async () => {
    const request = await genuine();
    await expectSameVerdict({
      ...request,
      method: "post",
      signatureHeader: `v1=${request.signatureHeader?.slice(3).toUpperCase()}`,
    });
  });

  it("refuses another secret, body, path or method", async () => {
    const request = await genuine();
    await expectSameVerdict(request, "t".repeat(40));
    await expectSameVerdict({ ...request, body: '{"question":"hello"}' });
    await expectSameVerdict({ ...request, pathWithQuery: "/v1/chat?x=2" });
    await expectSameVerdict({ ...request, method: "PUT" });
    expect(verifySignature(SECRET, { ...request, method: "PUT" })).toMatchObject({
      ok: false,
      code: "signature_invalid",
    });
  });

  it("refuses stale, future and re-dated timestamps", async () => {
    await expectSameVerdict(await genuine(BODY, NOW - 301));
    await expectSameVerdict(await genuine(BODY, NOW + 301));
    await expectSameVerdict({ ...(await genuine()), timestampHeader: String(NOW + 1) });
  });

  it("refuses missing headers, a non-numeric timestamp, a missing scheme and a truncated signature", async () => {
    const request = await genuine();
    await expectSameVerdict({ ...request, timestampHeader: null });
    await expectSameVerdict({ ...request, signatureHeader: undefined });
    await expectSameVerdict({ ...request, timestampHeader: "1.8e9" });
    await expectSameVerdict({ ...request, signatureHeader: request.signatureHeader?.slice(3) });
    await expectSameVerdict({ ...request, signatureHeader: request.signatureHeader?.slice(0, -2) });
    await expectSameVerdict({ ...request, signatureHeader: `${request.signatureHeader}é` });
  });

  it("honours a custom tolerance", async () => {
    await expectSameVerdict({ ...(await genuine(BODY, NOW - 10)), toleranceSeconds: 5 });
  });
});
