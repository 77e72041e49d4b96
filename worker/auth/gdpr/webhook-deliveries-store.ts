// Outgoing webhook deliveries about the contact (D1): their payloads name the contact or their
// conversation and may quote what they wrote, so they are exported and erased with the person.
import { deliveriesAbout, forgetDeliveriesAbout } from "../../db/webhook-store";
import type { ErasureStore, ErasureSubject, StoreReceipt } from "./erasure-store";

const STORE = "webhook_deliveries";

function about(subject: ErasureSubject) {
  return { contactIds: [subject.contactId], conversationIds: subject.conversationIds };
}

export function webhookDeliveriesStore(env: Pick<Env, "DB">): ErasureStore {
  return {
    name: STORE,
    async exportData(subject: ErasureSubject): Promise<unknown> {
      const rows = await deliveriesAbout(env.DB, subject.tenantId, about(subject));
      return rows.map((row) => ({
        id: row.id,
        endpoint_id: row.endpointId,
        event: row.event,
        status: row.status,
        created_at: row.createdAt,
        payload: JSON.parse(row.payload) as unknown,
      }));
    },
    async erase(subject: ErasureSubject): Promise<StoreReceipt> {
      try {
        const items = await forgetDeliveriesAbout(env.DB, subject.tenantId, about(subject));
        return { store: STORE, status: items > 0 ? "erased" : "nothing_stored", items };
      } catch {
        return { store: STORE, status: "failed", items: 0, detail: "D1 could not be reached." };
      }
    },
  };
}
