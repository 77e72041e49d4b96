// Keeps the D1 index of an enrolment in step with the agent (a failure only delays the listing, never
// the engine), and tells the workspace's webhooks when an enrolment has just ended.
import { forTenant } from "../../worker/db/tenant-gateway";
import { emitEvent } from "../../worker/integrations/emit-event";
import { describeError, type Logger } from "../../worker/lib/logger";
import type { AgentIdentity, EnrollmentRecord } from "./agent-store";

export type IndexDeps = { env: Env; ctx: DurableObjectState; logger: Logger };

export async function syncEnrollmentIndex(
  deps: IndexDeps,
  identity: AgentIdentity,
  record: EnrollmentRecord,
  justEnded: boolean,
): Promise<void> {
  if (justEnded) {
    const event = {
      enrollment_id: record.id,
      program_id: record.programId,
      contact_id: identity.contactId,
      status: record.status,
      reason: record.endReason,
    };
    deps.ctx.waitUntil(emitEvent(deps.env, identity.tenantId, "enrollment.ended", event));
  }
  try {
    await forTenant(deps.env.DB, identity.tenantId).update("enrollments", record.id, {
      status: record.status,
      currentNode: record.currentNode,
      nextWakeAt: record.wakeAt,
      endedAt: record.endedAt,
      endReason: record.endReason,
    });
  } catch (err) {
    deps.logger.warn("enrolment index update failed", {
      enrollment_id: record.id,
      ...describeError(err),
    });
  }
}
