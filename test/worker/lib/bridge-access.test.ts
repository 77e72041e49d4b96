// Cloudflare Access end to end: the bridge's tunnel hostname behind an Access application whose policy
// allows one service token (the stand-in in test/support/access-stand-in.ts), the bridge verifying the
// Access JWT as well as the edge's signature. With the token configured the edge answers through it;
// without it, or bypassing Access, nothing reaches the bridge's routes.
import { env } from "cloudflare:workers";
import { signRequest } from "@coach/contracts/signature";
import { generateKeyPairSync } from "node:crypto";
import { Jwt } from "hono/utils/jwt";
import type { HonoJsonWebKey } from "hono/utils/jwt/jws";
import { beforeAll, describe, expect, it } from "vitest";
import { composeMessage } from "../../../durable-objects/coaching/compose-message";
import { assistantStatus } from "../../../worker/knowledge/assistant-status";
import { callBridge } from "../../../worker/lib/bridge-client";
import { AppError } from "../../../worker/lib/errors";
import { createLogger } from "../../../worker/lib/logger";
import { createWorkspace, type Workspace } from "../../support/widget-client";

const logger = createLogger({ component: "test" }, "error");
const STEP_TEXT = "Week two starts today: three runs of 20 minutes.";

/** The Worker's environment as production sets it with Access on. */
const behindAccess = {
  ...env,
  BRIDGE_URL: env.TEST_ACCESS_URL,
  BRIDGE_ACCESS_CLIENT_ID: env.TEST_ACCESS_CLIENT_ID,
  BRIDGE_ACCESS_CLIENT_SECRET: env.TEST_ACCESS_CLIENT_SECRET,
};

let workspace: Workspace;
let searches = 0;

beforeAll(async () => {
  workspace = await createWorkspace();
});

/** A signed search; a distinct k per call keeps two identical calls from reading as a replay. */
function searchBody(): unknown {
  searches += 1;
  return { tenant_id: workspace.tenantId, query: "morning walk", k: 10 + searches };
}

/** A search signed as the edge signs it, sent straight to `origin` with `headers` added. */
async function signedSearchAt(origin: string, headers: Record<string, string> = {}) {
  const body = JSON.stringify(searchBody());
  const signed = await signRequest(env.BRIDGE_SECRET, {
    method: "POST",
    pathWithQuery: "/v1/search",
    body,
  });
  return fetch(`${origin}/v1/search`, {
    method: "POST",
    headers: { ...signed, "Content-Type": "application/json", ...headers },
    body,
  });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("the edge with an Access service token", () => {
  it("answers a question through Access: the model's words, not the step's fallback text", async () => {
    const text = await composeMessage(
      behindAccess,
      {
        tenantId: workspace.tenantId,
        contactId: "contact-access",
        messageId: `m-${crypto.randomUUID()}`,
        text: STEP_TEXT,
        prompt: "Encourage them to start week two",
      },
      logger,
    );
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toBe(STEP_TEXT);
  });

  it("searches the coach's material and reads the bridge's health through Access", async () => {
    const response = await callBridge(behindAccess, {
      method: "POST",
      path: "/v1/search",
      body: searchBody(),
      requestId: "access-search",
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { hits: unknown[] }).hits.length).toBeGreaterThan(0);
    expect(await assistantStatus(behindAccess, "access-health")).toEqual({
      reachable: true,
      mode: "ollama",
      status: "ok",
    });
  });
});

describe("the edge without a valid service token", () => {
  it("is turned away by Access, and says which settings to check", async () => {
    for (const settings of [
      { BRIDGE_ACCESS_CLIENT_ID: "" },
      { BRIDGE_ACCESS_CLIENT_SECRET: "not-the-secret" },
    ]) {
      const error = await refusal(
        callBridge(
          { ...behindAccess, ...settings },
          { method: "POST", path: "/v1/search", body: searchBody(), requestId: "access-off" },
        ),
      );
      expect(error.status).toBe(503);
      expect(error.code).toBe("bridge_access_refused");
      expect(error.message).toContain("BRIDGE_ACCESS_CLIENT_SECRET");
    }
  });

  it("reports the bridge unreachable in the dashboard rather than reading Access's login page", async () => {
    expect(
      await assistantStatus({ ...behindAccess, BRIDGE_ACCESS_CLIENT_ID: "" }, "access-off"),
    ).toEqual({ reachable: false, mode: null, status: null });
  });

  it("names the missing secret when only the client id is configured", async () => {
    const { BRIDGE_ACCESS_CLIENT_SECRET: _secret, ...withoutSecret } = behindAccess;
    const error = await refusal(
      callBridge(withoutSecret as typeof behindAccess, {
        method: "GET",
        path: "/health",
        requestId: "access-half",
      }),
    );
    expect(error.code).toBe("configuration_invalid");
    expect(error.message).toContain("wrangler secret put BRIDGE_ACCESS_CLIENT_SECRET");
  });
});

describe("calls that do not come from the edge through Access", () => {
  it("an unsigned call with the service token passes Access and is refused by the bridge", async () => {
    const response = await fetch(`${env.TEST_ACCESS_URL}/v1/search`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "CF-Access-Client-Id": env.TEST_ACCESS_CLIENT_ID,
        "CF-Access-Client-Secret": env.TEST_ACCESS_CLIENT_SECRET,
      },
      body: JSON.stringify(searchBody()),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "signature_missing",
    );
  });

  it("a signed call that bypasses Access (a leaked tunnel address) is refused", async () => {
    const bypass = await signedSearchAt(env.TEST_ACCESS_BRIDGE_URL);
    expect(bypass.status).toBe(401);
    expect(((await bypass.json()) as { error: { code: string } }).error.code).toBe(
      "access_missing",
    );
  });

  it("an Access token signed by anyone but the team is refused", async () => {
    const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const strangerJwk = { ...stranger.export({ format: "jwk" }), kid: "forged", alg: "RS256" };
    const now = Math.floor(Date.now() / 1000);
    const forged = await Jwt.sign(
      { type: "app", iss: env.TEST_ACCESS_URL, aud: ["any"], iat: now, exp: now + 300 },
      strangerJwk as HonoJsonWebKey,
      "RS256",
    );
    const response = await signedSearchAt(env.TEST_ACCESS_BRIDGE_URL, {
      "Cf-Access-Jwt-Assertion": forged,
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "access_invalid",
    );
  });
});
