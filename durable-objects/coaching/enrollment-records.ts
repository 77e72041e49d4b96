// An enrolment as the agent stores it (a record) and as the API shows it (a view).
import type { EnrollmentView } from "@coach/contracts/programs";
import type { EnrollInput } from "./agent-api";
import type { EnrollmentRecord } from "./agent-store";

/** A new enrolment at the program's start step, due now. */
export function newEnrollment(input: EnrollInput, now: number): EnrollmentRecord {
  return {
    id: input.enrollmentId,
    programId: input.programId,
    version: input.version,
    steps: input.steps,
    status: "active",
    currentNode: input.startNode,
    wakeAt: now,
    visits: { [input.startNode]: 1 },
    waitUntil: null,
    waitStartedAt: null,
    sentAt: {},
    answers: {},
    awaitingAnswer: null,
    lastAnswered: null,
    source: input.source,
    startedAt: now,
    endedAt: null,
    endReason: null,
  };
}

/** An enrolment as the API shows it. */
export function view(record: EnrollmentRecord, contactId: string): EnrollmentView {
  return {
    id: record.id,
    program_id: record.programId,
    program_version: record.version,
    contact_id: contactId,
    status: record.status,
    current_node: record.currentNode,
    next_wake_at: record.wakeAt,
    started_at: record.startedAt,
    ended_at: record.endedAt,
    end_reason: record.endReason,
  };
}
