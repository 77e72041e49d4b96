// An enrolment as the agent stores it (a record) and as the API shows it (a view), and the records
// of its life: new, ended, and the deadline of the check-in it awaits an answer to.
import type { EnrollmentView } from "@coach/contracts/programs";
import type { EnrollInput } from "./agent-api";
import type { EnrollmentRecord } from "./agent-store";
import { CHECKIN_ANSWER_WINDOW_MS } from "./behaviour-signals";

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

/** The record of an enrolment that ends now: completed at an end step, or ended or opted out. */
export function endedEnrollment(
  record: EnrollmentRecord,
  status: "completed" | "ended" | "opted_out",
  reason: string | null,
  now: number,
): EnrollmentRecord {
  // A check-in sent just before the end can still be answered; a stopped enrolment takes no answers.
  const awaitingAnswer = status === "completed" ? record.awaitingAnswer : null;
  return {
    ...record,
    status,
    wakeAt: null,
    waitUntil: null,
    waitStartedAt: null,
    awaitingAnswer,
    endedAt: now,
    endReason: reason,
  };
}

/** Until when the check-in awaiting an answer may still be answered; null when none awaits one. */
export function answerDeadline(record: EnrollmentRecord): number | null {
  const sentAt = record.awaitingAnswer === null ? undefined : record.sentAt[record.awaitingAnswer];
  return sentAt === undefined ? null : sentAt + CHECKIN_ANSWER_WINDOW_MS;
}
