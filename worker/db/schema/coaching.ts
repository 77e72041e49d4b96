// Proactive coaching: programs and their immutable versions, the index of enrolments, the creator's
// rules, the commitments contacts made, and the engine's event log.
import type { RuleThen, RuleWhen } from "@coach/contracts/coaching-rules";
import type { ProgramSteps } from "@coach/contracts/programs";
import { index, integer, real, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { contactId, createdAt, createdBy, insertedAt, status, timestamps } from "./columns";
import { creationOrderIndex, tenantTable } from "./tenants";

/** A coaching program; its steps live in program_versions, `version` names the current one. */
export const programs = tenantTable(
  "programs",
  {
    name: text("name").notNull(),
    goal: text("goal").notNull().default(""),
    slug: text("slug").notNull(),
    // Upper-cased, single-spaced: what a WhatsApp user sends to join.
    keyword: text("keyword"),
    status: status(["active", "archived"], "active"),
    version: integer("version").notNull().default(1),
    createdBy: createdBy(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("programs_tenant_slug").on(t.tenantId, t.slug),
    uniqueIndex("programs_tenant_keyword").on(t.tenantId, t.keyword),
  ],
);

/** An immutable version of a program's step graph; enrolments stay on the version they joined. */
export const programVersions = tenantTable(
  "program_versions",
  {
    programId: text("program_id").notNull(),
    version: integer("version").notNull(),
    steps: text("steps", { mode: "json" }).$type<ProgramSteps>().notNull(),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("program_versions_program_version").on(t.tenantId, t.programId, t.version)],
);

/**
 * The D1 index of enrolments, for listing and filtering; the state itself (current step, history,
 * next wake-up) lives in the contact's CoachingAgent, which updates this row as it moves.
 */
export const enrollments = tenantTable(
  "enrollments",
  {
    programId: text("program_id").notNull(),
    programVersion: integer("program_version").notNull(),
    contactId: contactId(),
    status: status(["active", "completed", "ended", "opted_out"], "active"),
    currentNode: text("current_node"),
    nextWakeAt: integer("next_wake_at"),
    source: text("source").notNull(),
    startedAt: insertedAt("started_at"),
    endedAt: integer("ended_at"),
    endReason: text("end_reason"),
  },
  (t) => [
    index("enrollments_tenant_program").on(t.tenantId, t.programId, t.status),
    index("enrollments_tenant_contact").on(t.tenantId, t.contactId),
  ],
);

/** A creator's rule: when a contact's signals match `when`, send `then` (under caps and quiet hours). */
export const coachingRules = tenantTable(
  "coaching_rules",
  {
    // Null: every contact of the workspace; else only contacts enrolled in this program.
    programId: text("program_id"),
    name: text("name").notNull(),
    when: text("when", { mode: "json" }).$type<RuleWhen>().notNull(),
    then: text("then", { mode: "json" }).$type<RuleThen>().notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    createdBy: createdBy(),
    ...timestamps(),
  },
  (t) => [index("coaching_rules_tenant_program").on(t.tenantId, t.programId)],
);

/** A commitment or reminder a contact made in conversation, and how it turned out. */
export const commitments = tenantTable(
  "commitments",
  {
    contactId: contactId(),
    conversationId: text("conversation_id"),
    // The message it was read from: one commitment per message, however often it is delivered.
    sourceSeq: integer("source_seq"),
    sourceText: text("source_text").notNull(),
    // The enrolment and step the contact was on when they committed (adherence per program step).
    programId: text("program_id"),
    enrollmentId: text("enrollment_id"),
    stepNodeId: text("step_node_id"),
    kind: text("kind", { enum: ["commitment", "reminder"] }).notNull(),
    what: text("what").notNull(),
    dueAt: integer("due_at").notNull(),
    localTimeText: text("local_time_text").notNull(),
    count: integer("count"),
    period: text("period", { enum: ["day", "week", "month"] }),
    timeZone: text("time_zone").notNull(),
    status: status(["open", "asked", "done", "partly", "not_yet", "cancelled"], "open"),
    followedUpAt: integer("followed_up_at"),
    outcomeAt: integer("outcome_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("commitments_source").on(t.tenantId, t.conversationId, t.sourceSeq),
    creationOrderIndex("commitments_tenant_contact", t, t.contactId),
    creationOrderIndex("commitments_tenant_status", t, t.status),
  ],
);

/**
 * The coaching engine's history mirrored for analytics (enrolled, sent, answered, completed, nudges):
 * `id` is `<contact id>:<agent history seq>`, so a repeated export stores each event once.
 */
export const coachingEvents = tenantTable(
  "coaching_events",
  {
    contactId: contactId(),
    programId: text("program_id"),
    enrollmentId: text("enrollment_id"),
    nodeId: text("node_id"),
    event: text("event").notNull(),
    // A check-in's score, when the event is an answer on a scale.
    value: real("value"),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
    at: integer("at").notNull(),
  },
  (t) => [
    index("coaching_events_tenant_program").on(t.tenantId, t.programId, t.at),
    index("coaching_events_tenant_contact").on(t.tenantId, t.contactId, t.at),
  ],
);
