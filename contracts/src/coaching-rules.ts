/**
 * Behaviour signals of one contact and the creator's rules that act on them: "no reply for 72 hours →
 * nudge", "score dropped by 2 over 3 check-ins → supportive message", "missed 2 check-ins → nudge".
 * Rules apply to contacts with an active enrolment (in `program_id`, or in any program when null);
 * what they send goes through the contact's coaching agent, so quiet hours, caps and opt-out win.
 */
import { z } from "zod";

export const RuleWhenSchema = z.union([
  /** The contact has not written for this many hours (once per silence). */
  z.strictObject({
    no_reply_for_hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 90),
  }),
  /** The latest check-in score is at least `score_drop` below the first of the last `over_checkins`. */
  z.strictObject({
    score_drop: z.number().positive().max(200),
    over_checkins: z.number().int().min(2).max(20).default(3),
  }),
  /** The contact left this many check-ins in a row unanswered (24 hours each). */
  z.strictObject({ missed_checkins: z.number().int().min(1).max(50) }),
]);
export type RuleWhen = z.infer<typeof RuleWhenSchema>;

export const RuleThenSchema = z.strictObject({
  /** A nudge (come back) or a supportive message (things got harder); written in the creator's voice. */
  send: z.enum(["nudge", "supportive"]),
  /** The creator's own words, sent as written; without them the model writes the message in their voice. */
  text: z.string().trim().min(1).max(1000).optional(),
});
export type RuleThen = z.infer<typeof RuleThenSchema>;

/** Body of `POST /api/v1/coaching-rules`. */
export const CoachingRuleCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  program_id: z.string().min(1).max(64).nullable().default(null),
  when: RuleWhenSchema,
  then: RuleThenSchema,
  enabled: z.boolean().default(true),
});
export type CoachingRuleCreate = z.infer<typeof CoachingRuleCreateSchema>;

/** Body of `PUT /api/v1/coaching-rules/:id`: any of the fields. */
export const CoachingRuleUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  program_id: z.string().min(1).max(64).nullable().optional(),
  when: RuleWhenSchema.optional(),
  then: RuleThenSchema.optional(),
  enabled: z.boolean().optional(),
});
export type CoachingRuleUpdate = z.infer<typeof CoachingRuleUpdateSchema>;

export type CoachingRuleView = {
  id: string;
  name: string;
  program_id: string | null;
  when: RuleWhen;
  then: RuleThen;
  enabled: boolean;
  created_at: number;
  updated_at: number;
};

/** One contact's behaviour signals, as `GET /api/v1/contacts/:id/signals` answers them. */
export type ContactSignals = {
  last_activity_at: number | null;
  /** Days in a row (on the contact's clock, ending today or yesterday) on which they wrote. */
  streak_days: number;
  /** Check-ins left unanswered in a row, most recent first (one still within 24 hours does not count). */
  missed_checkins: number;
  /** Scale answers, oldest first. */
  checkin_scores: { at: number; value: number; node_id: string; enrollment_id: string }[];
  /** Slope of the last five scores per check-in (negative: falling); null with fewer than two. */
  score_trend: number | null;
};
