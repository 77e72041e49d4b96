// The tenant gateway: the only way routes read and write tenant data. The tenant id comes from the
// authenticated principal and is added to every statement, so no query can forget it; a row of
// another tenant is indistinguishable from a missing one (404).
import {
  and,
  count,
  eq,
  type InferInsertModel,
  type InferSelectModel,
  type SQL,
} from "drizzle-orm";
import type { AnySQLiteColumn, AnySQLiteTable } from "drizzle-orm/sqlite-core";
import type { Principal } from "../lib/app-env";
import { notFound } from "../lib/errors";
import { database, type Database } from "./client";
import { tenantTables } from "./schema";
import { pageOf, type Page } from "./page";

type Tables = typeof tenantTables;
export type TenantTableName = keyof Tables;
export type TenantRow<N extends TenantTableName> = InferSelectModel<Tables[N]>;
// Resolved per table up front: a generic InferInsertModel<Tables[N]> loses the optional columns.
type InsertModels = { [K in TenantTableName]: InferInsertModel<Tables[K]> };
/** Values for a new row; `tenant_id` is never taken from the caller. */
export type TenantInsert<N extends TenantTableName> = Omit<InsertModels[N], "tenantId">;
export type TenantPatch<N extends TenantTableName> = Partial<
  Omit<InsertModels[N], "tenantId" | "id">
>;

type OrderTerm = SQL | AnySQLiteColumn;
export type ListOptions<N extends TenantTableName> = {
  where?: (table: Tables[N]) => SQL | undefined;
  orderBy?: (table: Tables[N]) => OrderTerm | OrderTerm[];
  limit?: number;
  offset?: number;
};

// What every tenant table shares; the generic methods build queries against this shape.
type ScopedTable = AnySQLiteTable & { id: AnySQLiteColumn; tenantId: AnySQLiteColumn };

const ENTITY_NAMES: Record<TenantTableName, string> = {
  memberships: "member",
  invitations: "invitation",
  refreshTokens: "session",
  apiKeys: "API key",
  auditLog: "audit event",
  personas: "persona",
  documents: "document",
  questionGaps: "question",
  widgets: "widget",
  channels: "channel",
  contacts: "contact",
  conversations: "conversation",
  conversationDays: "conversation day",
  answerStats: "answer",
  webhookEndpoints: "webhook",
  webhookDeliveries: "webhook delivery",
  programs: "program",
  programVersions: "program version",
  enrollments: "enrolment",
  coachingRules: "coaching rule",
  commitments: "commitment",
  coachingEvents: "coaching event",
  retentionPolicies: "retention policy",
  safetySettings: "safety settings",
  overflowSettings: "overflow settings",
  bridges: "bridge",
  documentBridgeStatus: "document copy",
  billingPlans: "plan",
  billingSubscriptions: "subscription",
  billingUsage: "usage record",
  billingAccounts: "payout account",
  appDevices: "app device",
  pushSubscriptions: "push subscription",
  billingSettings: "billing settings",
  workspaceUsage: "workspace usage record",
  revenueDays: "revenue day",
};

/** Tenant-scoped reads and writes for one workspace. */
export class TenantGateway {
  constructor(
    private readonly db: Database,
    readonly tenantId: string,
  ) {}

  private table(name: TenantTableName): ScopedTable {
    return tenantTables[name];
  }

  private scoped(name: TenantTableName, condition?: SQL): SQL {
    const table = this.table(name);
    return and(eq(table.tenantId, this.tenantId), condition) as SQL;
  }

  /** Rows of this tenant matching `where`, in `orderBy` order. */
  async list<N extends TenantTableName>(
    name: N,
    options: ListOptions<N> = {},
  ): Promise<TenantRow<N>[]> {
    const typed = tenantTables[name];
    const query = this.db
      .select()
      .from(this.table(name))
      .where(this.scoped(name, options.where?.(typed)))
      .$dynamic();
    const order = options.orderBy?.(typed);
    if (order) query.orderBy(...(Array.isArray(order) ? order : [order]));
    if (options.limit !== undefined) query.limit(options.limit);
    if (options.offset !== undefined) query.offset(options.offset);
    return (await query) as TenantRow<N>[];
  }

  /**
   * One page of `list`: `limit` rows from `offset`, and the offset of the next page (null on the last).
   * Reads one row more than it returns, to know whether a next page exists.
   */
  async page<N extends TenantTableName>(
    name: N,
    options: Omit<ListOptions<N>, "limit" | "offset"> & { limit: number; offset: number },
  ): Promise<Page<TenantRow<N>>> {
    const rows = await this.list(name, { ...options, limit: options.limit + 1 });
    return pageOf(rows, options);
  }

  /** How many rows of this tenant match `where`. */
  async count<N extends TenantTableName>(
    name: N,
    where?: (table: Tables[N]) => SQL | undefined,
  ): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(this.table(name))
      .where(this.scoped(name, where?.(tenantTables[name])));
    return row?.n ?? 0;
  }

  /** The row with `id`, or undefined when it is missing or another tenant's. */
  async find<N extends TenantTableName>(name: N, id: string): Promise<TenantRow<N> | undefined> {
    const table = this.table(name);
    const [row] = await this.db
      .select()
      .from(table)
      .where(this.scoped(name, eq(table.id, id)))
      .limit(1);
    return row as TenantRow<N> | undefined;
  }

  /** The row with `id`, or a 404 AppError. */
  async get<N extends TenantTableName>(name: N, id: string): Promise<TenantRow<N>> {
    const row = await this.find(name, id);
    if (!row) throw notFound(ENTITY_NAMES[name]);
    return row;
  }

  /** Inserts a row owned by this tenant, whatever `tenant_id` the values may carry. */
  async insert<N extends TenantTableName>(
    name: N,
    values: NoInfer<TenantInsert<N>>,
  ): Promise<TenantRow<N>> {
    const [row] = await this.db
      .insert(this.table(name))
      .values({ ...values, tenantId: this.tenantId })
      .returning();
    return row as TenantRow<N>;
  }

  /**
   * Inserts a row owned by this tenant unless it would break a unique constraint (a concurrent request
   * inserted the same natural key first); answers the new row, or undefined when nothing was inserted.
   */
  async insertIfAbsent<N extends TenantTableName>(
    name: N,
    values: NoInfer<TenantInsert<N>>,
  ): Promise<TenantRow<N> | undefined> {
    const [row] = await this.db
      .insert(this.table(name))
      .values({ ...values, tenantId: this.tenantId })
      .onConflictDoNothing()
      .returning();
    return row as TenantRow<N> | undefined;
  }

  /**
   * Inserts the row, or updates it with `patch` when this tenant already has a row with that id.
   * A row with the same id in another tenant is left untouched (the conflict update is tenant-guarded).
   */
  async upsert<N extends TenantTableName>(
    name: N,
    values: TenantInsert<N> & { id: string },
    patch: NoInfer<TenantPatch<N>>,
  ): Promise<void> {
    const table = this.table(name);
    const { tenantId: _tenant, id: _id, ...safe } = patch as Record<string, unknown>;
    await this.db
      .insert(table)
      .values({ ...values, tenantId: this.tenantId })
      .onConflictDoUpdate({
        target: table.id,
        set: safe,
        setWhere: eq(table.tenantId, this.tenantId),
      });
  }

  /** Updates this tenant's row `id`; 404 when it is missing or another tenant's. */
  async update<N extends TenantTableName>(
    name: N,
    id: string,
    patch: NoInfer<TenantPatch<N>>,
  ): Promise<TenantRow<N>> {
    const table = this.table(name);
    // Even an untyped caller cannot move a row to another tenant or change its id.
    const { tenantId: _tenant, id: _id, ...safe } = patch as Record<string, unknown>;
    const [row] = await this.db
      .update(table)
      .set(safe)
      .where(this.scoped(name, eq(table.id, id)))
      .returning();
    if (!row) throw notFound(ENTITY_NAMES[name]);
    return row as TenantRow<N>;
  }

  /** Deletes this tenant's row `id`; 404 when it is missing or another tenant's. */
  async remove(name: TenantTableName, id: string): Promise<void> {
    const table = this.table(name);
    const deleted = await this.db
      .delete(table)
      .where(this.scoped(name, eq(table.id, id)))
      .returning({ id: table.id });
    if (deleted.length === 0) throw notFound(ENTITY_NAMES[name]);
  }
}

/** The gateway for an explicit tenant id (seeding, trusted internal jobs). */
export function forTenant(d1: D1Database, tenantId: string): TenantGateway {
  return new TenantGateway(database(d1), tenantId);
}

/** The gateway for the authenticated caller's workspace. */
export function forPrincipal(d1: D1Database, principal: Principal): TenantGateway {
  return forTenant(d1, principal.tenantId);
}
