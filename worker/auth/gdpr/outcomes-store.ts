// The contact's commitments and reminders, and the coaching events mirrored for analytics (D1).
import { commitmentView, eraseContactOutcomes, listCommitments } from "../../db/commitment-store";
import type { ErasureStore, ErasureSubject, StoreReceipt } from "./erasure-store";

const EXPORT_LIMIT = 10_000;

export function outcomesStore(env: Pick<Env, "DB">): ErasureStore {
  return {
    name: "commitments",
    async exportData(subject: ErasureSubject): Promise<unknown> {
      const { rows } = await listCommitments(env.DB, subject.tenantId, {
        contactId: subject.contactId,
        limit: EXPORT_LIMIT,
        offset: 0,
      });
      return { commitments: rows.map(commitmentView) };
    },
    async erase(subject: ErasureSubject): Promise<StoreReceipt> {
      try {
        const items = await eraseContactOutcomes(env.DB, subject.tenantId, subject.contactId);
        return { store: "commitments", status: items > 0 ? "erased" : "nothing_stored", items };
      } catch {
        return {
          store: "commitments",
          status: "failed",
          items: 0,
          detail: "D1 could not be reached.",
        };
      }
    },
  };
}
