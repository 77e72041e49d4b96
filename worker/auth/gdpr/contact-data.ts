// Export and erasure of one end user (a contact) of a workspace across every store. The outside stores
// go first; the D1 rows go last, every table that names the person (worker/db/personal-rows.ts) in one
// batch, and only when all of the stores succeeded, so a partial erasure keeps the contact findable and
// the owner can simply repeat the request.
// A person who linked channels (Telegram and WhatsApp) is one person with one shared conversation:
// exporting or erasing any of their contacts covers all of them (the linked contacts, every
// conversation of the group, the links themselves).
import { inArray } from "drizzle-orm";
import { linkGroup } from "../../db/contact-links";
import { erasePersonalRows, exportPersonalRows } from "../../db/personal-rows";
import type { TenantGateway } from "../../db/tenant-gateway";
import { bridgeStore } from "./bridge-store";
import { coachingStore } from "./coaching-store";
import { conversationStore, roomEraser, type ConversationEraser } from "./conversation-store";
import type { ErasureStore, ErasureSubject, StoreReceipt } from "./erasure-store";
import { outcomesStore } from "./outcomes-store";
import { r2Store } from "./r2-store";
import { stripeStore } from "./stripe-store";
import { webhookDeliveriesStore } from "./webhook-deliveries-store";

/** Where a contact's data lives besides D1; the conversation rooms default to the ConversationRoom binding. */
export function erasureStores(
  env: Env,
  rooms: ConversationEraser = roomEraser(env),
): ErasureStore[] {
  return [
    // First, so Stripe stops charging the person whatever else fails.
    stripeStore(env),
    conversationStore(rooms),
    r2Store(env.FILES),
    bridgeStore(env),
    coachingStore(env),
    outcomesStore(env),
    webhookDeliveriesStore(env),
  ];
}

// D1 rows leave in the API's snake_case, like every other JSON body.
function snakeCase(row: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`),
      value,
    ]),
  );
}

async function load(d1: D1Database, gateway: TenantGateway, contactId: string, requestId: string) {
  const contact = await gateway.get("contacts", contactId);
  const groupIds = await linkGroup(d1, gateway.tenantId, contactId);
  const linked = await gateway.list("contacts", {
    where: (t) =>
      inArray(
        t.id,
        groupIds.filter((id) => id !== contactId),
      ),
  });
  const conversations = await gateway.list("conversations", {
    where: (t) => inArray(t.contactId, groupIds),
  });
  const subject: ErasureSubject = {
    tenantId: gateway.tenantId,
    contactId,
    conversationIds: conversations.map((c) => c.id),
    requestId,
  };
  // The linked contacts' own data outside D1 (files, memory); the shared conversations go with `subject`.
  const linkedSubjects = linked.map((c): ErasureSubject => ({
    tenantId: gateway.tenantId,
    contactId: c.id,
    conversationIds: [],
    requestId,
  }));
  return { contact, linked, groupIds, subject, linkedSubjects };
}

/** Everything stored about the contact, store by store. 404 for a contact of another workspace. */
export async function exportContact(
  d1: D1Database,
  gateway: TenantGateway,
  stores: ErasureStore[],
  contactId: string,
  requestId: string,
) {
  const { contact, linked, groupIds, subject } = await load(d1, gateway, contactId, requestId);
  // Every personal table by its SQL name (conversations, question_gaps, commitments, …); the contacts as before.
  const { contacts: _contacts, ...rows } = await exportPersonalRows(d1, gateway.tenantId, groupIds);
  const stored: Record<string, unknown> = {
    d1: {
      contact: snakeCase(contact),
      linked_contacts: linked.map(snakeCase),
      ...Object.fromEntries(
        Object.entries(rows).map(([table, list]) => [table, list.map(snakeCase)]),
      ),
    },
  };
  for (const store of stores)
    if (store.exportData) stored[store.name] = await store.exportData(subject);
  return { contact_id: contactId, exported_at: new Date().toISOString(), stores: stored };
}

/** The receipt of an erasure. */
export type ErasureReceipt = {
  contact_id: string;
  erased_at: string;
  complete: boolean;
  stores: StoreReceipt[];
};

/** Erases the contact everywhere and says what was erased where. 404 for a contact of another workspace. */
export async function eraseContact(
  d1: D1Database,
  gateway: TenantGateway,
  stores: ErasureStore[],
  contactId: string,
  requestId: string,
): Promise<ErasureReceipt> {
  const { groupIds, subject, linkedSubjects } = await load(d1, gateway, contactId, requestId);
  const receipts: StoreReceipt[] = [];
  for (const person of [subject, ...linkedSubjects])
    for (const store of stores) receipts.push(await store.erase(person));
  const complete = receipts.every((r) => r.status !== "failed");
  if (complete) {
    const items = await erasePersonalRows(d1, gateway.tenantId, groupIds);
    receipts.unshift({ store: "d1", status: "erased", items });
  } else {
    receipts.unshift({
      store: "d1",
      status: "failed",
      items: 0,
      detail: "Kept until every other store is erased; repeat the request.",
    });
  }
  return { contact_id: contactId, erased_at: new Date().toISOString(), complete, stores: receipts };
}
