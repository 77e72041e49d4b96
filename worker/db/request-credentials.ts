// What authentication asks D1 on every request, before any tenant is trusted: whether a bearer
// token's sign-in is still live (and the member's current role), and what an API key is worth. Kept
// apart from accounts.ts because these run per request and only worker/middleware/authenticate.ts
// calls them.
import { and, eq, sql } from "drizzle-orm";
import type { ApiKeyRow } from "./accounts";
import { database } from "./client";
import { firstRow } from "./first-row";
import type { Role } from "./enums";
import { apiKeys, memberships, refreshTokens, tenants, users } from "./schema";
import { firstRowWithWorkspaceClosed } from "./workspace-closed-row";

/**
 * What authentication needs to know per request: is the user active, their current role, is the sign-in
 * live, is the workspace closed.
 */
export async function loadSessionState(
  d1: D1Database,
  input: { userId: string; tenantId: string; sessionId: string },
): Promise<{ role: Role; tokensValidAfter: number; workspaceClosed: boolean } | undefined> {
  const now = Date.now();
  const row = await firstRow(
    database(d1)
      .select({
        role: memberships.role,
        tokensValidAfter: users.tokensValidAfter,
        closedAt: tenants.deletedAt,
      })
      .from(users)
      .innerJoin(
        memberships,
        and(eq(memberships.userId, users.id), eq(memberships.tenantId, input.tenantId)),
      )
      .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
      .where(
        and(
          eq(users.id, input.userId),
          eq(users.status, "active"),
          sql`EXISTS (SELECT 1 FROM ${refreshTokens} WHERE ${refreshTokens.familyId} = ${input.sessionId}
                AND ${refreshTokens.userId} = ${input.userId} AND ${refreshTokens.revokedAt} IS NULL
                AND ${refreshTokens.expiresAt} > ${now})`,
        ),
      ),
  );
  return (
    row && {
      role: row.role,
      tokensValidAfter: row.tokensValidAfter,
      workspaceClosed: row.closedAt !== null,
    }
  );
}

/** An API key found by its hash: whether it may be used, and whether its workspace is closed. */
export type ApiKeyLookup = { row: ApiKeyRow; usable: boolean; workspaceClosed: boolean };

/**
 * The API key with this hash. It is usable while it is neither revoked nor expired and its creator is a
 * member of its workspace: removal and erasure revoke a member's keys, and this condition covers any
 * other way a member leaves.
 */
export async function findApiKey(
  d1: D1Database,
  keyHash: string,
): Promise<ApiKeyLookup | undefined> {
  const found = await firstRowWithWorkspaceClosed(
    d1,
    apiKeys,
    {
      row: apiKeys,
      creatorIsMember: sql<number>`(${apiKeys.createdBy} IS NULL OR EXISTS (SELECT 1 FROM ${memberships}
          WHERE ${memberships.tenantId} = ${apiKeys.tenantId} AND ${memberships.userId} = ${apiKeys.createdBy}))`,
    },
    eq(apiKeys.keyHash, keyHash),
  );
  if (!found) return undefined;
  const { row, creatorIsMember, workspaceClosed } = found;
  const usable =
    row.revokedAt === null &&
    (row.expiresAt === null || row.expiresAt > Date.now()) &&
    creatorIsMember === 1;
  return { row, usable, workspaceClosed };
}

/** Records that a key was used; written at most once a minute per key to spare D1. */
export async function touchApiKey(d1: D1Database, id: string, now: number): Promise<void> {
  await d1
    .prepare(
      "UPDATE api_keys SET last_used_at = ?1 WHERE id = ?2 AND (last_used_at IS NULL OR last_used_at < ?1 - 60000)",
    )
    .bind(now, id)
    .run();
}
