// The members behind the revenue figures: each subscription with its contact's name, its plan and where
// it stands, newest change first, a page at a time or all of it as CSV. Only plan and status leave the
// edge: no card, customer or payment details are stored here to begin with.
import type { MemberView } from "@coach/contracts/billing";
import { desc, eq } from "drizzle-orm";
import { csvField } from "../analytics/analytics-csv";
import type { SubscriptionRow } from "../db/billing-store";
import { peopleByIds } from "../db/people";
import { rowsByIds } from "../db/rows-by-ids";
import type { TenantGateway } from "../db/tenant-gateway";

export type MemberStatus = "all" | "active" | "trialing" | "past_due" | "canceled" | "unpaid";

/** Members with their names and plan names looked up for `rows`. */
async function viewsOf(gateway: TenantGateway, rows: SubscriptionRow[]): Promise<MemberView[]> {
  const [people, plans] = await Promise.all([
    peopleByIds(
      gateway,
      rows.map((r) => r.contactId),
    ),
    rowsByIds(
      gateway,
      "billingPlans",
      rows.map((r) => r.planId),
    ),
  ]);
  const planNames = new Map(plans.map((p) => [p.id, p.name]));
  return rows.map((sub) => {
    const person = people.get(sub.contactId) ?? null;
    return {
      subscription_id: sub.id,
      contact_id: sub.contactId,
      display_name: person?.display_name ?? null,
      contact: person,
      member_since: sub.createdAt,
      plan_id: sub.planId,
      plan_name: planNames.get(sub.planId) ?? null,
      status: sub.status,
      cancel_at_period_end: sub.cancelAtPeriodEnd,
      current_period_end: sub.currentPeriodEnd,
      amount_minor: sub.amountMinor,
      currency: sub.currency,
      interval: sub.interval,
      canceled_at: sub.canceledAt,
    };
  });
}

/** One page of members with `status` (all of them for "all"). */
export async function membersPage(
  gateway: TenantGateway,
  query: { status: MemberStatus; limit: number; offset: number },
): Promise<{ members: MemberView[]; next_offset: number | null }> {
  const { rows, nextOffset } = await gateway.page("billingSubscriptions", {
    where: (t) => (query.status === "all" ? undefined : eq(t.status, query.status)),
    orderBy: (t) => [desc(t.updatedAt), desc(t.id)],
    limit: query.limit,
    offset: query.offset,
  });
  return { members: await viewsOf(gateway, rows), next_offset: nextOffset };
}

/** How many members a CSV export reads per query. */
const EXPORT_BATCH = 200;

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/**
 * Every member with `status` as CSV (RFC 4180, CRLF, a header row), read in batches so a large
 * workspace streams instead of loading at once.
 */
export function membersCsv(
  gateway: TenantGateway,
  status: MemberStatus,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const line = (cells: (string | number | null)[]) =>
    encoder.encode(`${cells.map(csvField).join(",")}\r\n`);
  let offset: number | null = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(
        line([
          "subscription_id",
          "contact_id",
          "name",
          "plan_id",
          "plan",
          "status",
          "cancel_at_period_end",
          "amount_minor",
          "currency",
          "interval",
          "current_period_end",
          "canceled_at",
        ]),
      );
    },
    async pull(controller) {
      if (offset === null) return controller.close();
      const page = await membersPage(gateway, { status, limit: EXPORT_BATCH, offset });
      for (const m of page.members)
        controller.enqueue(
          line([
            m.subscription_id,
            m.contact_id,
            m.display_name,
            m.plan_id,
            m.plan_name,
            m.status,
            m.cancel_at_period_end ? "true" : "false",
            m.amount_minor,
            m.currency,
            m.interval,
            iso(m.current_period_end),
            iso(m.canceled_at),
          ]),
        );
      offset = page.next_offset;
    },
  });
}
