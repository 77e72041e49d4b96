/**
 * Signing primitives of `@coach/contracts/signature`, checked against an independent node:crypto HMAC.
 */
import {
  canonicalString,
  sha256Hex,
  signRequest,
  timingSafeEqual,
  verifyRequest,
} from "@coach/contracts/signature";
import { createHmac, createHash } from "node:crypto";
import { describe, expect, it } from "vitest";

const SECRET = "s".repeat(40);
const NOW = 1_800_000_000;

async function signed(body = '{"a":1}', timestamp = NOW) {
  const headers = await signRequest(SECRET, {
    method: "POST",
    pathWithQuery: "/v1/chat?x=1",
    body,
    timestamp,
  });
  return { body, headers };
}

function verify(
  body: string | Uint8Array,
  headers: { "X-Bridge-Timestamp": string; "X-Bridge-Signature": string },
  overrides: Partial<{ method: string; pathWithQuery: string; now: number; secret: string }> = {},
) {
  return verifyRequest(overrides.secret ?? SECRET, {
    method: overrides.method ?? "POST",
    pathWithQuery: overrides.pathWithQuery ?? "/v1/chat?x=1",
    body,
    timestampHeader: headers["X-Bridge-Timestamp"],
    signatureHeader: headers["X-Bridge-Signature"],
    now: overrides.now ?? NOW,
  });
}

describe("signature primitives", () => {
  it("matches an independent node:crypto implementation of the documented canonical string", async () => {
    const { body, headers } = await signed();
    const bodyHash = createHash("sha256").update(body).digest("hex");
    const expected = createHmac("sha256", SECRET)
      .update(`${NOW}.POST./v1/chat?x=1.${bodyHash}`)
      .digest("hex");
    expect(headers["X-Bridge-Signature"]).toBe(`v1=${expected}`);
    expect(headers["X-Bridge-Timestamp"]).toBe(String(NOW));
  });

  it("hashes string and byte bodies identically", async () => {
    expect(await sha256Hex(new TextEncoder().encode("héllo"))).toBe(await sha256Hex("héllo"));
  });

  it("upper-cases the method in the canonical string", async () => {
    expect(await canonicalString(1, "post", "/p", "")).toMatch(/^1\.POST\.\/p\./);
  });

  it("accepts a genuine signature and returns its digest", async () => {
    const { body, headers } = await signed();
    const result = await verify(body, headers);
    expect(result).toEqual({
      ok: true,
      timestamp: NOW,
      signature: headers["X-Bridge-Signature"].slice(3),
    });
  });

  it("refuses a signature made with another secret", async () => {
    const { body, headers } = await signed();
    expect(await verify(body, headers, { secret: "t".repeat(40) })).toMatchObject({
      ok: false,
      code: "signature_invalid",
    });
  });

  it("refuses an altered body", async () => {
    const { headers } = await signed();
    expect(await verify('{"a":2}', headers)).toMatchObject({
      ok: false,
      code: "signature_invalid",
    });
  });

  it("refuses an altered query string", async () => {
    const { body, headers } = await signed();
    expect(await verify(body, headers, { pathWithQuery: "/v1/chat?x=2" })).toMatchObject({
      ok: false,
      code: "signature_invalid",
    });
  });

  it("refuses another method", async () => {
    const { body, headers } = await signed();
    expect(await verify(body, headers, { method: "PUT" })).toMatchObject({
      ok: false,
      code: "signature_invalid",
    });
  });

  it("refuses a timestamp older than 300 s", async () => {
    const { body, headers } = await signed('{"a":1}', NOW - 301);
    expect(await verify(body, headers)).toMatchObject({ ok: false, code: "signature_expired" });
  });

  it("refuses a timestamp more than 300 s in the future", async () => {
    const { body, headers } = await signed('{"a":1}', NOW + 301);
    expect(await verify(body, headers)).toMatchObject({ ok: false, code: "signature_expired" });
  });

  it("accepts a timestamp exactly 300 s old", async () => {
    const { body, headers } = await signed('{"a":1}', NOW - 300);
    expect(await verify(body, headers)).toMatchObject({ ok: true });
  });

  it("refuses a re-dated signature, since the timestamp is signed", async () => {
    const { body, headers } = await signed('{"a":1}', NOW - 400);
    expect(await verify(body, { ...headers, "X-Bridge-Timestamp": String(NOW) })).toMatchObject({
      ok: false,
      code: "signature_invalid",
    });
  });

  it("reports missing headers as signature_missing", async () => {
    const result = await verifyRequest(SECRET, {
      method: "POST",
      pathWithQuery: "/",
      body: "",
      timestampHeader: null,
      signatureHeader: null,
    });
    expect(result).toMatchObject({ ok: false, code: "signature_missing" });
  });

  it("refuses a signature without the v1= scheme", async () => {
    const { body, headers } = await signed();
    expect(
      await verify(body, {
        ...headers,
        "X-Bridge-Signature": headers["X-Bridge-Signature"].slice(3),
      }),
    ).toMatchObject({ ok: false, code: "signature_invalid" });
  });

  it("compares equal and unequal strings correctly, including different lengths", () => {
    expect(timingSafeEqual("abc", "abc")).toBe(true);
    expect(timingSafeEqual("abc", "abd")).toBe(false);
    expect(timingSafeEqual("abc", "abcd")).toBe(false);
  });
});
