// Cross-tenant lookups for messaging channels: a webhook names only a bot id or a channel id, so the
// channel (and with it the tenant) is found here before anything else. Also keeps the webhook
// deduplication ledger and the delivery status of our outbound messages, both keyed by channel.
import { and, eq, gte, lt, lte, sql } from "drizzle-orm";
import type { ChannelKind } from "./enums";
import { database } from "./client";
import { firstRow } from "./first-row";
import { channelDeliveries, channelEvents, channels, contacts } from "./schema";
import { forTenant, type TenantRow } from "./tenant-gateway";
import { firstRowWithWorkspaceClosed } from "./workspace-closed-row";

export type ChannelEntry = {
  id: string;
  tenantId: string;
  kind: ChannelKind;
  status: "active" | "error" | "disconnected";
  externalId: string | null;
  configEncrypted: string | null;
  webhookSecretHash: string | null;
};

/** A channel as a webhook finds it, with whether its workspace is closed (then nothing is processed). */
export type FoundChannel = ChannelEntry & { workspaceClosed: boolean };

export type DeliveryStatus = "sent" | "delivered" | "read" | "failed";

/** Seen webhook events are remembered this long: the platforms retry for a few days at most. */
export const EVENT_RETENTION_MS = 8 * 24 * 60 * 60 * 1000;

const entryColumns = {
  id: channels.id,
  tenantId: channels.tenantId,
  kind: channels.kind,
  status: channels.status,
  externalId: channels.externalId,
  configEncrypted: channels.configEncrypted,
  webhookSecretHash: channels.webhookSecretHash,
};

/** The channel of `kind` whose `key` column holds `value`, with whether its workspace is closed. */
function findChannel(
  d1: D1Database,
  kind: ChannelKind,
  key: typeof channels.id | typeof channels.externalId,
  value: string,
): Promise<FoundChannel | undefined> {
  const where = and(eq(channels.kind, kind), eq(key, value));
  return firstRowWithWorkspaceClosed(d1, channels, entryColumns, where);
}

/** The connected channel of `kind` with the platform's id `externalId` (a Telegram bot id). */
export function findChannelByExternalId(d1: D1Database, kind: ChannelKind, externalId: string) {
  return findChannel(d1, kind, channels.externalId, externalId);
}

/** The channel of `kind` with our own id, in whichever tenant it is. */
export function findChannelById(d1: D1Database, kind: ChannelKind, id: string) {
  return findChannel(d1, kind, channels.id, id);
}

/**
 * Records a webhook event once: true the first time `key` is seen, false for every redelivery. The
 * insert is atomic, so concurrent deliveries of one event cannot both win.
 */
export async function claimEvent(d1: D1Database, channelId: string, key: string): Promise<boolean> {
  const db = database(d1);
  const now = Date.now();
  const inserted = await db
    .insert(channelEvents)
    .values({ key, channelId, expiresAt: now + EVENT_RETENTION_MS })
    .onConflictDoNothing()
    .returning({ key: channelEvents.key });
  // Expired keys are swept now and then rather than on every event.
  if (inserted.length > 0 && Math.random() < 0.01)
    await db.delete(channelEvents).where(lt(channelEvents.expiresAt, now));
  return inserted.length > 0;
}

/**
 * Forgets a claimed event whose hand-off failed, so the platform's redelivery is worked on instead of
 * being dropped as seen.
 */
export async function releaseEvent(d1: D1Database, key: string): Promise<void> {
  await database(d1).delete(channelEvents).where(eq(channelEvents.key, key));
}

/** Notes activity or trouble on a channel (last message time, last error). */
export async function touchChannel(
  d1: D1Database,
  tenantId: string,
  channelId: string,
  fields: { lastMessageAt?: number; lastError?: string | null },
): Promise<void> {
  await database(d1)
    .update(channels)
    .set({ ...fields, updatedAt: Date.now() })
    .where(and(eq(channels.tenantId, tenantId), eq(channels.id, channelId)));
}

/**
 * Notes that the platform will not deliver to a contact (they blocked the bot, or the number cannot
 * receive), or that it will again (`reason` null).
 */
export async function setContactUnreachable(
  d1: D1Database,
  tenantId: string,
  contactId: string,
  reason: string | null,
): Promise<void> {
  await database(d1)
    .update(contacts)
    .set({ unreachableAt: reason === null ? null : Date.now(), unreachableReason: reason })
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, contactId)));
}

/** What `read` takes from a tenant's contact, or null when the contact is missing. */
async function readContact<Value>(
  d1: D1Database,
  tenantId: string,
  contactId: string,
  read: (contact: TenantRow<"contacts">) => Value | null,
): Promise<Value | null> {
  const contact = await forTenant(d1, tenantId).find("contacts", contactId);
  return contact ? read(contact) : null;
}

/** Why the platform will not deliver to a contact, or null when nothing says so. */
export function contactUnreachableReason(d1: D1Database, tenantId: string, contactId: string) {
  return readContact(d1, tenantId, contactId, (contact) =>
    contact.unreachableAt ? (contact.unreachableReason ?? "unreachable") : null,
  );
}

/** When a contact last wrote to us: the start of WhatsApp's 24-hour customer-service window. */
export function contactLastSeenAt(d1: D1Database, tenantId: string, contactId: string) {
  return readContact(d1, tenantId, contactId, (contact) => contact.lastSeenAt);
}

/** Remembers an outbound message by the platform's id, so status webhooks can confirm its delivery. */
export async function recordDelivery(
  d1: D1Database,
  delivery: {
    id: string;
    tenantId: string;
    channelId: string;
    conversationId: string;
    seq: number;
  },
): Promise<void> {
  await database(d1).insert(channelDeliveries).values(delivery).onConflictDoNothing();
}

// A status never goes backwards (a late "delivered" after "read"); "failed" always wins.
const rank = sql`CASE ${channelDeliveries.status} WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'read' THEN 3 ELSE 4 END`;
const RANKS: Record<DeliveryStatus, number> = { sent: 1, delivered: 2, read: 3, failed: 4 };

/** Applies a status webhook to our message `id` on this channel; false when it is not ours. */
export async function updateDeliveryStatus(
  d1: D1Database,
  channel: Pick<ChannelEntry, "id" | "tenantId">,
  id: string,
  status: DeliveryStatus,
  error: string | null,
): Promise<boolean> {
  const updated = await database(d1)
    .update(channelDeliveries)
    .set({ status, error, updatedAt: Date.now() })
    .where(
      and(
        eq(channelDeliveries.tenantId, channel.tenantId),
        eq(channelDeliveries.channelId, channel.id),
        eq(channelDeliveries.id, id),
        lt(rank, RANKS[status]),
      ),
    )
    .returning({ id: channelDeliveries.id });
  return updated.length > 0;
}

export type MessageDelivery = { status: DeliveryStatus; error: string | null };

/**
 * Where the platform says the messages `seqs` of a conversation are: a message sent in parts is as far
 * as its least-delivered part, and failed when any part failed. Seqs never sent on a channel are absent.
 */
export async function deliveriesOf(
  d1: D1Database,
  tenantId: string,
  conversationId: string,
  seqs: readonly number[],
): Promise<Map<number, MessageDelivery>> {
  const found = new Map<number, MessageDelivery>();
  if (seqs.length === 0) return found;
  const rows = await database(d1)
    .select({
      seq: channelDeliveries.seq,
      status: channelDeliveries.status,
      error: channelDeliveries.error,
    })
    .from(channelDeliveries)
    .where(
      and(
        eq(channelDeliveries.tenantId, tenantId),
        eq(channelDeliveries.conversationId, conversationId),
        // A range, not a list: D1 binds at most 100 parameters, and a page holds up to 500 messages.
        gte(channelDeliveries.seq, Math.min(...seqs)),
        lte(channelDeliveries.seq, Math.max(...seqs)),
      ),
    );
  const wanted = new Set(seqs);
  for (const row of rows) {
    if (!wanted.has(row.seq)) continue;
    const known = found.get(row.seq);
    const worse =
      !known ||
      row.status === "failed" ||
      (known.status !== "failed" && RANKS[row.status] < RANKS[known.status]);
    if (worse) found.set(row.seq, { status: row.status, error: row.error });
  }
  return found;
}

/** The delivery record of our message `id` in a tenant (its latest status and error). */
export function findDelivery(d1: D1Database, tenantId: string, id: string) {
  const delivery = and(eq(channelDeliveries.tenantId, tenantId), eq(channelDeliveries.id, id));
  return firstRow(database(d1).select().from(channelDeliveries).where(delivery));
}
