/**
 * Optional Cloudflare Access check against a local JWKS server and locally signed RS256 tokens.
 */
import { Hono } from "hono";
import { Jwt } from "hono/utils/jwt";
import type { HonoJsonWebKey } from "hono/utils/jwt/jws";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS_JWT_HEADER, cloudflareAccess } from "../../src/http/access-auth";
import type { AppEnv } from "../../src/http/app-env";
import { onError } from "../../src/http/error-handler";
import { requestContext } from "../../src/http/request-context";
import { Logger } from "../../src/logger";

const AUDIENCE = "a1b2c3d4e5f6a7b8c9d0";
let certs: Server;
let issuer: string;
let privateKey: HonoJsonWebKey;
let otherPrivateKey: HonoJsonWebKey;
let app: Hono<AppEnv>;

async function rsaPair(
  kid: string,
): Promise<{ publicJwk: HonoJsonWebKey; privateJwk: HonoJsonWebKey }> {
  const pair = await crypto.subtle.generateKey(
    {
      name: "RSASSA-PKCS1-v1_5",
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: "SHA-256",
    },
    true,
    ["sign", "verify"],
  );
  const publicJwk = {
    ...(await crypto.subtle.exportKey("jwk", pair.publicKey)),
    kid,
    alg: "RS256",
  };
  const privateJwk = {
    ...(await crypto.subtle.exportKey("jwk", pair.privateKey)),
    kid,
    alg: "RS256",
  };
  return { publicJwk, privateJwk };
}

beforeAll(async () => {
  const team = await rsaPair("team-key");
  const stranger = await rsaPair("team-key");
  privateKey = team.privateJwk;
  otherPrivateKey = stranger.privateJwk;
  certs = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ keys: [team.publicJwk] }));
  });
  await new Promise<void>((resolve) => certs.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(certs.address() as AddressInfo).port}`;
  app = new Hono<AppEnv>()
    .use(requestContext(new Logger("error")))
    .use(
      cloudflareAccess(
        { certsUrl: `${issuer}/cdn-cgi/access/certs`, issuer, audience: AUDIENCE },
        new Set(["/health"]),
      ),
    )
    .get("/health", (c) => c.text("up"))
    .post("/v1/chat", (c) => c.text("through"));
  app.onError(onError);
});
afterAll(() => new Promise<void>((resolve) => certs.close(() => resolve())));

async function token(overrides: Record<string, unknown> = {}, key = privateKey): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return Jwt.sign(
    { iss: issuer, aud: [AUDIENCE], iat: now, exp: now + 300, sub: "service", ...overrides },
    key,
    "RS256",
  );
}

async function post(
  headers: Record<string, string>,
): Promise<{ status: number; code: string | undefined }> {
  const response = await app.request("/v1/chat", { method: "POST", headers });
  const body =
    response.status === 200 ? undefined : ((await response.json()) as { error: { code: string } });
  return { status: response.status, code: body?.error.code };
}

describe("Cloudflare Access check", () => {
  it("lets a valid Access token through", async () => {
    expect(await post({ [ACCESS_JWT_HEADER]: await token() })).toEqual({
      status: 200,
      code: undefined,
    });
  });

  it("refuses a request without the Access header", async () => {
    expect(await post({})).toEqual({ status: 401, code: "access_missing" });
  });

  it("refuses a token for another application", async () => {
    expect(await post({ [ACCESS_JWT_HEADER]: await token({ aud: ["someone-else"] }) })).toEqual({
      status: 401,
      code: "access_invalid",
    });
  });

  it("refuses a token signed by another key", async () => {
    expect(await post({ [ACCESS_JWT_HEADER]: await token({}, otherPrivateKey) })).toEqual({
      status: 401,
      code: "access_invalid",
    });
  });

  it("refuses an expired token", async () => {
    expect(
      await post({ [ACCESS_JWT_HEADER]: await token({ exp: Math.floor(Date.now() / 1000) - 60 }) }),
    ).toEqual({ status: 401, code: "access_invalid" });
  });

  it("leaves /health open", async () => {
    expect((await app.request("/health")).status).toBe(200);
  });
});
