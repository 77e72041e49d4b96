// Enrols a contact in a program, whoever asks: a creator through the API, or the user from Telegram
// (`/start <slug>`), WhatsApp (the program's keyword) or the widget. The D1 index row is written first,
// so the listing knows the enrolment before its first step runs; the contact's CoachingAgent holds
// the state from then on, pinned to the program's current version.
import type { EnrollmentView } from "@coach/contracts/programs";
import { newId } from "../lib/ids";
import type { TenantGateway } from "../db/tenant-gateway";
import { emitEvent } from "../integrations/emit-event";
import { coachingAgentFor } from "../lib/coaching-agents";
import { AppError } from "../lib/errors";
import { assertProgramIncluded } from "../billing/program-access";
import { startNode } from "./validate-program";
import { programSteps, type ProgramRow } from "./program-store";

export type EnrollRequest = {
  program: ProgramRow;
  contactId: string;
  /** api, telegram, whatsapp or widget. */
  source: string;
  /** The messaging channel the user joined from, so proactive messages go back through it. */
  channelId?: string | null;
};

/** The new enrolment (201), or the contact's active one in this program (`duplicate: true`). */
export async function enrollContact(
  env: Env,
  gateway: TenantGateway,
  request: EnrollRequest,
): Promise<{ enrollment: EnrollmentView; duplicate: boolean }> {
  const { program } = request;
  if (program.status !== "active")
    throw new AppError(
      409,
      "program_archived",
      "This program is archived; restore it or choose another before enrolling anyone.",
    );
  // A creator may enrol anyone by hand; people joining themselves need a plan that includes it.
  if (request.source !== "api")
    await assertProgramIncluded(env, gateway.tenantId, program.id, request.contactId);
  const steps = await programSteps(gateway, program.id, program.version);
  const enrollmentId = newId();
  const start = startNode(steps);
  await gateway.insert("enrollments", {
    id: enrollmentId,
    programId: program.id,
    programVersion: program.version,
    contactId: request.contactId,
    currentNode: start,
    source: request.source,
  });
  const result = await coachingAgentFor(env, gateway.tenantId, request.contactId).enroll({
    identity: {
      tenantId: gateway.tenantId,
      contactId: request.contactId,
      channelId: request.channelId ?? null,
    },
    enrollmentId,
    programId: program.id,
    version: program.version,
    steps,
    startNode: start,
    source: request.source,
  });
  const { status, enrollment } = result;
  if (status !== "enrolled") await gateway.remove("enrollments", enrollmentId);
  if (status === "wrong_agent")
    throw new Error(
      `The coaching agent of contact ${request.contactId} belongs to another contact.`,
    );
  if (!enrollment) {
    throw new AppError(
      409,
      "contact_opted_out",
      "This contact has opted out of check-in messages. They can join again themselves from their channel.",
    );
  }
  const duplicate = status === "duplicate";
  if (duplicate) return { enrollment, duplicate };
  await emitEvent(env, gateway.tenantId, "enrollment.created", {
    enrollment_id: enrollmentId,
    program_id: program.id,
    contact_id: request.contactId,
    source: request.source,
  });
  return { enrollment, duplicate };
}
