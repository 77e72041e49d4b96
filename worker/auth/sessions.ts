// Sign-ins as refresh-token families. Each sign-in starts a family with an absolute end 30 days out;
// every refresh spends its token (single use, claimed by a conditional update) and issues a child that
// keeps the family's end. Presenting a spent token revokes the whole family, except within a few
// seconds of its own rotation while its child is unused: that is a client racing itself, not a thief.
import type { TokenResponse } from "@coach/contracts/account-views";
import * as accounts from "../db/accounts";
import type { Role } from "../db/enums";
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken } from "./access-token";
import { hashSecret } from "./secrets";
import { newId, newSecret } from "../lib/ids";

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600 * 1000;
/** How long after a rotation the parent may be presented again without counting as reuse. */
export const REFRESH_GRACE_MS = 10_000;

export type ClientMeta = { ip: string; userAgent: string | null };

type SessionSubject = { user: accounts.UserRow; tenant: accounts.TenantRow; role: Role };

async function respond(
  env: Env,
  subject: SessionSubject,
  familyId: string,
  refreshToken: string,
): Promise<TokenResponse> {
  const accessToken = await signAccessToken(env, {
    userId: subject.user.id,
    tenantId: subject.tenant.id,
    role: subject.role,
    sessionId: familyId,
  });
  return {
    access_token: accessToken,
    refresh_token: refreshToken,
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    user: { id: subject.user.id, email: subject.user.email, full_name: subject.user.fullName },
    tenant: {
      id: subject.tenant.id,
      name: subject.tenant.name,
      slug: subject.tenant.slug,
      role: subject.role,
    },
  };
}

/** Starts a new sign-in (a new family) and answers with its first token pair. */
export async function startSession(
  env: Env,
  subject: SessionSubject,
  meta: ClientMeta,
): Promise<TokenResponse> {
  const familyId = newId();
  const refreshToken = newSecret();
  await accounts.insertRefreshToken(env.DB, {
    id: newId(),
    tenantId: subject.tenant.id,
    userId: subject.user.id,
    familyId,
    parentId: null,
    tokenHash: await hashSecret(refreshToken),
    expiresAt: Date.now() + REFRESH_TOKEN_TTL_MS,
    ip: meta.ip,
    userAgent: meta.userAgent,
  });
  return respond(env, subject, familyId, refreshToken);
}

export type RotationResult =
  | { kind: "rotated"; body: TokenResponse }
  | { kind: "invalid" }
  | { kind: "superseded" }
  | { kind: "reused"; token: accounts.RefreshTokenRow };

async function explainLostClaim(env: Env, row: accounts.RefreshTokenRow): Promise<RotationResult> {
  const current = (await accounts.findRefreshToken(env.DB, row.tokenHash)) ?? row;
  if (current.revokedAt !== null || current.expiresAt <= Date.now() || current.usedAt === null)
    return { kind: "invalid" };
  const child = await accounts.findRefreshChild(env.DB, current.id);
  const raced =
    Date.now() - current.usedAt <= REFRESH_GRACE_MS &&
    (child === undefined || child.usedAt === null);
  if (raced) return { kind: "superseded" };
  await accounts.revokeFamily(env.DB, current.familyId);
  return { kind: "reused", token: current };
}

/** Spends a refresh token and issues its successor, detecting reuse. */
export async function rotateSession(
  env: Env,
  refreshToken: string,
  meta: ClientMeta,
): Promise<RotationResult> {
  const row = await accounts.findRefreshToken(env.DB, await hashSecret(refreshToken));
  if (!row || row.revokedAt !== null || row.expiresAt <= Date.now()) return { kind: "invalid" };
  if (row.usedAt !== null || !(await accounts.claimRefreshToken(env.DB, row.id, Date.now())))
    return explainLostClaim(env, row);

  const user = await accounts.findUserById(env.DB, row.userId);
  const membership = (await accounts.listMembershipsOfUser(env.DB, row.userId)).find(
    (m) => m.tenant.id === row.tenantId,
  );
  if (!user || user.status !== "active" || !membership) {
    await accounts.revokeFamily(env.DB, row.familyId);
    return { kind: "invalid" };
  }
  const next = newSecret();
  await accounts.insertRefreshToken(env.DB, {
    id: newId(),
    tenantId: row.tenantId,
    userId: row.userId,
    familyId: row.familyId,
    parentId: row.id,
    tokenHash: await hashSecret(next),
    expiresAt: row.expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent,
  });
  return {
    kind: "rotated",
    body: await respond(
      env,
      { user, tenant: membership.tenant, role: membership.role },
      row.familyId,
      next,
    ),
  };
}
