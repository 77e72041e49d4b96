// The queries of memberships that are more than the tenant gateway's one-row reads: the answers a
// contact used this month (taken atomically against the allowance), the Stripe events already handled,
// and a contact's subscriptions. Every query names the tenant, which callers take from a verified
// source (the room's meta, a subscription Stripe's API answered), never from a user.
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { database } from "./client";
import { firstRow } from "./first-row";
import { monthRowId, takeMonthlyAnswer, usageMonth } from "./monthly-answers";
import {
  billingAccounts,
  billingPlans,
  billingSubscriptions,
  billingUsage,
  stripeEvents,
} from "./schema";
import { forTenant, type TenantRow } from "./tenant-gateway";

export type PlanRow = TenantRow<"billingPlans">;
export type SubscriptionRow = TenantRow<"billingSubscriptions">;

/**
 * Takes one answer from the contact's allowance for the month of `at`: true when it was under `limit`
 * (and is now one more), false when the allowance is used up. One statement, so two turns at once
 * cannot both take the last answer.
 */
export function takeAnswer(
  d1: D1Database,
  tenantId: string,
  contactId: string,
  limit: number,
  at: number,
): Promise<boolean> {
  const row = { id: monthRowId(contactId, at), tenantId, contactId, month: usageMonth(at) };
  return takeMonthlyAnswer(d1, billingUsage, row, limit);
}

/** The workspace's free plan (the one not archived), if it has one. */
export function freePlan(d1: D1Database, tenantId: string): Promise<PlanRow | undefined> {
  return firstRow(
    database(d1)
      .select()
      .from(billingPlans)
      .where(
        and(
          eq(billingPlans.tenantId, tenantId),
          eq(billingPlans.kind, "free"),
          isNull(billingPlans.archivedAt),
        ),
      ),
  );
}

/** A plan of the workspace by id, archived or not (a subscriber keeps an archived plan). */
export function planById(
  d1: D1Database,
  tenantId: string,
  planId: string,
): Promise<PlanRow | undefined> {
  return forTenant(d1, tenantId).find("billingPlans", planId);
}

/** The contact's subscriptions, newest first. */
export function subscriptionsOf(
  d1: D1Database,
  tenantId: string,
  contactId: string,
): Promise<SubscriptionRow[]> {
  return database(d1)
    .select()
    .from(billingSubscriptions)
    .where(
      and(
        eq(billingSubscriptions.tenantId, tenantId),
        eq(billingSubscriptions.contactId, contactId),
      ),
    )
    .orderBy(desc(billingSubscriptions.updatedAt));
}

/** The subscription row `id` as last stored, whatever its tenant (Stripe ids are global). */
export function storedSubscription(
  d1: D1Database,
  id: string,
): Promise<SubscriptionRow | undefined> {
  return firstRow(
    database(d1).select().from(billingSubscriptions).where(eq(billingSubscriptions.id, id)),
  );
}

/** The subscription rows among `ids` as last stored, whatever their tenant. */
export function storedSubscriptions(d1: D1Database, ids: string[]): Promise<SubscriptionRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return database(d1)
    .select()
    .from(billingSubscriptions)
    .where(inArray(billingSubscriptions.id, ids));
}

/** Every workspace with at least one membership stored: those whose revenue figures have a day. */
export async function tenantsWithMemberships(d1: D1Database): Promise<string[]> {
  const rows = await database(d1)
    .selectDistinct({ tenantId: billingSubscriptions.tenantId })
    .from(billingSubscriptions);
  return rows.map((r) => r.tenantId);
}

/** The answers `contactId` was given in the UTC month of `at`. */
export async function answersUsed(
  d1: D1Database,
  tenantId: string,
  contactId: string,
  at: number,
): Promise<number> {
  const row = await firstRow(
    database(d1)
      .select({ answers: billingUsage.answers })
      .from(billingUsage)
      .where(
        and(eq(billingUsage.tenantId, tenantId), eq(billingUsage.id, monthRowId(contactId, at))),
      ),
  );
  return row?.answers ?? 0;
}

/**
 * Writes the subscription as Stripe's API answered it, only if the stored row is still `expected`
 * (absent: no row yet) — by status, the part whose change is announced. False when another writer got
 * there first (two of Stripe's events about one subscription arriving together): the caller reads the
 * row again. The row's tenant never changes.
 */
export async function writeSubscription(
  d1: D1Database,
  row: Omit<SubscriptionRow, "createdAt" | "updatedAt">,
  expected: Pick<SubscriptionRow, "status"> | undefined,
): Promise<boolean> {
  const db = database(d1);
  if (!expected) {
    const inserted = await db
      .insert(billingSubscriptions)
      .values(row)
      .onConflictDoNothing()
      .returning({ id: billingSubscriptions.id });
    return inserted.length > 0;
  }
  const { id, tenantId, ...fields } = row;
  const updated = await db
    .update(billingSubscriptions)
    .set({ ...fields, updatedAt: Date.now() })
    .where(
      and(
        eq(billingSubscriptions.id, id),
        eq(billingSubscriptions.tenantId, tenantId),
        eq(billingSubscriptions.status, expected.status),
      ),
    )
    .returning({ id: billingSubscriptions.id });
  return updated.length > 0;
}

/** Whether Stripe's event `id` was already handled. */
export async function eventHandled(d1: D1Database, id: string): Promise<boolean> {
  const row = await firstRow(
    database(d1).select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, id)),
  );
  return row !== undefined;
}

/** Records Stripe's event `id` as handled (after its effects are written, so a failure is retried). */
export async function markEventHandled(d1: D1Database, id: string, type: string): Promise<void> {
  await database(d1).insert(stripeEvents).values({ id, type }).onConflictDoNothing();
}

/** The workspace whose payout account is `stripeAccountId` (a Connect event names only the account). */
export async function tenantOfStripeAccount(
  d1: D1Database,
  stripeAccountId: string,
): Promise<string | undefined> {
  const row = await firstRow(
    database(d1)
      .select({ tenantId: billingAccounts.tenantId })
      .from(billingAccounts)
      .where(eq(billingAccounts.stripeAccountId, stripeAccountId)),
  );
  return row?.tenantId;
}
