// The error model as a client meets it: every failure is JSON {"error":{"code","message","request_id"}}
// with the right status, the request id is echoed, and a stack never leaves the Worker.
import { exports } from "cloudflare:workers";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../worker/lib/app-env";
import { handleError } from "../../worker/middleware/error-handler";
import { requestContext } from "../../worker/middleware/request-context";

type ErrorBody = {
  error: { code: string; message: string; request_id: string; details?: unknown };
};

const SESSION = "http://edge.test/api/v1/widget/session";
let ipCounter = 0;
/** Each test its own client IP, so rate limits of one test do not leak into another. */
const freshIp = () => `198.51.100.${++ipCounter}`;

function post(url: string, body: BodyInit | null, headers: Record<string, string> = {}) {
  return exports.default.fetch(url, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": freshIp(), ...headers },
  });
}

async function expectError(res: Response, status: number, code: string): Promise<ErrorBody> {
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  expect(body.error.request_id).toBe(res.headers.get("X-Request-Id"));
  return body;
}

describe("error model", () => {
  it("answers malformed JSON with 400 invalid_json", async () => {
    await expectError(await post(SESSION, '{"public_key": '), 400, "invalid_json");
  });

  it("answers a schema violation with 400 validation_failed and lists the issues", async () => {
    const body = await expectError(
      await post(SESSION, JSON.stringify({ public_key: 42 })),
      400,
      "validation_failed",
    );
    expect(body.error.details).toEqual([expect.objectContaining({ path: "public_key" })]);
  });

  it("answers a body that is not UTF-8 with 400 invalid_encoding", async () => {
    await expectError(
      await post(SESSION, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])),
      400,
      "invalid_encoding",
    );
  });

  it("answers a wrong content type with 415", async () => {
    await expectError(
      await post(SESSION, "public_key=x", { "Content-Type": "application/x-www-form-urlencoded" }),
      415,
      "unsupported_media_type",
    );
  });

  it("answers a declared oversize body with 413 before reading it", async () => {
    await expectError(
      await post(SESSION, JSON.stringify({ public_key: "x".repeat(5000) })),
      413,
      "payload_too_large",
    );
  });

  it("answers an oversize streamed body without Content-Length with 413", async () => {
    const chunk = new TextEncoder().encode("x".repeat(1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    await expectError(await post(SESSION, stream), 413, "payload_too_large");
  });

  it("answers an unknown route with 404", async () => {
    await expectError(
      await exports.default.fetch("http://edge.test/api/v1/nothing-here"),
      404,
      "route_not_found",
    );
  });

  it("answers a known path with the wrong method with 405 and Allow", async () => {
    const res = await exports.default.fetch("http://edge.test/health", { method: "DELETE" });
    await expectError(res, 405, "method_not_allowed");
    expect(res.headers.get("Allow")).toBe("GET, HEAD");
  });

  it("answers 429 with Retry-After once a rate limit is spent", async () => {
    const ip = freshIp();
    let last: Response | undefined;
    for (let i = 0; i < 31; i++)
      last = await post(SESSION, JSON.stringify({ public_key: "pk_unknown" }), {
        "CF-Connecting-IP": ip,
      });
    await expectError(last as Response, 429, "rate_limited");
    expect(Number(last?.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
  });

  it("answers an unexpected failure with a generic 500 and no stack", async () => {
    const app = new Hono<AppEnv>().use(requestContext());
    app.get("/boom", () => {
      throw new Error("database password is hunter2");
    });
    app.onError(handleError);
    const res = await app.request("/boom");
    const body = await expectError(res, 500, "internal_error");
    expect(JSON.stringify(body)).not.toMatch(/hunter2|Error:|at /);
  });
});

describe("request ids", () => {
  it("keeps a well-formed inbound X-Request-Id", async () => {
    const res = await exports.default.fetch("http://edge.test/health", {
      headers: { "X-Request-Id": "edge-test-12345678" },
    });
    expect(res.headers.get("X-Request-Id")).toBe("edge-test-12345678");
  });

  it("replaces a malformed inbound X-Request-Id", async () => {
    const res = await exports.default.fetch("http://edge.test/health", {
      headers: { "X-Request-Id": "bad id <script>" },
    });
    expect(res.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("puts the request id in error bodies", async () => {
    const res = await exports.default.fetch("http://edge.test/nope", {
      headers: { "X-Request-Id": "trace-me-000001" },
    });
    expect(((await res.json()) as ErrorBody).error.request_id).toBe("trace-me-000001");
  });
});
