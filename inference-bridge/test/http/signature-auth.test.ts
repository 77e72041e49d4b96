/**
 * Request signing as the bridge enforces it over HTTP: forged, stale, replayed and altered requests.
 */
import { signRequest } from "@coach/contracts/signature";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startHarness, TEST_SECRET, uniqueTenant, type Harness } from "../support/harness";

let harness: Harness;
const tenant = uniqueTenant();
const body = JSON.stringify({ tenant_id: tenant, query: "habits", k: 2 });

beforeAll(async () => {
  harness = await startHarness({ chromaUrl: inject("chromaUrl"), backend: "builtin" });
});
afterAll(() => harness.close());

async function post(headers: Record<string, string>, payload = body, path = "/v1/search"): Promise<Response> {
  return fetch(`${harness.url}${path}`, { method: "POST", body: payload, headers: { "Content-Type": "application/json", ...headers } });
}

async function errorCode(response: Response): Promise<string> {
  const json = (await response.json()) as { error: { code: string } };
  return json.error.code;
}

describe("signed requests", () => {
  it("accepts a correctly signed request", async () => {
    const response = await post(await signRequest(TEST_SECRET, { method: "POST", pathWithQuery: "/v1/search", body }));
    expect(response.status).toBe(200);
  });

  it("refuses an unsigned request with signature_missing", async () => {
    const response = await post({});
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe("signature_missing");
  });

  it("refuses a forged signature", async () => {
    const response = await post(await signRequest("f".repeat(40), { method: "POST", pathWithQuery: "/v1/search", body }));
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe("signature_invalid");
  });

  it("refuses a stale timestamp", async () => {
    const timestamp = Math.floor(Date.now() / 1000) - 301;
    const response = await post(await signRequest(TEST_SECRET, { method: "POST", pathWithQuery: "/v1/search", body, timestamp }));
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe("signature_expired");
  });

  it("refuses a replayed signature", async () => {
    const unique = JSON.stringify({ tenant_id: tenant, query: "replay me", k: 1 });
    const headers = await signRequest(TEST_SECRET, { method: "POST", pathWithQuery: "/v1/search", body: unique });
    expect((await post(headers, unique)).status).toBe(200);
    const replay = await post(headers, unique);
    expect(replay.status).toBe(401);
    expect(await errorCode(replay)).toBe("signature_replayed");
  });

  it("refuses a request whose body was altered after signing", async () => {
    const headers = await signRequest(TEST_SECRET, { method: "POST", pathWithQuery: "/v1/search", body });
    const response = await post(headers, body.replace(tenant, uniqueTenant()));
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe("signature_invalid");
  });

  it("refuses a signature made for another path", async () => {
    const headers = await signRequest(TEST_SECRET, { method: "POST", pathWithQuery: "/v1/embed", body });
    expect((await post(headers)).status).toBe(401);
  });

  it("covers the query string", async () => {
    const headers = await signRequest(TEST_SECRET, { method: "POST", pathWithQuery: "/v1/search?a=1", body });
    expect((await post(headers, body, "/v1/search?a=2")).status).toBe(401);
  });

  it("refuses an oversized body before reading it for the signature", async () => {
    const response = await post({}, "x".repeat(9 * 1024 * 1024));
    expect(response.status).toBe(413);
  });

  it("protects /metrics", async () => {
    expect((await fetch(`${harness.url}/metrics`)).status).toBe(401);
    expect((await harness.fetch("GET", "/metrics")).status).toBe(200);
  });

  it("serves /health unsigned, with booleans and counts only", async () => {
    const response = await fetch(`${harness.url}/health`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toMatch(/127\.0\.0\.1|http:|llama3|nomic|secret/i);
  });

  it("answers errors as {error:{code,message,request_id}} with the edge's request id", async () => {
    const response = await fetch(`${harness.url}/v1/chat`, { method: "POST", body: "{}", headers: { "X-Request-Id": "edge-123" } });
    expect(response.headers.get("x-request-id")).toBe("edge-123");
    expect(await response.json()).toEqual({ error: { code: "signature_missing", message: expect.any(String), request_id: "edge-123" } });
  });
});
