// What the room does with a user message meant for coaching rather than for the assistant: an answer
// to a commitment's follow-up (Done / Partly / Not yet) is stored as its outcome and thanked; a
// promise or a reminder request ("I'll run three times this week", "remind me tomorrow at 8") is
// recorded, its follow-up scheduled with the contact's coaching agent, and confirmed in one line. A
// message that only looked like one goes to the assistant after all. Any other quick reply (a
// check-in's choice or score) is the agent's: coaching/note-reply.ts hands it over with the message,
// and the agent records it and thanks the user once; one the agent does not know is ignored there.
// Free text right under an offer is asked of the agent first (a check-in answered in words), then
// treated as a possible commitment, then given to the assistant.
import type { QuickReply } from "@coach/contracts/socket";
import type { AgentSnapshot } from "../coaching/agent-api";
import { COMMITMENT_TEXTS, outcomeLanguage } from "../../worker/commitments/commitment-texts";
import {
  confirmationText,
  mentionsCommitment,
  readCommitment,
} from "../../worker/commitments/parse-commitment";
import { followUpText, outcomeReplies, readOutcomeReply } from "../../worker/commitments/follow-up";
import { recordCommitment, recordOutcome } from "../../worker/db/commitment-store";
import { emitEvent } from "../../worker/integrations/emit-event";
import { coachingAgentFor } from "../../worker/lib/coaching-agents";
import { describeError, type Logger } from "../../worker/lib/logger";
import { loadPersona } from "../../worker/persona/load-persona";
import type { RoomMeta } from "./room-meta";

export type CoachingReplyDeps = {
  env: Env;
  meta: RoomMeta;
  logger: Logger;
  /** Sends the room's own short answer (stored once per client id, delivered on the channel). */
  reply: (clientId: string, text: string, quickReplies?: QuickReply[]) => Promise<void>;
  /** Queues the message for the assistant after all. */
  askAssistant: () => void;
};

/**
 * `possibleAnswer`: free text written right under an offer of quick replies, which may answer a
 * check-in in words; the agent records (and thanks) it, or it goes on as any other message.
 */
export type CoachingMessage = {
  seq: number;
  text: string;
  at: number;
  quickReplyId: string | null;
  possibleAnswer: boolean;
};

async function recordAnsweredOutcome(
  deps: CoachingReplyDeps,
  message: CoachingMessage,
  quickReplyId: string,
): Promise<void> {
  const { env, meta } = deps;
  const answer = readOutcomeReply(quickReplyId);
  if (!answer || !meta.contactId) return;
  const row = await recordOutcome(
    env.DB,
    meta.tenantId,
    meta.contactId,
    answer.commitmentId,
    answer.outcome,
    message.at,
  );
  if (!row)
    return deps.logger.warn("outcome for an unknown commitment ignored", {
      commitment_id: answer.commitmentId,
    });
  await emitEvent(env, meta.tenantId, "outcome.recorded", {
    commitment_id: row.id,
    contact_id: row.contactId,
    conversation_id: meta.conversationId,
    kind: row.kind,
    what: row.what,
    outcome: answer.outcome,
    due_at: row.dueAt,
    program_id: row.programId,
    enrollment_id: row.enrollmentId,
  });
  // The pressed button's label says which language the follow-up was in.
  const thanks = COMMITMENT_TEXTS[outcomeLanguage(message.text)].thanks[answer.outcome];
  await deps.reply(`outcome-${message.seq}`, thanks);
}

async function recordNewCommitment(
  deps: CoachingReplyDeps,
  message: CoachingMessage,
  contactId: string,
): Promise<void> {
  const { env, meta } = deps;
  const identity = { tenantId: meta.tenantId, contactId, channelId: meta.channelId ?? null };
  const agent = coachingAgentFor(env, meta.tenantId, contactId);
  // The RPC typing cannot map the snapshot's free-form details; the shape is the agent's own.
  const snapshot: AgentSnapshot = await agent.snapshot();
  // Answered in the language it was written in when the persona speaks it, else in the persona's first.
  const { persona } = await loadPersona(env.DB, meta.tenantId);
  const read = readCommitment(
    message.text,
    { now: message.at, timeZone: snapshot.preferences.timezone },
    persona,
  );
  if (!read) return deps.askAssistant();
  const { commitment, language } = read;
  const enrolment = snapshot.enrollments.find((e) => e.status === "active") ?? null;
  const { row, created } = await recordCommitment(env.DB, meta.tenantId, {
    ...commitment,
    contactId,
    conversationId: meta.conversationId,
    sourceSeq: message.seq,
    sourceText: message.text,
    timeZone: snapshot.preferences.timezone,
    programId: enrolment?.program_id ?? null,
    enrollmentId: enrolment?.id ?? null,
    stepNodeId: enrolment?.current_node ?? null,
  });
  if (created) {
    await agent.queueIntervention(identity, {
      id: `commitment:${row.id}`,
      text: followUpText(row, language),
      quick_replies: outcomeReplies(row.id, language),
      due_at: row.dueAt,
      reason: row.kind === "reminder" ? "reminder" : "commitment_follow_up",
    });
  }
  await deps.reply(`commitment-${message.seq}`, confirmationText(commitment, language));
}

/** Whether the contact's agent took the message as a check-in's answer (it thanks the contact itself). */
async function answersCheckin(
  deps: CoachingReplyDeps,
  message: CoachingMessage,
  contactId: string,
): Promise<boolean> {
  const { answered } = await coachingAgentFor(deps.env, deps.meta.tenantId, contactId).recordReply({
    text: message.text,
    at: message.at,
    conversation_id: deps.meta.conversationId,
  });
  return answered.length > 0;
}

/**
 * Handles a user message the room set aside for coaching (`quickReplyId` set, a possible answer, or a
 * possible commitment). Never throws: a failure is logged, and free text goes to the assistant.
 */
export async function handleCoachingMessage(
  deps: CoachingReplyDeps,
  message: CoachingMessage,
): Promise<void> {
  try {
    if (message.quickReplyId)
      return await recordAnsweredOutcome(deps, message, message.quickReplyId);
    if (!deps.meta.contactId) return deps.askAssistant();
    if (message.possibleAnswer && (await answersCheckin(deps, message, deps.meta.contactId)))
      return;
    if (!mentionsCommitment(message.text)) return deps.askAssistant();
    await recordNewCommitment(deps, message, deps.meta.contactId);
  } catch (err) {
    deps.logger.error("coaching reply failed", { seq: message.seq, ...describeError(err) });
    if (!message.quickReplyId) deps.askAssistant();
  }
}
