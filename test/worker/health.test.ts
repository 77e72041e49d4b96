import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("GET /health", () => {
  it("answers ok with a request id", async () => {
    const res = await exports.default.fetch("http://edge.test/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("GET /health/ready", () => {
  it("reports D1 and the bridge, with the bridge's own status", async () => {
    const res = await exports.default.fetch("http://edge.test/health/ready");
    const body = (await res.json()) as {
      status: string;
      checks: { d1: { ok: boolean }; bridge: { ok: boolean; detail: { mode: string } } };
    };
    expect(res.status).toBe(200);
    expect(body.status).toBe("ready");
    expect(body.checks.d1.ok).toBe(true);
    expect(body.checks.bridge).toMatchObject({ ok: true, detail: { mode: "ollama" } });
  });

  it("answers 503 and names the bridge when it is down", async () => {
    await fetch(`${env.TEST_CONTROL_URL}/bridge/stop`, { method: "POST" });
    try {
      const res = await exports.default.fetch("http://edge.test/health/ready");
      const body = (await res.json()) as {
        status: string;
        checks: { bridge: { ok: boolean; error: string } };
      };
      expect(res.status).toBe(503);
      expect(body.checks.bridge).toMatchObject({
        ok: false,
        error: "The bridge cannot be reached.",
      });
    } finally {
      await fetch(`${env.TEST_CONTROL_URL}/bridge/start`, { method: "POST" });
    }
  });
});
