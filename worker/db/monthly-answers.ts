// Answers counted per UTC month against a limit: a contact's membership allowance (`billing_usage`) and
// a workspace's platform quota (`workspace_usage`) keep the same kind of row, `<owner id>:<YYYY-MM>`.
import { and, eq, sql } from "drizzle-orm";
import { database } from "./client";
import { billingUsage, workspaceUsage } from "./schema";

/** `YYYY-MM` of `at` in UTC: the month an allowance counts in. */
export function usageMonth(at: number): string {
  return new Date(at).toISOString().slice(0, 7);
}

/** The id of `ownerId`'s row for the month of `at`. */
export function monthRowId(ownerId: string, at: number): string {
  return `${ownerId}:${usageMonth(at)}`;
}

type AnswerCounter = typeof billingUsage | typeof workspaceUsage;

/**
 * Takes one answer from the month's row of `counter`: true when it was under `limit` (and is now one
 * more), false when the month's answers are used up. One statement, so two turns at once cannot both
 * take the last answer.
 */
export async function takeMonthlyAnswer<Counter extends AnswerCounter>(
  d1: D1Database,
  counter: Counter,
  row: Counter["$inferInsert"] & { id: string; tenantId: string },
  limit: number,
): Promise<boolean> {
  if (limit <= 0) return false;
  const taken = await database(d1)
    .insert(counter)
    .values({ ...row, answers: 1 })
    .onConflictDoUpdate({
      target: counter.id,
      set: { answers: sql`${counter.answers} + 1` },
      setWhere: and(eq(counter.tenantId, row.tenantId), sql`${counter.answers} < ${limit}`),
    })
    .returning({ answers: counter.answers });
  return taken.length > 0;
}
