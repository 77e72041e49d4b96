// Whole-workspace reads and the workspace's deletion in D1. Deletion removes the rows of every tenant
// table in one batch (foreign keys checked at its end, so the order of tables does not matter) and
// keeps the tenant row, marked deleted, and its audit log as the record of what happened.
import { and, eq, getTableName, isNull } from "drizzle-orm";
import { database } from "./client";
import { auditLog, tenants, tenantTables } from "./schema";

export type WorkspaceRow = typeof tenants.$inferSelect;

/** The workspace, unless it is missing or already deleted. */
export async function findWorkspace(d1: D1Database, tenantId: string): Promise<WorkspaceRow | undefined> {
  const [row] = await database(d1)
    .select()
    .from(tenants)
    .where(and(eq(tenants.id, tenantId), isNull(tenants.deletedAt)))
    .limit(1);
  return row;
}

/** Deletes every row the workspace owns except its audit log, and marks it deleted; sign-ins end with the memberships. */
export async function deleteWorkspaceRows(d1: D1Database, tenantId: string): Promise<void> {
  const tables = Object.values(tenantTables)
    .filter((table) => table !== auditLog)
    .map((table) => getTableName(table));
  await d1.batch([
    d1.prepare("PRAGMA defer_foreign_keys = ON"),
    ...tables.map((name) => d1.prepare(`DELETE FROM "${name}" WHERE tenant_id = ?`).bind(tenantId)),
    d1.prepare("DELETE FROM conversation_search WHERE tenant_id = ?").bind(tenantId),
    d1.prepare("UPDATE tenants SET deleted_at = ? WHERE id = ?").bind(Date.now(), tenantId),
  ]);
}
