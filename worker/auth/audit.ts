// The audit log: who did what, in which workspace, from where (IP, user agent, request id), and when.
// Written through the tenant gateway; events with no workspace (a sign-in with an unknown email) are
// kept under PLATFORM_TENANT, which no workspace can read.
import { and, eq, gte, lt, lte, or, type SQL } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../lib/app-env";
import { forTenant, type TenantGateway, type TenantRow } from "../db/tenant-gateway";
import { clientIp } from "../lib/client-ip";
import { newId } from "../lib/ids";
import { newestFirst } from "../db/creation-order";

export const PLATFORM_TENANT = "_platform";

export type AuditEvent = {
  action: string;
  /** Defaults to the principal's workspace. */
  tenantId?: string;
  /** Defaults to the principal. */
  actor?: { type: "user" | "api_key" | "system" | "contact"; id: string | null };
  target?: { type: string; id: string };
  metadata?: Record<string, unknown>;
};

/** Records one event with the request's IP, user agent and id. Never fails the request. */
export async function recordAudit(c: Context<AppEnv>, event: AuditEvent): Promise<void> {
  const principal = c.get("principal");
  const tenantId = event.tenantId ?? principal?.tenantId ?? PLATFORM_TENANT;
  const actor =
    event.actor ??
    (principal
      ? { type: principal.kind === "api_key" ? "api_key" : "user", id: principal.subjectId }
      : { type: "system", id: null });
  try {
    await forTenant(c.env.DB, tenantId).insert("auditLog", {
      id: newId(),
      actorType:
        actor.type === "api_key" || actor.type === "user" || actor.type === "contact"
          ? actor.type
          : "system",
      actorId: actor.id,
      action: event.action,
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      ip: clientIp(c),
      userAgent: c.req.header("User-Agent")?.slice(0, 512) ?? null,
      requestId: c.get("requestId"),
      metadata: event.metadata ?? null,
      createdAt: Date.now(),
    });
  } catch (err) {
    c.get("logger").error("audit write failed", {
      action: event.action,
      error_message: err instanceof Error ? err.message : String(err),
    });
  }
}

/**
 * Records an event the platform did on its own, outside any request (a workspace erased when its
 * erasure window ended): actor `system`, no IP or user agent.
 */
export async function recordSystemAudit(
  d1: D1Database,
  tenantId: string,
  event: Omit<AuditEvent, "tenantId" | "actor">,
): Promise<void> {
  await forTenant(d1, tenantId).insert("auditLog", {
    id: newId(),
    actorType: "system",
    actorId: null,
    action: event.action,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    ip: null,
    userAgent: null,
    requestId: null,
    metadata: event.metadata ?? null,
    createdAt: Date.now(),
  });
}

export type AuditQuery = {
  limit: number;
  cursor?: { createdAt: number; id: string };
  action?: string;
  actorId?: string;
  targetId?: string;
  since?: number;
  until?: number;
};

/** One page of a workspace's events, newest first, with the cursor of the next page. */
export async function queryAudit(gateway: TenantGateway, query: AuditQuery) {
  const rows = await gateway.list("auditLog", {
    where: (t) => {
      const terms: (SQL | undefined)[] = [
        query.action ? eq(t.action, query.action) : undefined,
        query.actorId ? eq(t.actorId, query.actorId) : undefined,
        query.targetId ? eq(t.targetId, query.targetId) : undefined,
        query.since !== undefined ? gte(t.createdAt, query.since) : undefined,
        query.until !== undefined ? lte(t.createdAt, query.until) : undefined,
        query.cursor
          ? or(
              lt(t.createdAt, query.cursor.createdAt),
              and(eq(t.createdAt, query.cursor.createdAt), lt(t.id, query.cursor.id)),
            )
          : undefined,
      ];
      return and(...terms);
    },
    orderBy: newestFirst,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? btoa(`${last.createdAt}:${last.id}`) : null;
  return { events: page.map(toAuditJson), next_cursor: nextCursor };
}

/** An event as the API shows it. */
export function toAuditJson(row: TenantRow<"auditLog">) {
  return {
    id: row.id,
    action: row.action,
    actor_type: row.actorType,
    actor_id: row.actorId,
    target_type: row.targetType,
    target_id: row.targetId,
    ip: row.ip,
    user_agent: row.userAgent,
    request_id: row.requestId,
    metadata: row.metadata,
    created_at: new Date(row.createdAt).toISOString(),
  };
}
