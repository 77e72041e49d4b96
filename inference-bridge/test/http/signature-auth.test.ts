/**
 * Request signing as the bridge enforces it over HTTP: forged, stale, replayed and altered requests.
 */
import { signRequest, type SignatureHeaders } from "@coach/contracts/signature";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startHarness, TEST_SECRET, uniqueTenant, type Harness } from "../support/harness";

let harness: Harness;
const tenant = uniqueTenant();
const body = JSON.stringify({ tenant_id: tenant, query: "habits", k: 2 });

beforeAll(async () => {
  harness = await startHarness({ chromaUrl: inject("chromaUrl"), backend: "builtin" });
});
afterAll(() => harness.close());

async function post(
  headers: Record<string, string>,
  payload = body,
  path = "/v1/search",
): Promise<Response> {
  return fetch(`${harness.url}${path}`, {
    method: "POST",
    body: payload,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

/**
 * Sends the head of an upload declaring a 20 MB body, then only 1 KB of it, over a raw socket; resolves
 * with what the bridge answered and whether it closed the connection, within `waitMs`.
 */
function partialUpload(
  headers: Partial<SignatureHeaders>,
  waitMs = 2000,
): Promise<{ answer: string; closed: boolean; ms: number }> {
  return new Promise((resolve) => {
    const url = new URL(harness.url);
    const socket = connect(Number(url.port), url.hostname);
    const started = performance.now();
    let answer = "";
    let closed = false;
    const finish = () => {
      socket.destroy();
      resolve({ answer, closed, ms: performance.now() - started });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on("data", (data: Buffer) => (answer += data.toString()));
    socket.on("end", () => {
      closed = true;
      clearTimeout(timer);
      finish();
    });
    socket.on("error", () => undefined);
    const lines = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join("");
    socket.write(
      `POST /v1/ingest/${tenant}/big?kind=pdf&title=Big&attempt=1 HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/octet-stream\r\nContent-Length: 20000000\r\n${lines}\r\n`,
    );
    socket.write(Buffer.alloc(1024, 0x41));
  });
}

async function errorCode(response: Response): Promise<string> {
  const json = (await response.json()) as { error: { code: string } };
  return json.error.code;
}

describe("signed requests", () => {
  it("accepts a correctly signed request", async () => {
    const response = await post(
      await signRequest(TEST_SECRET, { method: "POST", pathWithQuery: "/v1/search", body }),
    );
    expect(response.status).toBe(200);
  });

  it("refuses an unsigned request with signature_missing", async () => {
    const response = await post({});
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe("signature_missing");
  });

  it("refuses a forged signature", async () => {
    const response = await post(
      await signRequest("f".repeat(40), { method: "POST", pathWithQuery: "/v1/search", body }),
    );
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe("signature_invalid");
  });

  it("refuses a stale timestamp", async () => {
    const timestamp = Math.floor(Date.now() / 1000) - 301;
    const response = await post(
      await signRequest(TEST_SECRET, {
        method: "POST",
        pathWithQuery: "/v1/search",
        body,
        timestamp,
      }),
    );
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe("signature_expired");
  });

  it("refuses a replayed signature", async () => {
    const unique = JSON.stringify({ tenant_id: tenant, query: "replay me", k: 1 });
    const headers = await signRequest(TEST_SECRET, {
      method: "POST",
      pathWithQuery: "/v1/search",
      body: unique,
    });
    expect((await post(headers, unique)).status).toBe(200);
    const replay = await post(headers, unique);
    expect(replay.status).toBe(401);
    expect(await errorCode(replay)).toBe("signature_replayed");
  });

  it("refuses a request whose body was altered after signing", async () => {
    // A body no other test signs: a signature already used would be refused as a replay first.
    const signed = JSON.stringify({ tenant_id: tenant, query: "altered after signing", k: 2 });
    const headers = await signRequest(TEST_SECRET, {
      method: "POST",
      pathWithQuery: "/v1/search",
      body: signed,
    });
    const response = await post(headers, signed.replace(tenant, uniqueTenant()));
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe("signature_invalid");
  });

  it("refuses a signature made for another path", async () => {
    const headers = await signRequest(TEST_SECRET, {
      method: "POST",
      pathWithQuery: "/v1/embed",
      body,
    });
    expect((await post(headers)).status).toBe(401);
  });

  it("covers the query string", async () => {
    const headers = await signRequest(TEST_SECRET, {
      method: "POST",
      pathWithQuery: "/v1/search?a=1",
      body,
    });
    expect((await post(headers, body, "/v1/search?a=2")).status).toBe(401);
  });

  it("refuses an oversized body before reading it for the signature", async () => {
    const response = await post({}, "x".repeat(9 * 1024 * 1024));
    expect(response.status).toBe(413);
  });

  it("refuses an unsigned upload before reading its body, and closes the connection", async () => {
    const result = await partialUpload({});
    expect(result.answer).toMatch(/^HTTP\/1\.1 401/);
    expect(result.answer).toContain("signature_missing");
    expect(result.closed).toBe(true);
  });

  it("refuses a stale upload before reading its body", async () => {
    const stale = await signRequest(TEST_SECRET, {
      method: "POST",
      pathWithQuery: "/v1/ingest/x",
      body: "",
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    const result = await partialUpload(stale);
    expect(result.answer).toContain("signature_expired");
    expect(result.closed).toBe(true);
  });

  it("refuses a replayed signature on an upload before reading its body", async () => {
    const unique = JSON.stringify({ tenant_id: tenant, query: "replayed upload", k: 1 });
    const headers = await signRequest(TEST_SECRET, {
      method: "POST",
      pathWithQuery: "/v1/search",
      body: unique,
    });
    expect((await post(headers, unique)).status).toBe(200);
    const result = await partialUpload(headers);
    expect(result.answer).toContain("signature_replayed");
    expect(result.closed).toBe(true);
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
    const response = await fetch(`${harness.url}/v1/chat`, {
      method: "POST",
      body: "{}",
      headers: { "X-Request-Id": "edge-123" },
    });
    expect(response.headers.get("x-request-id")).toBe("edge-123");
    expect(await response.json()).toEqual({
      error: { code: "signature_missing", message: expect.any(String), request_id: "edge-123" },
    });
  });
});
