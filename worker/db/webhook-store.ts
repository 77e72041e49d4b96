// Outgoing webhooks in D1: the endpoints a creator registered and the delivery log, which is also the
// queue the tenant's WebhookDispatcher works through (rows `pending` with a `next_attempt_at`).
import { and, asc, eq, lte, min, or, sql, type SQL } from "drizzle-orm";
import { database } from "./client";
import { webhookDeliveries } from "./schema";
import { forTenant, type TenantRow } from "./tenant-gateway";
import { newestFirst } from "./creation-order";

export type WebhookEndpoint = TenantRow<"webhookEndpoints">;
export type WebhookDelivery = TenantRow<"webhookDeliveries">;

/** The JSON body every delivery carries. */
export type WebhookEnvelope = {
  id: string;
  type: string;
  created_at: string;
  tenant_id: string;
  data: Record<string, unknown>;
};

/**
 * Queues `envelope` for every endpoint of the tenant subscribed to its type (or only `endpointId`,
 * for a ping); answers how many deliveries were queued. Each delivery gets its own id, which is the
 * `X-Coach-Delivery` header, while the envelope id names the event.
 */
export async function queueDeliveries(
  d1: D1Database,
  envelope: WebhookEnvelope,
  endpointId?: string,
): Promise<number> {
  const gateway = forTenant(d1, envelope.tenant_id);
  const endpoints = endpointId
    ? [await gateway.get("webhookEndpoints", endpointId)]
    : (await gateway.list("webhookEndpoints")).filter((endpoint) =>
        endpoint.events.includes(envelope.type),
      );
  const now = Date.now();
  const payload = JSON.stringify(envelope);
  for (const endpoint of endpoints) {
    await gateway.insert("webhookDeliveries", {
      id: crypto.randomUUID(),
      endpointId: endpoint.id,
      event: envelope.type,
      payload,
      nextAttemptAt: now,
      createdAt: now,
    });
  }
  return endpoints.length;
}

/** Pending deliveries due by `until`, oldest first. */
export async function dueDeliveries(
  d1: D1Database,
  tenantId: string,
  until: number,
  limit: number,
): Promise<WebhookDelivery[]> {
  return forTenant(d1, tenantId).list("webhookDeliveries", {
    where: (t) => and(eq(t.status, "pending"), lte(t.nextAttemptAt, until)),
    orderBy: (t) => asc(t.nextAttemptAt),
    limit,
  });
}

/** When the next pending delivery of the tenant is due, or null when none is pending. */
export async function nextDueAt(d1: D1Database, tenantId: string): Promise<number | null> {
  const [row] = await database(d1)
    .select({ at: min(webhookDeliveries.nextAttemptAt) })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.status, "pending")));
  return row?.at ?? null;
}

/** The outcome of one attempt: delivered, retried at `nextAttemptAt`, or given up (`failed`). */
export async function recordAttempt(
  d1: D1Database,
  delivery: WebhookDelivery,
  outcome: {
    status: "delivered" | "pending" | "failed";
    statusCode: number | null;
    error: string | null;
    nextAttemptAt: number | null;
  },
): Promise<void> {
  await forTenant(d1, delivery.tenantId).update("webhookDeliveries", delivery.id, {
    status: outcome.status,
    attempts: delivery.attempts + 1,
    lastStatusCode: outcome.statusCode,
    lastError: outcome.error,
    nextAttemptAt: outcome.nextAttemptAt,
    deliveredAt: outcome.status === "delivered" ? Date.now() : null,
  });
}

/** An endpoint's delivery log, newest first. */
export async function deliveryLog(
  d1: D1Database,
  endpoint: Pick<WebhookEndpoint, "tenantId" | "id">,
  limit: number,
): Promise<WebhookDelivery[]> {
  return forTenant(d1, endpoint.tenantId).list("webhookDeliveries", {
    where: (t) => eq(t.endpointId, endpoint.id),
    orderBy: newestFirst,
    limit,
  });
}

/** Removes an endpoint and its log (404 when it is missing or another tenant's). */
export async function removeEndpoint(
  d1: D1Database,
  tenantId: string,
  endpointId: string,
): Promise<void> {
  const gateway = forTenant(d1, tenantId);
  await gateway.remove("webhookEndpoints", endpointId);
  await database(d1)
    .delete(webhookDeliveries)
    .where(
      and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.endpointId, endpointId)),
    );
}

/** `instr` needles per statement: D1 binds at most 100 parameters, and a person may have many conversations. */
const NEEDLES_PER_STATEMENT = 50;

/**
 * Deliveries whose event is about one of these contacts or conversations, as one condition per group of
 * needles. Events name them as `contact_id` and `conversation_id` in their data, and may quote the
 * person's words (a question, a commitment), so erasing a person erases these too.
 */
function aboutSubject(
  tenantId: string,
  subject: { contactIds: string[]; conversationIds: string[] },
): SQL[] {
  const needles = [
    ...subject.contactIds.map((id) => JSON.stringify({ contact_id: id }).slice(1, -1)),
    ...subject.conversationIds.map((id) => JSON.stringify({ conversation_id: id }).slice(1, -1)),
  ];
  const conditions: SQL[] = [];
  for (let i = 0; i < needles.length; i += NEEDLES_PER_STATEMENT) {
    const group = needles.slice(i, i + NEEDLES_PER_STATEMENT);
    conditions.push(
      and(
        eq(webhookDeliveries.tenantId, tenantId),
        or(...group.map((needle) => sql`instr(${webhookDeliveries.payload}, ${needle}) > 0`)),
      ) as SQL,
    );
  }
  return conditions;
}

/** The deliveries about a person (export). */
export async function deliveriesAbout(
  d1: D1Database,
  tenantId: string,
  subject: { contactIds: string[]; conversationIds: string[] },
): Promise<WebhookDelivery[]> {
  const found = new Map<string, WebhookDelivery>();
  for (const where of aboutSubject(tenantId, subject)) {
    for (const row of await database(d1).select().from(webhookDeliveries).where(where))
      found.set(row.id, row);
  }
  return [...found.values()].sort((a, b) => a.createdAt - b.createdAt);
}

/** Deletes the deliveries about a person, pending ones included (erasure); answers how many went. */
export async function forgetDeliveriesAbout(
  d1: D1Database,
  tenantId: string,
  subject: { contactIds: string[]; conversationIds: string[] },
): Promise<number> {
  let gone = 0;
  for (const where of aboutSubject(tenantId, subject))
    gone += (await database(d1).delete(webhookDeliveries).where(where)).meta.changes ?? 0;
  return gone;
}
