// The shapes of what the Worker and the rooms ask a CoachingAgent over RPC, and what it answers.
//
// Extension points for other features (signals, rules, reminders), all RPC on the stub from
// `coachingAgentFor()` in worker/lib/coaching-agents.ts:
// - `queueIntervention({id, text, prompt?, quick_replies?, due_at?, reason})`: a one-off proactive
//   message under the same guards as program steps (opt-out at send time, quiet hours, caps,
//   idempotent by `id`, written by the model when `prompt` is given).
// - `recordReply({text, at?, quick_reply_id?, conversation_id?})`: the contact wrote to us (activity,
//   check-in answers, each thanked once in the conversation they wrote in); the room calls it for
//   every user message once coaching has reached the conversation.
// - `snapshot()`: enrolments with their answers and send times, last reply, opt-out, preferences.
// - `behaviourSignals()`: streak, missed check-ins, scores and trend; the creator's rules are evaluated
//   by coaching/coaching-signals.ts on every pass and reply (and the history mirrored to D1).
// - `optOut(reason)` / `optIn()`: /stop, "STOP", the widget's stop button.
import type { CoachingStateView, EnrollmentView, ProgramSteps } from "@coach/contracts/programs";
import type { AgentIdentity, CheckinAnswer, Intervention } from "./agent-store";

export type EnrollInput = {
  identity: AgentIdentity;
  enrollmentId: string;
  programId: string;
  version: number;
  steps: ProgramSteps;
  startNode: string;
  /** api (a creator), telegram, whatsapp, widget (the user themself). */
  source: string;
};

/** `enrollment` is the new or the already active one; null when refused. */
export type EnrollResult = {
  status: "enrolled" | "duplicate" | "contact_opted_out" | "wrong_agent";
  enrollment: EnrollmentView | null;
};

export type InterventionInput = {
  id: string;
  text: string;
  prompt?: string;
  quick_replies?: { id: string; label: string }[];
  /** Not before this instant; defaults to now. */
  due_at?: number;
  reason: string;
};

/** `conversation_id`: where the contact wrote, so the thanks for an answer goes there. */
export type ReplyInput = {
  text: string;
  at?: number;
  quick_reply_id?: string;
  conversation_id?: string;
};

export type AgentSnapshot = {
  opted_out_at: number | null;
  last_reply_at: number | null;
  preferences: CoachingStateView;
  enrollments: (EnrollmentView & {
    answers: Record<string, CheckinAnswer>;
    sent_at: Record<string, number>;
  })[];
  pending_interventions: Intervention[];
};
