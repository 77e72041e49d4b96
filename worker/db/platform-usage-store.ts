// The queries of the platform's own plans beyond the tenant gateway's one-row reads: the workspace's
// plan name, and its answers of the month taken atomically against the plan's quota. Every query names
// the tenant, which callers take from a verified source (the room's meta, the principal).
import { and, eq, sql } from "drizzle-orm";
import { database } from "./client";
import { firstRow } from "./first-row";
import { monthRowId, takeMonthlyAnswer, usageMonth } from "./monthly-answers";
import { tenants, workspaceUsage } from "./schema";

export type WorkspaceUsageRow = typeof workspaceUsage.$inferSelect;

/** The platform plan the workspace is on (`tenants.plan`); "free" when it has none recorded. */
export async function workspacePlanName(d1: D1Database, tenantId: string): Promise<string> {
  const row = await firstRow(
    database(d1).select({ plan: tenants.plan }).from(tenants).where(eq(tenants.id, tenantId)),
  );
  return row?.plan ?? "free";
}

/** The workspace's answers of the month of `at`, and when one was first refused (zero and null: none yet). */
export async function workspaceMonth(
  d1: D1Database,
  tenantId: string,
  at: number,
): Promise<{ month: string; answers: number; refusedAt: number | null }> {
  const thisMonth = and(
    eq(workspaceUsage.tenantId, tenantId),
    eq(workspaceUsage.id, monthRowId(tenantId, at)),
  );
  const row = await firstRow(database(d1).select().from(workspaceUsage).where(thisMonth));
  return { month: usageMonth(at), answers: row?.answers ?? 0, refusedAt: row?.refusedAt ?? null };
}

/**
 * Takes one answer from the workspace's quota for the month of `at`: true when it was under `limit`
 * (and is now one more), false when the quota is used up. One statement, so two rooms answering at
 * once cannot both take the last answer.
 */
export function takeWorkspaceAnswer(
  d1: D1Database,
  tenantId: string,
  limit: number,
  at: number,
): Promise<boolean> {
  const row = { id: monthRowId(tenantId, at), tenantId, month: usageMonth(at) };
  return takeMonthlyAnswer(d1, workspaceUsage, row, limit);
}

/** Records that an answer was refused for the quota this month; the first refusal's time is kept. */
export async function flagAnswerRefused(
  d1: D1Database,
  tenantId: string,
  at: number,
): Promise<void> {
  const month = usageMonth(at);
  await database(d1)
    .insert(workspaceUsage)
    .values({ id: monthRowId(tenantId, at), tenantId, month, answers: 0, refusedAt: at })
    .onConflictDoUpdate({
      target: workspaceUsage.id,
      set: { refusedAt: sql`COALESCE(${workspaceUsage.refusedAt}, ${at})` },
      setWhere: eq(workspaceUsage.tenantId, tenantId),
    });
}
