// Outgoing webhook deliveries about the contact (D1): their payloads name the contact or their
// conversation and may quote what they wrote, so they are exported and erased with the person.
import { deliveriesAbout, forgetDeliveriesAbout } from "../../db/webhook-store";
import {
  erasureReceipt,
  type ErasureStore,
  type ErasureSubject,
  type StoreReceipt,
} from "./erasure-store";

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
    erase(subject: ErasureSubject): Promise<StoreReceipt> {
      return erasureReceipt(STORE, "D1 could not be reached.", () =>
        forgetDeliveriesAbout(env.DB, subject.tenantId, about(subject)),
      );
    },
  };
}
