// Account data that is not reached through one workspace: users and tenants, a user's memberships
// across workspaces, and the credentials looked up before any tenant is known (refresh tokens,
// invitations by their hash). What authentication checks on every request (a sign-in's state, API
// keys) is in request-credentials.ts, a person's erasure in user-erasure.ts; tenant-scoped reads and
// writes stay in tenant-gateway.ts.
import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { database } from "./client";
import type { Role } from "./enums";
import { firstRow } from "./first-row";
import {
  accountNotices,
  apiKeys,
  auditLog,
  invitations,
  memberships,
  refreshTokens,
  tenants,
  users,
} from "./schema";

export type UserRow = typeof users.$inferSelect;
export type TenantRow = typeof tenants.$inferSelect;
export type RefreshTokenRow = typeof refreshTokens.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;
export type MembershipWithTenant = { membershipId: string; role: Role; tenant: TenantRow };
export type AccountNoticeRow = typeof accountNotices.$inferSelect;
export type AccountNoticeCode = AccountNoticeRow["code"];

/** The user with this normalised email, deleted or not. */
export function findUserByEmail(d1: D1Database, email: string): Promise<UserRow | undefined> {
  return firstRow(database(d1).select().from(users).where(eq(users.email, email)));
}

/** The user with this id. */
export function findUserById(d1: D1Database, id: string): Promise<UserRow | undefined> {
  return firstRow(database(d1).select().from(users).where(eq(users.id, id)));
}

/** Users by id, for listing a workspace's members. */
export async function findUsersByIds(d1: D1Database, ids: string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return database(d1)
    .select()
    .from(users)
    .where(sql`${users.id} IN ${ids}`);
}

/** Creates a user together with their own workspace, owned by them, in one atomic batch. */
export async function createUserWithWorkspace(
  d1: D1Database,
  input: {
    user: typeof users.$inferInsert;
    tenant: typeof tenants.$inferInsert;
    membershipId: string;
  },
): Promise<void> {
  const db = database(d1);
  await db.batch([
    db.insert(users).values(input.user),
    db.insert(tenants).values(input.tenant),
    db.insert(memberships).values({
      id: input.membershipId,
      tenantId: input.tenant.id ?? "",
      userId: input.user.id ?? "",
      role: "owner",
    }),
  ]);
}

/** Creates a user who joins the workspace of an invitation, consuming it, in one atomic batch. */
export async function createUserFromInvitation(
  d1: D1Database,
  input: { user: typeof users.$inferInsert; invitation: InvitationRow; membershipId: string },
): Promise<void> {
  const db = database(d1);
  await db.batch([
    db.insert(users).values(input.user),
    ...acceptInvitationStatements(d1, input.invitation, input.user.id ?? "", input.membershipId),
  ]);
}

function acceptInvitationStatements(
  d1: D1Database,
  invitation: InvitationRow,
  userId: string,
  membershipId: string,
) {
  const db = database(d1);
  return [
    db
      .insert(memberships)
      .values({ id: membershipId, tenantId: invitation.tenantId, userId, role: invitation.role })
      .onConflictDoNothing(),
    db.update(invitations).set({ acceptedAt: Date.now() }).where(eq(invitations.id, invitation.id)),
  ] as const;
}

/** Adds an existing user to an invitation's workspace and consumes the invitation. */
export async function acceptInvitation(
  d1: D1Database,
  invitation: InvitationRow,
  userId: string,
  membershipId: string,
): Promise<void> {
  const [insert, consume] = acceptInvitationStatements(d1, invitation, userId, membershipId);
  await database(d1).batch([insert, consume]);
}

/** The invitation with this token hash, whatever its state, and the name of its workspace (not closed). */
export function findInvitation(
  d1: D1Database,
  tokenHash: string,
): Promise<{ row: InvitationRow; workspaceName: string } | undefined> {
  return firstRow(
    database(d1)
      .select({ row: invitations, workspaceName: tenants.name })
      .from(invitations)
      .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
      .where(and(eq(invitations.tokenHash, tokenHash), isNull(tenants.deletedAt))),
  );
}

/** Whether an invitation can still be accepted: not used, not revoked, not expired. */
export function isOpenInvitation(row: InvitationRow, now = Date.now()): boolean {
  return row.acceptedAt === null && row.revokedAt === null && row.expiresAt > now;
}

/** The open invitation with this token hash, into a workspace that is not closed. */
export async function findOpenInvitation(
  d1: D1Database,
  tokenHash: string,
): Promise<InvitationRow | undefined> {
  const row = (await findInvitation(d1, tokenHash))?.row;
  return row && isOpenInvitation(row) ? row : undefined;
}

/** A user's workspaces, oldest membership first. */
export async function listMembershipsOfUser(
  d1: D1Database,
  userId: string,
): Promise<MembershipWithTenant[]> {
  const rows = await database(d1)
    .select({ membershipId: memberships.id, role: memberships.role, tenant: tenants })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(memberships.userId, userId), isNull(tenants.deletedAt)))
    .orderBy(asc(memberships.createdAt), asc(memberships.id));
  return rows;
}

/** Replaces a user's password hash (upgrade on sign-in, or a password change). */
export async function setPasswordHash(
  d1: D1Database,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await database(d1)
    .update(users)
    .set({ passwordHash, updatedAt: Date.now() })
    .where(eq(users.id, userId));
}

/** Stores a new refresh token (hash only). */
export async function insertRefreshToken(
  d1: D1Database,
  row: typeof refreshTokens.$inferInsert,
): Promise<void> {
  await database(d1).insert(refreshTokens).values(row);
}

/** The refresh token `where` picks. */
function findRefreshTokenWhere(d1: D1Database, where: SQL): Promise<RefreshTokenRow | undefined> {
  return firstRow(database(d1).select().from(refreshTokens).where(where));
}

/** The refresh token with this hash. */
export function findRefreshToken(
  d1: D1Database,
  tokenHash: string,
): Promise<RefreshTokenRow | undefined> {
  return findRefreshTokenWhere(d1, eq(refreshTokens.tokenHash, tokenHash));
}

/** The token that replaced `parentId`, if any. */
export function findRefreshChild(
  d1: D1Database,
  parentId: string,
): Promise<RefreshTokenRow | undefined> {
  return findRefreshTokenWhere(d1, eq(refreshTokens.parentId, parentId));
}

/**
 * Marks a refresh token used if nobody else has: the conditional update is the lock, and the number of
 * changed rows says who won when several requests present the same token at once.
 */
export async function claimRefreshToken(d1: D1Database, id: string, now: number): Promise<boolean> {
  const result = await d1
    .prepare(
      "UPDATE refresh_tokens SET used_at = ?1 WHERE id = ?2 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?1",
    )
    .bind(now, id)
    .run();
  return result.meta.changes === 1;
}

/** Revokes every token of one sign-in. */
export async function revokeFamily(d1: D1Database, familyId: string): Promise<void> {
  await database(d1)
    .update(refreshTokens)
    .set({ revokedAt: Date.now() })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

/** Revokes all of a user's sign-ins and, through `tokens_valid_after`, every access token issued so far. */
export async function revokeAllSessions(d1: D1Database, userId: string): Promise<void> {
  const db = database(d1);
  const now = Date.now();
  await db.batch([
    db
      .update(refreshTokens)
      .set({ revokedAt: now })
      .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt))),
    db.update(users).set({ tokensValidAfter: now, updatedAt: now }).where(eq(users.id, userId)),
  ]);
}

/** Notes that `code` happened to a person, for their next sign-in: one row per kind, counted. */
export async function addAccountNotice(
  d1: D1Database,
  userId: string,
  code: AccountNoticeCode,
  now = Date.now(),
): Promise<void> {
  await database(d1)
    .insert(accountNotices)
    .values({ userId, code, firstAt: now, lastAt: now })
    .onConflictDoUpdate({
      target: [accountNotices.userId, accountNotices.code],
      set: { count: sql`${accountNotices.count} + 1`, lastAt: now },
    });
}

/** The person's pending notices, taken: each is answered once, at one sign-in. */
export async function takeAccountNotices(
  d1: D1Database,
  userId: string,
): Promise<AccountNoticeRow[]> {
  return database(d1).delete(accountNotices).where(eq(accountNotices.userId, userId)).returning();
}

/** Everything stored about a person (GDPR access): profile, workspaces, sign-ins, their audit trail, keys they made. */
export async function exportUserData(d1: D1Database, userId: string) {
  const db = database(d1);
  const user = await findUserById(d1, userId);
  const workspaces = await listMembershipsOfUser(d1, userId);
  const sessions = await db
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.userId, userId))
    .orderBy(asc(refreshTokens.createdAt));
  const events = await db
    .select()
    .from(auditLog)
    .where(eq(auditLog.actorId, userId))
    .orderBy(asc(auditLog.createdAt));
  const keys = await db.select().from(apiKeys).where(eq(apiKeys.createdBy, userId));
  const notices = await db.select().from(accountNotices).where(eq(accountNotices.userId, userId));
  return { user, workspaces, sessions, events, keys, notices };
}
