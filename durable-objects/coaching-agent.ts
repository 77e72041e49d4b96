// CoachingAgent: one Durable Object per contact (`${tenantId}:${contactId}`), the engine of proactive
// coaching. It holds the contact's enrolments (each pinned to a program version), their preferences
// (time zone, quiet hours, caps), the opt-out, the send counters, and one alarm at the earliest
// wake-up. The Worker authenticates callers and derives the name; the agent trusts what it forwards.
// Its RPC, the extension point for other features, is described in coaching/agent-api.ts.
// Without a time zone in the preferences, the contact's own (contacts.timezone, read on enrolment and
// on every pass) is used, else UTC; a change of zone re-times running waits until a local time.
// Time comes from `now()`, the real clock; the tests' subclass pins it, and alarms are set as far ahead
// of the real clock as the wake-up is of `now()`, so the same code path runs in both.
import {
  CoachingPreferencesUpdateSchema,
  type CoachingPreferencesUpdate,
  type CoachingStateView,
  type EnrollmentView,
} from "@coach/contracts/programs";
import type { ContactSignals } from "@coach/contracts/coaching-rules";
import { DurableObject } from "cloudflare:workers";
import { heldForLapsedMembership } from "../worker/billing/lapsed-members";
import { workerConfig } from "../worker/lib/config";
import { createLogger, describeError, type Logger } from "../worker/lib/logger";
import type {
  AgentSnapshot,
  EnrollInput,
  EnrollResult,
  InterventionInput,
  ReplyInput,
} from "./coaching/agent-api";
import { eraseAgentStorage } from "./coaching/agent-erasure";
import { AgentStore, type AgentIdentity } from "./coaching/agent-store";
import { thankForAnswer } from "./coaching/answer-thanks";
import { newEnrollment, view } from "./coaching/enrollment-records";
import { recordAnswers } from "./coaching/checkin-answers";
import { composeMessage } from "./coaching/compose-message";
import { readContactLanguage } from "./coaching/contact-language";
import { deliverProactive } from "./coaching/deliver-proactive";
import { CoachingSignals } from "./coaching/coaching-signals";
import { EnrollmentUpkeep } from "./coaching/enrollment-upkeep";
import { OnePassAtATime } from "./coaching/one-pass-at-a-time";
import { StepExecutor } from "./coaching/step-executor";

const USER_SOURCES = new Set(["telegram", "whatsapp", "widget"]);

export class CoachingAgent extends DurableObject<Env> {
  private readonly store: AgentStore;
  private readonly executor: StepExecutor;
  private readonly signals: CoachingSignals;
  private readonly upkeep: EnrollmentUpkeep;
  private readonly logger: Logger;
  private readonly passes = new OnePassAtATime(() => this.upkeep.runDue());

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new AgentStore(ctx.storage.sql);
    this.logger = createLogger(
      { component: "coaching-agent", contact_id: this.store.identity()?.contactId ?? null },
      workerConfig(env).logLevel,
    );
    this.executor = new StepExecutor({
      store: this.store,
      now: () => this.now(),
      compose: (input) => composeMessage(env, { ...input, ...this.requireIdentity() }, this.logger),
      deliver: (message) =>
        deliverProactive(env, this.requireIdentity(), message, undefined, { logger: this.logger }),
      language: () => readContactLanguage(env, this.requireIdentity()),
      membershipLapsed: (programId, now) => this.membershipLapsed(programId, now),
      logger: this.logger,
    });
    this.signals = new CoachingSignals({
      sql: ctx.storage.sql,
      store: this.store,
      env,
      now: () => this.now(),
      language: () => readContactLanguage(env, this.requireIdentity()),
      logger: this.logger,
    });
    this.upkeep = new EnrollmentUpkeep({
      env,
      ctx,
      store: this.store,
      executor: this.executor,
      signals: this.signals,
      logger: this.logger,
      now: () => this.now(),
    });
  }

  /** Starts an enrolment at the program's start step (or answers the active one in that program). */
  async enroll(input: EnrollInput): Promise<EnrollResult> {
    if (!this.store.bind(input.identity)) return { status: "wrong_agent", enrollment: null };
    const now = this.now();
    const userJoined = USER_SOURCES.has(input.source);
    if (this.store.optedOutAt() !== null) {
      // Joining from a channel is the user's own consent again; a creator cannot override an opt-out.
      if (!userJoined) return { status: "contact_opted_out", enrollment: null };
      this.store.setOptedOutAt(null);
    }
    const existing = this.store.activeEnrollments().find((e) => e.programId === input.programId);
    if (existing)
      return { status: "duplicate", enrollment: view(existing, input.identity.contactId) };
    await this.upkeep.refreshContactTimeZone();
    const record = newEnrollment(input, now);
    this.store.saveEnrollment(record);
    this.store.addHistory(record.id, {
      at: now,
      node_id: input.startNode,
      event: "enrolled",
      detail: { source: input.source, version: input.version },
    });
    await this.scheduleAlarm();
    return { status: "enrolled", enrollment: view(record, input.identity.contactId) };
  }

  /** The enrolment with its history, or null when this agent has no such enrolment. */
  async enrollment(id: string): Promise<EnrollmentView | null> {
    const record = this.store.enrollment(id);
    const identity = this.store.identity();
    if (!record || !identity) return null;
    return { ...view(record, identity.contactId), history: this.store.history(id) };
  }

  /** Ends an active enrolment (a creator's DELETE, the user leaving); ended ones stay as they are. */
  async endEnrollment(id: string, reason: string): Promise<EnrollmentView | null> {
    const record = this.store.enrollment(id);
    const identity = this.store.identity();
    if (!record || !identity) return null;
    const done =
      record.status === "active"
        ? this.executor.finish(record, "ended", reason, this.now())
        : record;
    await this.upkeep.syncIndex(done, record.status === "active");
    await this.scheduleAlarm();
    return view(done, identity.contactId);
  }

  /** Stops everything at once: every active enrolment ends and nothing more is sent. */
  async optOut(reason: string): Promise<{ ended: number }> {
    const now = this.now();
    this.store.setOptedOutAt(this.store.optedOutAt() ?? now);
    const active = this.store.activeEnrollments();
    const ended = active.map((record) => this.executor.finish(record, "opted_out", reason, now));
    for (const item of this.store.pendingInterventions())
      this.store.saveIntervention({ ...item, status: "dropped" });
    await this.scheduleAlarm();
    for (const record of ended) await this.upkeep.syncIndex(record, true);
    return { ended: ended.length };
  }

  /** The contact agrees to proactive messages again (joining a program also does this). */
  async optIn(): Promise<void> {
    this.store.setOptedOutAt(null);
  }

  async coachingState(): Promise<CoachingStateView> {
    const optedOutAt = this.store.optedOutAt();
    return {
      ...this.store.preferences(),
      opted_out: optedOutAt !== null,
      opted_out_at: optedOutAt,
    };
  }

  /** Merges and saves preferences, then looks at every enrolment again under the new rules. */
  async updatePreferences(
    identity: AgentIdentity,
    patch: CoachingPreferencesUpdate,
  ): Promise<CoachingStateView> {
    if (!this.store.bind(identity)) throw new Error("This agent belongs to another contact.");
    const before = this.store.preferences().timezone;
    // Only what was chosen is kept: a contact without a chosen zone goes on following contacts.timezone.
    this.store.setExplicitPreferences(
      CoachingPreferencesUpdateSchema.parse({ ...this.store.explicitPreferences(), ...patch }),
    );
    await this.upkeep.rezoneWaits(before);
    const now = this.now();
    for (const record of this.store.activeEnrollments())
      if (record.wakeAt !== null && record.wakeAt > now)
        this.store.saveEnrollment({ ...record, wakeAt: now });
    await this.scheduleAlarm();
    return this.coachingState();
  }

  /**
   * The contact wrote to us: activity for conditions, and an answer to a check-in awaiting one, which
   * is thanked before the program moves on (an enrolment that waited at its end for it completes).
   */
  async recordReply(input: ReplyInput): Promise<{ answered: string[] }> {
    const at = input.at ?? this.now();
    this.store.setLastReplyAt(Math.max(at, this.store.lastReplyAt() ?? 0));
    const recorded = recordAnswers(
      this.store,
      {
        text: input.text,
        at,
        ...(input.quick_reply_id ? { quickReplyId: input.quick_reply_id } : {}),
      },
      this.now(),
    );
    const thanks = {
      env: this.env,
      logger: this.logger,
      identity: () => this.requireIdentity(),
      language: () => readContactLanguage(this.env, this.requireIdentity()),
    };
    for (const answer of recorded) await thankForAnswer(thanks, answer, input.conversation_id);
    // Activity counts toward the streak, and an answer may trip a rule (a score that dropped).
    this.signals.noteActivity(at);
    await this.signals.evaluateRules();
    await this.scheduleAlarm();
    return { answered: recorded.map((a) => a.enrollmentId) };
  }

  /** The contact's behaviour signals: last activity, streak, missed check-ins, scores and their trend. */
  async behaviourSignals(): Promise<ContactSignals> {
    return this.signals.signals();
  }

  /** Queues a one-off proactive message; the same id twice is one message. */
  async queueIntervention(
    identity: AgentIdentity,
    input: InterventionInput,
  ): Promise<{ status: "queued" | "duplicate" | "opted_out" }> {
    if (!this.store.bind(identity)) throw new Error("This agent belongs to another contact.");
    if (this.store.optedOutAt() !== null) return { status: "opted_out" };
    if (this.store.intervention(input.id)) return { status: "duplicate" };
    this.store.saveIntervention({
      id: input.id,
      text: input.text,
      prompt: input.prompt ?? null,
      quickReplies: input.quick_replies ?? [],
      dueAt: input.due_at ?? this.now(),
      reason: input.reason,
      status: "pending",
    });
    await this.scheduleAlarm();
    return { status: "queued" };
  }

  async snapshot(): Promise<AgentSnapshot> {
    const contactId = this.store.identity()?.contactId ?? "";
    return {
      opted_out_at: this.store.optedOutAt(),
      last_reply_at: this.store.lastReplyAt(),
      preferences: await this.coachingState(),
      enrollments: this.store
        .enrollments()
        .map((r) => ({ ...view(r, contactId), answers: r.answers, sent_at: r.sentAt })),
      pending_interventions: this.store.pendingInterventions(),
    };
  }

  /** Forgets everything about the contact (GDPR erasure); answers how many enrolments there were. */
  async erase(): Promise<{ enrollments: number }> {
    const enrollments = this.store.enrollments().length;
    await eraseAgentStorage(this.ctx);
    return { enrollments };
  }

  /** Runs whatever is due now and waits for it (the alarm does the same). */
  async runDue(): Promise<void> {
    if (await this.upkeep.workspaceClosed()) return;
    await this.passes.run();
    await this.scheduleAlarm();
  }

  override async alarm(): Promise<void> {
    if (await this.upkeep.workspaceClosed()) return;
    await this.passes.run();
    await this.scheduleAlarm();
  }

  /** The agent's clock; tests bind a subclass whose clock they can pin (test/support/test-coaching-agent.ts). */
  protected now(): number {
    return Date.now();
  }

  /** One alarm at the earliest wake-up, set as far ahead of the real clock as it is of `now()`. */
  protected async scheduleAlarm(): Promise<void> {
    await this.upkeep.scheduleAlarm();
  }

  /** A failure to read billing sends rather than holds: billing trouble must not silence the coach. */
  private async membershipLapsed(programId: string, now: number): Promise<boolean> {
    const { tenantId, contactId } = this.requireIdentity();
    try {
      return await heldForLapsedMembership(this.env.DB, tenantId, contactId, programId, now);
    } catch (error) {
      this.logger.error("membership not checked; sending", describeError(error));
      return false;
    }
  }

  private requireIdentity(): AgentIdentity {
    const identity = this.store.identity();
    if (!identity) throw new Error("This coaching agent has no contact yet.");
    return identity;
  }
}
