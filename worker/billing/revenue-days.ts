// The revenue series: one row per workspace and UTC day (`revenue_days`) holding that day's figures,
// rewritten whenever a membership changes and by the nightly reconciliation. A day without a row kept
// the figures of the last day that has one (nothing changed), so the series carries them forward;
// a month is its last day's figures with the churn of all its days.
import type { RevenuePoint } from "@coach/contracts/billing";
import { desc, gte, lt } from "drizzle-orm";
import { forTenant, type TenantGateway, type TenantRow } from "../db/tenant-gateway";
import { endedBetween, figuresOf } from "./revenue-figures";

const DAY_MS = 86_400_000;

export type SeriesWindow = { interval: "day" | "month"; count: number };
type DayRow = TenantRow<"revenueDays">;

/** `YYYY-MM-DD` of `at`, UTC. */
const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

/** Writes the workspace's figures for the UTC day of `now` from its memberships as stored now. */
export async function recordRevenueDay(
  d1: D1Database,
  tenantId: string,
  now: number = Date.now(),
): Promise<void> {
  const gateway = forTenant(d1, tenantId);
  const subscriptions = await gateway.list("billingSubscriptions");
  const figures = figuresOf(subscriptions);
  const day = dayOf(now);
  const start = Date.parse(`${day}T00:00:00Z`);
  const values = {
    mrr: figures.mrr,
    activeMembers: figures.activeMembers,
    trials: figures.trials,
    churned: endedBetween(subscriptions, start, start + DAY_MS),
    failedPayments: figures.failedPayments,
  };
  await gateway.upsert(
    "revenueDays",
    { id: `${tenantId}:${day}`, day, ...values },
    { ...values, updatedAt: now },
  );
}

/** The periods of the window, oldest first: each with its key and its first and last day. */
function periodsOf(
  window: SeriesWindow,
  now: number,
): { key: string; first: string; last: string }[] {
  const today = new Date(`${dayOf(now)}T00:00:00Z`);
  const periods = [];
  for (let back = window.count - 1; back >= 0; back--) {
    if (window.interval === "day") {
      const day = dayOf(today.getTime() - back * DAY_MS);
      periods.push({ key: day, first: day, last: day });
    } else {
      const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1);
      const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back + 1, 1) - DAY_MS;
      periods.push({ key: dayOf(start).slice(0, 7), first: dayOf(start), last: dayOf(end) });
    }
  }
  return periods;
}

/** The series over `window` ending with the period of `now`. */
export async function revenueSeries(
  gateway: TenantGateway,
  window: SeriesWindow,
  now: number,
): Promise<RevenuePoint[]> {
  const periods = periodsOf(window, now);
  const from = periods[0]!.first;
  const [inWindow, [before]] = await Promise.all([
    gateway.list("revenueDays", { where: (t) => gte(t.day, from), orderBy: (t) => [t.day] }),
    gateway.list("revenueDays", {
      where: (t) => lt(t.day, from),
      orderBy: (t) => [desc(t.day)],
      limit: 1,
    }),
  ]);
  let carried: DayRow | undefined = before;
  let next = 0;
  return periods.map((period) => {
    let churned = 0;
    while (next < inWindow.length && inWindow[next]!.day <= period.last) {
      carried = inWindow[next]!;
      churned += carried.churned;
      next++;
    }
    return {
      period: period.key,
      mrr: carried?.mrr ?? [],
      active_members: carried?.activeMembers ?? 0,
      trials: carried?.trials ?? 0,
      churned,
      failed_payments: carried?.failedPayments ?? 0,
    };
  });
}
