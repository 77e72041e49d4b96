// The contact's proactive-coaching data: their CoachingAgent (enrolments and their history, check-in
// answers, preferences, opt-out, queued messages) and the D1 index of their enrolments.
import { eq } from "drizzle-orm";
import { forTenant } from "../../db/tenant-gateway";
import { coachingAgentFor } from "../../lib/coaching-agents";
import {
  erasureReceipt,
  type ErasureStore,
  type ErasureSubject,
  type StoreReceipt,
} from "./erasure-store";

export function coachingStore(env: Pick<Env, "DB" | "COACHING_AGENT">): ErasureStore {
  return {
    name: "coaching",
    async exportData(subject: ErasureSubject): Promise<unknown> {
      return coachingAgentFor(env, subject.tenantId, subject.contactId).snapshot();
    },
    erase(subject: ErasureSubject): Promise<StoreReceipt> {
      return erasureReceipt("coaching", "The coaching agent could not be reached.", async () => {
        const agent = coachingAgentFor(env, subject.tenantId, subject.contactId);
        const { enrollments } = await agent.erase();
        const gateway = forTenant(env.DB, subject.tenantId);
        const indexed = await gateway.list("enrollments", {
          where: (t) => eq(t.contactId, subject.contactId),
        });
        for (const row of indexed) await gateway.remove("enrollments", row.id);
        return Math.max(enrollments, indexed.length);
      });
    },
  };
}
