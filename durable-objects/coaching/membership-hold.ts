// Holds a paid program's step while the member's membership is lapsed (worker/billing/lapsed-members.ts
// decides): nothing is sent, the step is recorded once as skipped with the reason so the creator sees
// why, and the enrolment looks again every hour, so the step goes out soon after the person pays again.
import type { AgentStore, EnrollmentRecord } from "./agent-store";

/** How often a held step checks whether the membership is back. */
export const MEMBERSHIP_RECHECK_MS = 60 * 60_000;

/** True when `nodeId` of `record` must wait for the membership (and is now set to look again later). */
export async function holdForMembership(
  store: AgentStore,
  lapsed: (programId: string, now: number) => Promise<boolean>,
  record: EnrollmentRecord,
  nodeId: string,
  now: number,
): Promise<boolean> {
  if (!(await lapsed(record.programId, now))) return false;
  const fresh = store.enrollment(record.id);
  if (!fresh || fresh.status !== "active") return true;
  const last = store.history(record.id).at(-1);
  if (last?.event !== "skipped" || last.node_id !== nodeId)
    store.addHistory(record.id, {
      at: now,
      node_id: nodeId,
      event: "skipped",
      detail: { reason: "membership_lapsed" },
    });
  store.saveEnrollment({ ...fresh, wakeAt: now + MEMBERSHIP_RECHECK_MS });
  return true;
}
