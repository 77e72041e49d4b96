/**
 * Wire contracts of proactive coaching: programs (a graph of steps) and enrolments; a contact's
 * coaching preferences are in coaching-preferences.ts, re-exported here. Shared by the edge API, the
 * coaching engine and the dashboard's flow builder.
 *
 * A program's steps are nodes joined by edges. Every node but `end` has one outgoing edge, except a
 * `condition`, which has exactly two, labelled `branch: "yes"` and `branch: "no"`. The start is the one
 * node no edge points to. Structural rules (reachability, cycles, endings) are checked by the edge's
 * validator, which answers 422 `program_invalid` with `details: [{node_id, problem}]`.
 */
import { z } from "zod";
import { LocalTimeSchema } from "./coaching-preferences";
import type { PersonView } from "./person-view";

export * from "./coaching-preferences";

/** Node ids are short and stable: the engine's message ids and the builder's keys are made from them. */
export const NodeIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "1-64 characters of A-Z a-z 0-9 _ -");

const MessageNodeSchema = z.object({
  id: NodeIdSchema,
  kind: z.literal("message"),
  /** Sent as written when the model is unavailable; otherwise the model's starting point. */
  text: z.string().min(1).max(2000),
  /** What the model should write, in the creator's voice (e.g. "Congratulate them on week one"). */
  prompt: z.string().min(1).max(2000).optional(),
});

const ScaleSchema = z.object({
  min: z.number().int().min(-100).max(100),
  max: z.number().int().min(-100).max(100),
  /** Words for some points of the scale, e.g. {"1": "awful", "10": "great"}. */
  labels: z.record(z.string().regex(/^-?\d{1,3}$/), z.string().min(1).max(40)).optional(),
});

const ChoiceSchema = z.object({ id: NodeIdSchema, label: z.string().min(1).max(40) });

const CheckinNodeSchema = z.object({
  id: NodeIdSchema,
  kind: z.literal("checkin"),
  question: z.string().min(1).max(1000),
  /** Exactly one of `scale` and `choices`. */
  scale: ScaleSchema.optional(),
  choices: z.array(ChoiceSchema).min(2).max(10).optional(),
});

const WaitNodeSchema = z.object({
  id: NodeIdSchema,
  kind: z.literal("wait"),
  /** Exactly one of `duration_minutes` and `until`. */
  duration_minutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 90)
    .optional(),
  /** A local time of day `days_ahead` days from the day the wait starts (0: today, or tomorrow if past). */
  until: z
    .object({ time: LocalTimeSchema, days_ahead: z.number().int().min(0).max(90) })
    .optional(),
});

const ComparisonSchema = z.enum(["lt", "lte", "gt", "gte", "eq", "neq"]);

/** What a condition tests. `node_id` defaults to the most recent check-in answered in the enrolment. */
export const ConditionRuleSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("answer_compare"),
    node_id: NodeIdSchema.optional(),
    op: ComparisonSchema,
    value: z.number(),
  }),
  z.object({
    type: z.literal("answer_choice"),
    node_id: NodeIdSchema.optional(),
    choice_ids: z.array(NodeIdSchema).min(1).max(10),
  }),
  /** The user wrote to us after step `node_id` was sent. */
  z.object({ type: z.literal("replied_since"), node_id: NodeIdSchema }),
  /** The user has not written for at least this many hours. */
  z.object({
    type: z.literal("inactive_for"),
    hours: z
      .number()
      .int()
      .min(1)
      .max(24 * 90),
  }),
]);
export type ConditionRule = z.infer<typeof ConditionRuleSchema>;

const ConditionNodeSchema = z.object({
  id: NodeIdSchema,
  kind: z.literal("condition"),
  rule: ConditionRuleSchema,
});

const EndNodeSchema = z.object({ id: NodeIdSchema, kind: z.literal("end") });

export const ProgramNodeSchema = z.discriminatedUnion("kind", [
  MessageNodeSchema,
  CheckinNodeSchema,
  WaitNodeSchema,
  ConditionNodeSchema,
  EndNodeSchema,
]);
export type ProgramNode = z.infer<typeof ProgramNodeSchema>;
export type ProgramNodeKind = ProgramNode["kind"];

export const ProgramEdgeSchema = z.object({
  from: NodeIdSchema,
  to: NodeIdSchema,
  /** Only on a condition's two edges. */
  branch: z.enum(["yes", "no"]).optional(),
});
export type ProgramEdge = z.infer<typeof ProgramEdgeSchema>;

export const ProgramStepsSchema = z.object({
  nodes: z.array(ProgramNodeSchema).min(1).max(200),
  edges: z.array(ProgramEdgeSchema).max(400),
});
export type ProgramSteps = z.infer<typeof ProgramStepsSchema>;

/** How users name a program on Telegram (`/start <slug>`) and in the widget. */
export const ProgramSlugSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{1,47}$/,
    "2-48 characters of a-z 0-9 _ -, starting with a letter or digit",
  );

/** A WhatsApp message that enrols the sender, compared without regard to case or extra spaces. */
export const ProgramKeywordSchema = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .transform((k) => k.replace(/\s+/g, " ").toUpperCase())
  .refine((k) => k !== "STOP" && k !== "START", "STOP and START are reserved");

/** Body of `POST /api/v1/programs`. */
export const ProgramCreateSchema = z.object({
  name: z.string().trim().min(1).max(120),
  goal: z.string().max(1000).default(""),
  slug: ProgramSlugSchema,
  keyword: ProgramKeywordSchema.nullable().optional(),
  steps: ProgramStepsSchema,
});
export type ProgramCreate = z.infer<typeof ProgramCreateSchema>;

/** Body of `PUT /api/v1/programs/:id`: any of the fields; new `steps` make a new version. */
export const ProgramUpdateSchema = ProgramCreateSchema.extend({
  goal: z.string().max(1000),
}).partial();
export type ProgramUpdate = z.infer<typeof ProgramUpdateSchema>;

/** A structural problem of a program, located at a node (null: the program as a whole). */
export type ProgramProblem = { node_id: string | null; problem: string };

export type ProgramView = {
  id: string;
  name: string;
  goal: string;
  slug: string;
  keyword: string | null;
  status: "active" | "archived";
  version: number;
  steps: ProgramSteps;
  created_at: number;
  updated_at: number;
};

export type ProgramVersionView = {
  version: number;
  steps: ProgramSteps;
  created_at: number;
  created_by: string | null;
};

export const enrollmentStatuses = ["active", "completed", "ended", "opted_out"] as const;
export type EnrollmentStatus = (typeof enrollmentStatuses)[number];

/** Body of `POST /api/v1/enrollments`. */
export const EnrollmentCreateSchema = z.object({
  program_id: z.string().min(1).max(64),
  contact_id: z.string().min(1).max(64),
});

/** One entry of an enrolment's history, oldest first. */
export type EnrollmentEvent = {
  at: number;
  node_id: string | null;
  event:
    | "enrolled"
    | "sent"
    | "deferred"
    | "answered"
    | "branched"
    | "waiting"
    | "completed"
    | "ended"
    | "opted_out"
    | "skipped";
  detail?: Record<string, string | number | boolean | null>;
};

export type EnrollmentView = {
  id: string;
  program_id: string;
  program_version: number;
  contact_id: string;
  status: EnrollmentStatus;
  current_node: string | null;
  next_wake_at: number | null;
  started_at: number;
  ended_at: number | null;
  end_reason: string | null;
  history?: EnrollmentEvent[];
  /** In lists: who the enrolment is for, as far as they are known. */
  contact?: PersonView | null;
};

/** Body of `POST /api/v1/widget/enroll`. */
export const WidgetEnrollSchema = z.object({ program_slug: ProgramSlugSchema });

/** `POST /api/v1/widget/enroll`: 201 for a new enrolment, 200 with `duplicate: true` for the active one. */
export type WidgetEnrollResponse = {
  enrollment_id: string;
  program_id: string;
  program_name: string;
  status: EnrollmentStatus;
  duplicate: boolean;
};

/** `POST /api/v1/widget/stop`. */
export type WidgetStopResponse = { opted_out: true; enrollments_ended: number };

/** Query of `GET /api/v1/widget/enrollment`: the program the widget offers, if the embed names one. */
export const WidgetEnrollmentQuerySchema = z.object({ program_slug: ProgramSlugSchema.optional() });

/**
 * `GET /api/v1/widget/enrollment`: the visitor's own standing. `status` is their latest enrolment in the
 * program (`stopped` when it was ended or they opted out), null when they never joined it or no program
 * was asked about; `opted_out` says whether every check-in is stopped for them.
 */
export const WidgetEnrollmentSchema = z.object({
  program: z.object({ slug: ProgramSlugSchema, name: z.string() }).nullable(),
  status: z.enum(["active", "completed", "stopped"]).nullable(),
  opted_out: z.boolean(),
});
export type WidgetEnrollmentView = z.infer<typeof WidgetEnrollmentSchema>;
