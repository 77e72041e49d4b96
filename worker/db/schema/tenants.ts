// The workspace itself, and how every other table of a workspace points to it.
import type { BuildColumns } from "drizzle-orm";
import {
  index,
  integer,
  sqliteTable,
  text,
  type IndexColumn,
  type SQLiteColumnBuilderBase,
  type SQLiteTableExtraConfigValue,
} from "drizzle-orm/sqlite-core";
import { timestamps } from "./columns";

/**
 * A creator's workspace. `deleted_at` set: closed to everyone (its sole member erased their account, or
 * it was deleted); a closed workspace's data is kept until `erase_after`, then erased (`erased_at`).
 */
export const tenants = sqliteTable("tenants", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  plan: text("plan").notNull().default("free"),
  ...timestamps(),
  deletedAt: integer("deleted_at"),
  eraseAfter: integer("erase_after"),
  erasedAt: integer("erased_at"),
});

/** The workspace a row belongs to: required, and a foreign key to `tenants`. */
export const tenantId = () =>
  text("tenant_id")
    .notNull()
    .references(() => tenants.id);

const tenantKeys = () => ({ id: text("id").primaryKey(), tenantId: tenantId() });
type TenantKeys = ReturnType<typeof tenantKeys>;

/**
 * A table of a workspace's rows, led by an `id` primary key and `tenant_id`: the two columns the tenant
 * gateway scopes and addresses every row by (see `tenantTables` in index.ts).
 */
export function tenantTable<
  TName extends string,
  TColumns extends Record<string, SQLiteColumnBuilderBase>,
>(
  name: TName,
  columns: TColumns,
  extraConfig?: (
    self: BuildColumns<TName, TenantKeys & TColumns, "sqlite">,
  ) => SQLiteTableExtraConfigValue[],
) {
  return sqliteTable(name, { ...tenantKeys(), ...columns }, extraConfig);
}

/**
 * A `tenantTable` its workspace reads as one whole list (a single row is found by id or by a unique
 * column), so its one index is on `tenant_id` alone, as `<name>_tenant`.
 */
export function indexedTenantTable<
  TName extends string,
  TColumns extends Record<string, SQLiteColumnBuilderBase>,
>(name: TName, columns: TColumns) {
  return tenantTable(name, columns, (t) => [index(`${name}_tenant`).on(t.tenantId)]);
}

/**
 * A `tenantTable` of one row per workspace and UTC day (`day` is `YYYY-MM-DD`): the analytics screens
 * read a range of days, so its one index is on `tenant_id` and `day`, as `<name>_tenant_day`.
 */
export function dailyTenantTable<
  TName extends string,
  TColumns extends Record<string, SQLiteColumnBuilderBase> & { day: SQLiteColumnBuilderBase },
>(name: TName, columns: TColumns) {
  return tenantTable(name, columns, (t) => [index(`${name}_tenant_day`).on(t.tenantId, t.day)]);
}

/**
 * The index behind a list in creation order (`oldestFirst` / `newestFirst` in ../creation-order.ts):
 * the workspace first, then the columns that narrow the list, then `created_at`.
 */
export function creationOrderIndex(
  name: string,
  t: { tenantId: IndexColumn; createdAt: IndexColumn },
  ...narrowedBy: IndexColumn[]
) {
  return index(name).on(t.tenantId, ...narrowedBy, t.createdAt);
}
