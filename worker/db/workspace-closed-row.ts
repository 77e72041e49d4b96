// The cross-tenant lookup a request makes before it trusts any tenant (a channel by its webhook, a
// widget by its public key, an API key by its hash): one row, joined to its workspace to tell whether
// that workspace is closed, since a closed workspace answers nobody.
import { eq, type SQL } from "drizzle-orm";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
import type { SelectedFields, SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { database } from "./client";
import { firstRow } from "./first-row";
import { tenants } from "./schema";

/** A table whose rows belong to a workspace through `tenant_id`. */
type WorkspaceTable = SQLiteTable & { tenantId: SQLiteColumn };

/** The `fields` of the one row of `table` that `where` picks, with whether its workspace is closed. */
export async function firstRowWithWorkspaceClosed<Fields extends SelectedFields>(
  d1: D1Database,
  table: WorkspaceTable,
  fields: Fields,
  where: SQL | undefined,
): Promise<(SelectResultFields<Fields> & { workspaceClosed: boolean }) | undefined> {
  const row = await firstRow(
    database(d1)
      .select({ ...fields, closedAt: tenants.deletedAt })
      .from(table)
      .innerJoin(tenants, eq(tenants.id, table.tenantId))
      .where(where),
  );
  if (!row) return undefined;
  const { closedAt, ...entry } = row;
  // Drizzle leaves the row type of a generic selection unresolved; these are exactly `fields`' columns.
  return { ...(entry as SelectResultFields<Fields>), workspaceClosed: closedAt !== null };
}
