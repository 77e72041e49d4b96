// Authentication: turns `Authorization: Bearer …` into `c.get("principal")`. An access token (RS256
// JWT) must verify and its sign-in must still be live; the user's current role is read from D1, so
// logout, removal, role changes and erasure take effect at once. An API key (ck_…) is looked up by hash.
// Either credential of a closed workspace is refused with 410 workspace_closed.
import type { ErrorCode } from "@coach/contracts/errors";
import { createMiddleware } from "hono/factory";
import type { AppEnv, Principal } from "../lib/app-env";
import { verifyAccessToken } from "../auth/access-token";
import { API_KEY_PREFIX } from "../auth/api-keys";
import { hashSecret } from "../auth/secrets";
import * as credentials from "../db/request-credentials";
import { AppError } from "../lib/errors";
import { workspaceClosed } from "../workspace/workspace-closed";

function unauthorized(code: ErrorCode, message: string): AppError {
  return new AppError(401, code, message, {
    headers: { "WWW-Authenticate": 'Bearer realm="api"' },
  });
}

const revoked = () =>
  unauthorized("invalid_token", "The access token is not valid. Sign in again.");

async function userPrincipal(env: Env, token: string): Promise<Principal> {
  const claims = await verifyAccessToken(env, token);
  const state = await credentials.loadSessionState(env.DB, claims);
  // tokens_valid_after is in ms and iat in whole seconds: a token from the very second of a logout-all
  // is caught by its revoked family instead.
  if (!state || claims.issuedAt < Math.floor(state.tokensValidAfter / 1000)) throw revoked();
  if (state.workspaceClosed) throw workspaceClosed();
  return {
    kind: "user",
    tenantId: claims.tenantId,
    subjectId: claims.userId,
    role: state.role,
    sessionId: claims.sessionId,
  };
}

async function apiKeyPrincipal(
  env: Env,
  key: string,
  ctx: { waitUntil(work: Promise<unknown>): void },
): Promise<Principal> {
  const found = await credentials.findApiKey(env.DB, await hashSecret(key));
  // Closed first: a closed workspace's keys were revoked with its last member, and the closure is the news.
  if (found?.workspaceClosed) throw workspaceClosed();
  if (!found?.usable)
    throw unauthorized("invalid_api_key", "The API key is not valid or has been revoked.");
  const { row } = found;
  // The last-used time is bookkeeping: it must not slow the request it describes.
  ctx.waitUntil(credentials.touchApiKey(env.DB, row.id, Date.now()));
  return {
    kind: "api_key",
    tenantId: row.tenantId,
    subjectId: row.id,
    role: "service",
    scopes: row.scopes,
  };
}

/** Requires valid credentials and sets the principal; 401 otherwise. */
export const authenticate = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("Authorization");
    if (!header)
      throw unauthorized(
        "missing_credentials",
        "Send an access token or API key as Authorization: Bearer <token>.",
      );
    const match = /^Bearer ([A-Za-z0-9._~+/=-]{1,4096})$/i.exec(header);
    if (!match?.[1])
      throw unauthorized(
        "invalid_authorization",
        "Use Authorization: Bearer <token>; other schemes are not accepted.",
      );
    const credential = match[1];
    const principal = credential.startsWith(API_KEY_PREFIX)
      ? await apiKeyPrincipal(c.env, credential, c.executionCtx)
      : await userPrincipal(c.env, credential);
    c.set("principal", principal);
    await next();
  });
