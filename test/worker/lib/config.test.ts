// The Worker's settings (worker/lib/config.ts): defaults when unset, every wrong value refused with a
// 500 `configuration_invalid` that names the variable, and one parse per env object.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { workerConfig } from "../../../worker/lib/config";
import { AppError } from "../../../worker/lib/errors";

function refusal(vars: Record<string, string>): AppError {
  try {
    workerConfig(vars);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("the configuration was accepted");
}

describe("worker configuration", () => {
  it("gives the documented defaults when nothing is set", () => {
    expect(workerConfig({})).toEqual({
      environment: "production",
      logLevel: "info",
      maxBodyBytes: 1_048_576,
      visitorTokenTtlSeconds: 900,
      answerMaxWaitMs: 3_600_000,
      workspaceErasureMs: 30 * 86_400_000,
      webhooksAllowLocalHttp: false,
      webhooksDohUrl: null,
      publicEdgeUrl: null,
    });
  });

  it("reads the values of wrangler.toml and the test bindings", () => {
    const config = workerConfig(env);
    expect(config).toMatchObject({
      environment: "test",
      logLevel: "warn",
      maxBodyBytes: 1_048_576,
      webhooksAllowLocalHttp: true,
    });
    expect(config.webhooksDohUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dns-query$/);
    expect(config.publicEdgeUrl).toBe("http://edge.test");
  });

  it("keeps the public origin without a trailing slash, so links built on it have one", () => {
    expect(workerConfig({ PUBLIC_EDGE_URL: " https://coach.example.com/ " }).publicEdgeUrl).toBe(
      "https://coach.example.com",
    );
    expect(workerConfig({ PUBLIC_EDGE_URL: "" }).publicEdgeUrl).toBeNull();
  });

  it.each([
    ["LOG_LEVEL", "verbose"],
    ["MAX_BODY_BYTES", "1MB"],
    ["MAX_BODY_BYTES", "0"],
    ["VISITOR_TOKEN_TTL_SECONDS", "-5"],
    ["ANSWER_MAX_WAIT_SECONDS", "1.5"],
    ["WORKSPACE_ERASURE_DAYS", "400"],
    ["WEBHOOKS_ALLOW_LOCAL_HTTP", "yes"],
    ["WEBHOOKS_DOH_URL", "cloudflare-dns.com/dns-query"],
    ["PUBLIC_EDGE_URL", "coach.example.com"],
    ["PUBLIC_EDGE_URL", "ftp://coach.example.com"],
  ])("refuses %s=%s with a 500 that names the variable", (name, value) => {
    const err = refusal({ [name]: value });
    expect({ status: err.status, code: err.code }).toEqual({
      status: 500,
      code: "configuration_invalid",
    });
    expect(err.message).toContain(name);
  });

  it("gives the defaults to an app called without bindings (a unit test's app.request)", () => {
    expect(workerConfig(undefined)).toEqual(workerConfig({}));
  });

  it("parses an env object once", () => {
    const vars = { MAX_BODY_BYTES: "2048" };
    expect(workerConfig(vars)).toBe(workerConfig(vars));
  });
});
