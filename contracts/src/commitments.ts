/**
 * Commitments and reminders a user makes in conversation ("I'll run three times this week", "remind
 * me tomorrow at 8"), as the edge records them, and the outcome the user reports when asked.
 */
import { z } from "zod";

/** What the parser found in a user's message; validated before it is stored. */
export const CommitmentSchema = z.object({
  kind: z.enum(["commitment", "reminder"]),
  /** What the user will do, or what to remind them of, in their words. */
  what: z.string().trim().min(1).max(200),
  /** When to follow up (a reminder: when to remind), UTC epoch milliseconds. */
  due_at: z.number().int().positive(),
  /** `due_at` on the user's own clock, as the confirmation says it ("tomorrow at 8:00"). */
  local_time_text: z.string().min(1).max(100),
  /** How many times, per `period` ("three times this week" → 3, "week"). */
  count: z.number().int().min(1).max(100).optional(),
  period: z.enum(["day", "week", "month"]).optional(),
});
export type Commitment = z.infer<typeof CommitmentSchema>;

export const commitmentOutcomes = ["done", "partly", "not_yet"] as const;
export const CommitmentOutcomeSchema = z.enum(commitmentOutcomes);
export type CommitmentOutcome = z.infer<typeof CommitmentOutcomeSchema>;

/** `open` until followed up; `asked` once the follow-up went out; `done|partly|not_yet` once answered. */
export const commitmentStatuses = ["open", "asked", ...commitmentOutcomes, "cancelled"] as const;
export const CommitmentStatusSchema = z.enum(commitmentStatuses);
export type CommitmentStatus = z.infer<typeof CommitmentStatusSchema>;

/** A recorded commitment or reminder as the API answers it. */
export type CommitmentView = Commitment & {
  id: string;
  contact_id: string;
  conversation_id: string | null;
  enrollment_id: string | null;
  status: CommitmentStatus;
  time_zone: string;
  source_text: string;
  created_at: number;
  followed_up_at: number | null;
  outcome_at: number | null;
};
