// A contact's reply read as the answer to the check-ins awaiting one: each answer is kept on its
// enrolment (once: the check-in stops awaiting), an enrolment that stayed open at its end for this
// answer is woken to complete, and each answer comes with what its thanks needs (answer-thanks.ts
// words it in the contact's language, read only when there is something to thank for).
import type { ProgramNode } from "@coach/contracts/programs";
import type { AgentStore, CheckinAnswer } from "./agent-store";
import { readAnswer } from "./checkins";

export type RecordedAnswer = {
  enrollmentId: string;
  nodeId: string;
  node: Extract<ProgramNode, { kind: "checkin" }>;
  answer: CheckinAnswer;
  /** One per answer: the client id makes a repeated send of the thanks a no-op in the room. */
  thanksClientId: string;
};

/** Records the answers `reply` gives; none when it answers no awaiting check-in. */
export function recordAnswers(
  store: AgentStore,
  reply: { text: string; at: number; quickReplyId?: string },
  now: number,
): RecordedAnswer[] {
  const recorded: RecordedAnswer[] = [];
  for (const record of store.enrollments()) {
    if (record.status !== "active" && record.status !== "completed") continue;
    const node = record.steps.nodes.find((n) => n.id === record.awaitingAnswer);
    if (!node || node.kind !== "checkin") continue;
    const answer = readAnswer(node, reply);
    if (!answer) continue;
    const atEnd =
      record.status === "active" &&
      record.steps.nodes.find((n) => n.id === record.currentNode)?.kind === "end";
    store.saveEnrollment({
      ...record,
      answers: { ...record.answers, [node.id]: answer },
      lastAnswered: node.id,
      awaitingAnswer: null,
      ...(atEnd ? { wakeAt: now } : {}),
    });
    store.addHistory(record.id, {
      at: reply.at,
      node_id: node.id,
      event: "answered",
      detail: { ...answer },
    });
    const visit = record.visits[node.id] ?? 1;
    recorded.push({
      enrollmentId: record.id,
      nodeId: node.id,
      node,
      answer,
      thanksClientId: `checkin-ack-${record.id}:${node.id}:${visit}`,
    });
  }
  return recorded;
}
