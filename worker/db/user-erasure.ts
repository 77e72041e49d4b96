// Erasing a person (GDPR erasure) as D1 sees it: the live API keys they created, which go with them,
// and the one batch that blanks, removes and revokes what is theirs and closes the workspaces they
// leave empty. worker/auth/erase-account.ts decides what closes and records the audit trail first.
import { and, eq, isNull } from "drizzle-orm";
import type { ApiKeyRow } from "./accounts";
import { database } from "./client";
import {
  users,
  refreshTokens,
  accountNotices,
  memberships,
  apiKeys,
  invitations,
  auditLog,
  tenants,
} from "./schema";

/** The live API keys a person created, in every workspace (they go when the person goes). */
export async function liveApiKeysCreatedBy(d1: D1Database, userId: string): Promise<ApiKeyRow[]> {
  return database(d1)
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.createdBy, userId), isNull(apiKeys.revokedAt)));
}

/** The workspaces that close with a person's erasure, and how long their data is then kept. */
export type ClosingWorkspaces = { tenantIds: string[]; windowMs: number };

/**
 * Erases a person (GDPR erasure): personal fields blanked, sign-ins and memberships removed, the API
 * keys they created revoked, every token refused from now on, and their audit trail kept under the
 * bare random id without IP or user agent. The workspaces they were the sole member of close in the
 * same batch.
 */
export async function eraseUser(
  d1: D1Database,
  userId: string,
  closing: ClosingWorkspaces = { tenantIds: [], windowMs: 0 },
): Promise<void> {
  const db = database(d1);
  const now = Date.now();
  await db.batch([
    db
      .update(users)
      .set({
        email: `erased-${userId}@invalid`,
        fullName: "",
        passwordHash: "",
        status: "deleted",
        deletedAt: now,
        tokensValidAfter: now,
        updatedAt: now,
      })
      .where(eq(users.id, userId)),
    db.delete(refreshTokens).where(eq(refreshTokens.userId, userId)),
    db.delete(accountNotices).where(eq(accountNotices.userId, userId)),
    db.delete(memberships).where(eq(memberships.userId, userId)),
    db
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.createdBy, userId), isNull(apiKeys.revokedAt))),
    db.delete(invitations).where(eq(invitations.invitedBy, userId)),
    db.update(auditLog).set({ ip: null, userAgent: null }).where(eq(auditLog.actorId, userId)),
    ...closing.tenantIds.map((tenantId) =>
      db
        .update(tenants)
        .set({ deletedAt: now, eraseAfter: now + closing.windowMs, updatedAt: now })
        .where(and(eq(tenants.id, tenantId), isNull(tenants.deletedAt))),
    ),
  ]);
}
