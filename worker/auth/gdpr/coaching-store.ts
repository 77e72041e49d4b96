// The contact's proactive-coaching data: their CoachingAgent (enrolments and their history, check-in
// answers, preferences, opt-out, queued messages) and the D1 index of their enrolments.
import { eq } from "drizzle-orm";
import { forTenant } from "../../db/tenant-gateway";
import { coachingAgentFor } from "../../lib/coaching-agents";
import type { ErasureStore, ErasureSubject, StoreReceipt } from "./erasure-store";

export function coachingStore(env: Pick<Env, "DB" | "COACHING_AGENT">): ErasureStore {
  return {
    name: "coaching",
    async exportData(subject: ErasureSubject): Promise<unknown> {
      return coachingAgentFor(env, subject.tenantId, subject.contactId).snapshot();
    },
    async erase(subject: ErasureSubject): Promise<StoreReceipt> {
      try {
        const { enrollments } = await coachingAgentFor(
          env,
          subject.tenantId,
          subject.contactId,
        ).erase();
        const gateway = forTenant(env.DB, subject.tenantId);
        const indexed = await gateway.list("enrollments", {
          where: (t) => eq(t.contactId, subject.contactId),
        });
        for (const row of indexed) await gateway.remove("enrollments", row.id);
        const items = Math.max(enrollments, indexed.length);
        return { store: "coaching", status: items > 0 ? "erased" : "nothing_stored", items };
      } catch {
        return {
          store: "coaching",
          status: "failed",
          items: 0,
          detail: "The coaching agent could not be reached.",
        };
      }
    },
  };
}
