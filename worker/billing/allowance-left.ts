// What a person's plan leaves them this month, as the widget's plans panel shows it: the answers used
// in the current UTC month (counted by the room's allowance check, allowance.ts) against the plan's
// monthly allowance, and when the count starts again.
import type { WidgetMembershipView } from "@coach/contracts/billing";
import { answersUsed, type PlanRow } from "../db/billing-store";

/** The first instant of the UTC month after `at`. */
export function nextMonthStart(at: number): number {
  const date = new Date(at);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** `contactId`'s allowance under `plan` at `now` (`contactId` is the canonical contact). */
export async function allowanceOf(
  d1: D1Database,
  tenantId: string,
  contactId: string,
  plan: PlanRow,
  now: number,
): Promise<NonNullable<WidgetMembershipView["allowance"]>> {
  const used = await answersUsed(d1, tenantId, contactId, now);
  const limit = plan.monthlyMessages;
  return {
    plan_id: plan.id,
    monthly_messages: limit,
    used,
    remaining: limit === null ? null : Math.max(0, limit - used),
    resets_at: nextMonthStart(now),
  };
}
