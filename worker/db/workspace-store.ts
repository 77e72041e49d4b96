// Whole-workspace reads, whether a workspace is closed, and the workspace's deletion in D1. Deletion
// removes the rows of every tenant table in one batch (foreign keys checked at its end, so the order of
// tables does not matter) and keeps the tenant row, marked deleted and erased, and its audit log as the
// record of what happened.
import { and, eq, getTableName, isNull } from "drizzle-orm";
import { database } from "./client";
import { firstRow } from "./first-row";
import {
  auditLog,
  channelDeliveries,
  contactLinkCodes,
  appLinkCodes,
  contactLinks,
  tenants,
  tenantTables,
} from "./schema";
import { deleteWorkspacePassages } from "./knowledge-passages";

export type WorkspaceRow = typeof tenants.$inferSelect;

/** The workspace, unless it is missing or already deleted. */
export function findWorkspace(d1: D1Database, tenantId: string): Promise<WorkspaceRow | undefined> {
  const open = and(eq(tenants.id, tenantId), isNull(tenants.deletedAt));
  return firstRow(database(d1).select().from(tenants).where(open));
}

/** Where a closed workspace stands: closed when, to be erased after, erased when (null: not yet). */
export type WorkspaceClosure = {
  closedAt: number;
  eraseAfter: number | null;
  erasedAt: number | null;
};

// Three columns only: the widget's token routes ask for the closure on every call.
const closureColumns = {
  closedAt: tenants.deletedAt,
  eraseAfter: tenants.eraseAfter,
  erasedAt: tenants.erasedAt,
};

/** The workspace's closure, or null while it is open (or when it does not exist). */
export async function findClosure(
  d1: D1Database,
  tenantId: string,
): Promise<WorkspaceClosure | null> {
  const row = await firstRow(
    database(d1).select(closureColumns).from(tenants).where(eq(tenants.id, tenantId)),
  );
  if (!row || row.closedAt === null) return null;
  return { ...row, closedAt: row.closedAt };
}

/** True when the workspace is closed (or deleted): nothing may reach it any more. */
export async function isWorkspaceClosed(d1: D1Database, tenantId: string): Promise<boolean> {
  return (await findClosure(d1, tenantId)) !== null;
}

const UNSERVED_TENANT_TABLES = [
  channelDeliveries,
  contactLinks,
  contactLinkCodes,
  appLinkCodes,
].map((table) => getTableName(table));

/** Deletes every row the workspace owns except its audit log, and marks it deleted (if it was not closed already) and erased. */
export async function deleteWorkspaceRows(d1: D1Database, tenantId: string): Promise<void> {
  const tables = Object.values(tenantTables)
    .filter((table) => table !== auditLog)
    .map((table) => getTableName(table));
  await d1.batch([
    d1.prepare("PRAGMA defer_foreign_keys = ON"),
    // Before the channels go: the webhook deduplication ledger knows only their ids.
    d1
      .prepare(
        "DELETE FROM channel_events WHERE channel_id IN (SELECT id FROM channels WHERE tenant_id = ?)",
      )
      .bind(tenantId),
    ...tables.map((name) => d1.prepare(`DELETE FROM "${name}" WHERE tenant_id = ?`).bind(tenantId)),
    // Tenant rows the gateway does not serve (reached through their own stores).
    ...UNSERVED_TENANT_TABLES.map((name) =>
      d1.prepare(`DELETE FROM "${name}" WHERE tenant_id = ?`).bind(tenantId),
    ),
    d1.prepare("DELETE FROM conversation_search WHERE tenant_id = ?").bind(tenantId),
    deleteWorkspacePassages(d1, tenantId),
    d1
      .prepare(
        "UPDATE tenants SET deleted_at = COALESCE(deleted_at, ?1), erased_at = ?1 WHERE id = ?2",
      )
      .bind(Date.now(), tenantId),
  ]);
}
