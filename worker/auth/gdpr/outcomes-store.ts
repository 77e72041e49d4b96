// The contact's commitments and reminders, and the coaching events mirrored for analytics (D1).
import { commitmentView, eraseContactOutcomes, listCommitments } from "../../db/commitment-store";
import {
  erasureReceipt,
  type ErasureStore,
  type ErasureSubject,
  type StoreReceipt,
} from "./erasure-store";

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
    erase(subject: ErasureSubject): Promise<StoreReceipt> {
      return erasureReceipt("commitments", "D1 could not be reached.", () =>
        eraseContactOutcomes(env.DB, subject.tenantId, subject.contactId),
      );
    },
  };
}
