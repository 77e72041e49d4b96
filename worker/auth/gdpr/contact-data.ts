// Export and erasure of one end user (a contact) of a workspace across every store. The outside stores
// go first; the D1 rows go last and only when all of them succeeded, so a partial erasure keeps the
// contact findable and the owner can simply repeat the request.
import { eq } from "drizzle-orm";
import type { TenantGateway } from "../../db/tenant-gateway";
import { bridgeStore } from "./bridge-store";
import { conversationStore, roomEraser, type ConversationEraser } from "./conversation-store";
import type { ErasureStore, ErasureSubject, StoreReceipt } from "./erasure-store";
import { r2Store } from "./r2-store";

/** Where a contact's data lives besides D1; the conversation rooms default to the ConversationRoom binding. */
export function erasureStores(env: Env, rooms: ConversationEraser = roomEraser(env)): ErasureStore[] {
  return [conversationStore(rooms), r2Store(env.FILES), bridgeStore(env)];
}

// D1 rows leave in the API's snake_case, like every other JSON body.
function snakeCase(row: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`), value]));
}

async function load(gateway: TenantGateway, contactId: string, requestId: string) {
  const contact = await gateway.get("contacts", contactId);
  const conversations = await gateway.list("conversations", { where: (t) => eq(t.contactId, contactId) });
  const subject: ErasureSubject = { tenantId: gateway.tenantId, contactId, conversationIds: conversations.map((c) => c.id), requestId };
  return { contact, conversations, subject };
}

/** Everything stored about the contact, store by store. 404 for a contact of another workspace. */
export async function exportContact(gateway: TenantGateway, stores: ErasureStore[], contactId: string, requestId: string) {
  const { contact, conversations, subject } = await load(gateway, contactId, requestId);
  const stored: Record<string, unknown> = { d1: { contact: snakeCase(contact), conversations: conversations.map(snakeCase) } };
  for (const store of stores) if (store.exportData) stored[store.name] = await store.exportData(subject);
  return { contact_id: contactId, exported_at: new Date().toISOString(), stores: stored };
}

/** The receipt of an erasure. */
export type ErasureReceipt = { contact_id: string; erased_at: string; complete: boolean; stores: StoreReceipt[] };

/** Erases the contact everywhere and says what was erased where. 404 for a contact of another workspace. */
export async function eraseContact(gateway: TenantGateway, stores: ErasureStore[], contactId: string, requestId: string): Promise<ErasureReceipt> {
  const { subject } = await load(gateway, contactId, requestId);
  const receipts: StoreReceipt[] = [];
  for (const store of stores) receipts.push(await store.erase(subject));
  const complete = receipts.every((r) => r.status !== "failed");
  if (complete) {
    for (const id of subject.conversationIds) await gateway.remove("conversations", id);
    await gateway.remove("contacts", contactId);
    receipts.unshift({ store: "d1", status: "erased", items: subject.conversationIds.length + 1 });
  } else {
    receipts.unshift({ store: "d1", status: "failed", items: 0, detail: "Kept until every other store is erased; repeat the request." });
  }
  return { contact_id: contactId, erased_at: new Date().toISOString(), complete, stores: receipts };
}
