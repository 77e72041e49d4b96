// A workspace's retention settings in D1, and the bounded reads and deletes its RetentionSweeper runs:
// every statement touches at most `limit` rows, so a large backlog is worked off over several passes.
import { DEFAULT_RETENTION, type RetentionSettings } from "@coach/contracts/retention";
import { and, eq, inArray, isNotNull, isNull, lt, ne, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { database } from "./client";
import { auditLog, documents, questionGaps, webhookDeliveries } from "./schema";
import { forTenant } from "./tenant-gateway";

/** The settings in force and when they were last changed (null: never, the defaults apply). */
export type StoredRetention = { settings: RetentionSettings; updatedAt: number | null };

/** The workspace's retention, or the defaults when nobody has changed it. */
export async function loadRetention(d1: D1Database, tenantId: string): Promise<StoredRetention> {
  const row = await forTenant(d1, tenantId).find("retentionPolicies", tenantId);
  if (!row) return { settings: DEFAULT_RETENTION, updatedAt: null };
  return {
    settings: {
      conversations_days: row.conversationsDays,
      originals_days: row.originalsDays,
      audit_days: row.auditDays,
      webhook_deliveries_days: row.webhookDeliveriesDays,
      gaps_days: row.gapsDays,
    },
    updatedAt: row.updatedAt,
  };
}

/** Stores the workspace's complete retention; answers it as stored. */
export async function saveRetention(
  d1: D1Database,
  tenantId: string,
  settings: RetentionSettings,
  updatedBy: string | null,
): Promise<StoredRetention> {
  const values = {
    conversationsDays: settings.conversations_days,
    originalsDays: settings.originals_days,
    auditDays: settings.audit_days,
    webhookDeliveriesDays: settings.webhook_deliveries_days,
    gapsDays: settings.gaps_days,
    updatedBy,
    updatedAt: Date.now(),
  };
  await forTenant(d1, tenantId).upsert("retentionPolicies", { id: tenantId, ...values }, values);
  return { settings, updatedAt: values.updatedAt };
}

type AgingTable = SQLiteTable & {
  id: AnySQLiteColumn;
  tenantId: AnySQLiteColumn;
  createdAt: AnySQLiteColumn;
};

/** Deletes at most `limit` of the workspace's rows created before `before` (and matching `also`). */
async function deleteCreatedBefore(
  d1: D1Database,
  table: AgingTable,
  tenantId: string,
  before: number,
  limit: number,
  also?: SQL,
): Promise<number> {
  const db = database(d1);
  const oldest = db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), lt(table.createdAt, before), also))
    .limit(limit);
  const result = await db
    .delete(table)
    .where(and(eq(table.tenantId, tenantId), inArray(table.id, oldest)));
  return result.meta.changes ?? 0;
}

/** Audit entries older than `before`. */
export function pruneAuditLog(d1: D1Database, tenantId: string, before: number, limit: number) {
  return deleteCreatedBefore(d1, auditLog, tenantId, before, limit);
}

/** Knowledge gaps reported before `before`. */
export function pruneGaps(d1: D1Database, tenantId: string, before: number, limit: number) {
  return deleteCreatedBefore(d1, questionGaps, tenantId, before, limit);
}

/** Finished webhook deliveries (delivered or given up) queued before `before`; pending ones are the queue. */
export function pruneDeliveryLog(d1: D1Database, tenantId: string, before: number, limit: number) {
  return deleteCreatedBefore(
    d1,
    webhookDeliveries,
    tenantId,
    before,
    limit,
    inArray(webhookDeliveries.status, ["delivered", "failed"]),
  );
}

/**
 * Conversations whose last message (or start, before any) is older than `before`. One flagged urgent
 * is never among them: it waits for a member to resolve the flag.
 */
export async function expiredConversationIds(
  d1: D1Database,
  tenantId: string,
  before: number,
  limit: number,
): Promise<string[]> {
  const rows = await forTenant(d1, tenantId).list("conversations", {
    where: (t) =>
      and(isNull(t.urgentAt), lt(sql`coalesce(${t.lastMessageAt}, ${t.startedAt})`, before)),
    limit,
  });
  return rows.map((row) => row.id);
}

/**
 * Documents uploaded before `before` whose original is still in R2: their ids and keys. Corrections
 * are left alone: their "original" is the creator's own answer, which the Corrections screen and the
 * export read back, not a person's upload.
 */
export async function expiredOriginals(
  d1: D1Database,
  tenantId: string,
  before: number,
  limit: number,
): Promise<{ id: string; r2Key: string }[]> {
  const rows = await forTenant(d1, tenantId).list("documents", {
    where: (t) => and(isNotNull(t.r2Key), ne(t.kind, "correction"), lt(t.createdAt, before)),
    limit,
  });
  return rows.flatMap((row) => (row.r2Key ? [{ id: row.id, r2Key: row.r2Key }] : []));
}

/** Records that the originals of `ids` are gone, so the library says so and nothing reads them again. */
export async function markOriginalsRemoved(
  d1: D1Database,
  tenantId: string,
  ids: string[],
): Promise<void> {
  if (ids.length === 0) return;
  const now = Date.now();
  await database(d1)
    .update(documents)
    .set({ r2Key: null, originalRemovedAt: now, updatedAt: now })
    .where(and(eq(documents.tenantId, tenantId), inArray(documents.id, ids)));
}
