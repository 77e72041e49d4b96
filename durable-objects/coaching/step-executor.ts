// Moves enrolments through their program and sends queued interventions, one due item at a time.
// Sending is idempotent: the text is fixed in an intent (message id = enrolment + node + visit) before
// the room is asked to send it, and marked sent after; the room stores each client id once, so a run
// interrupted anywhere in between resends the same message as a no-op and skips nothing. Opt-out is
// read from storage right before every send, and quiet hours and caps decide when a send may happen.
import type { EnrollmentEvent, ProgramNode } from "@coach/contracts/programs";
import type { Logger } from "../../worker/lib/logger";
import type { ReplyLanguage } from "../../worker/lib/reply-language";
import type { OutboundResult } from "../room/outbound-message";
import type { AgentStore, EnrollmentRecord, Intervention } from "./agent-store";
import { checkinMessage } from "./checkins";
import { answerDeadline, endedEnrollment } from "./enrollment-records";
import { evaluateCondition } from "./conditions";
import type { ProactiveMessage } from "./deliver-proactive";
import { holdForMembership } from "./membership-hold";
import type { SendIntent } from "./send-ledger";
import { earliestSendTime } from "./send-window";
import { waitEnd } from "./zoned-waits";

/** Steps taken in one go before yielding (a valid program waits on every loop, so this is a guard). */
const MAX_TRANSITIONS = 50;

export type ExecutorDeps = {
  store: AgentStore;
  now: () => number;
  compose: (input: { messageId: string; text: string; prompt?: string }) => Promise<string>;
  /** Null when the contact no longer exists. */
  deliver: (message: ProactiveMessage) => Promise<OutboundResult | null>;
  /** The contact's language, for a check-in's hint. */
  language: () => Promise<ReplyLanguage>;
  /** Whether the contact's membership lapsed for a paid program (its steps then wait). */
  membershipLapsed: (programId: string, now: number) => Promise<boolean>;
  logger: Logger;
};

type SendOutcome = "sent" | "deferred" | "stopped";

export class StepExecutor {
  constructor(private readonly deps: ExecutorDeps) {}

  /** Advances one enrolment as far as it can go now; returns it as saved. */
  async advance(enrollmentId: string): Promise<EnrollmentRecord | undefined> {
    const { store } = this.deps;
    for (let step = 0; step < MAX_TRANSITIONS; step += 1) {
      const record = store.enrollment(enrollmentId);
      const now = this.deps.now();
      if (!record || record.status !== "active" || record.wakeAt === null || record.wakeAt > now)
        return record;
      const node = record.steps.nodes.find((n) => n.id === record.currentNode);
      if (!node) return this.finish(record, "ended", "step_missing", now);
      const moved = await this.runNode(record, node, now);
      if (!moved) return store.enrollment(enrollmentId);
    }
    return store.enrollment(enrollmentId);
  }

  /** Runs `node`; true when the enrolment moved on and the next node may run at once. */
  private async runNode(
    record: EnrollmentRecord,
    node: ProgramNode,
    now: number,
  ): Promise<boolean> {
    switch (node.kind) {
      case "message":
      case "checkin": {
        const outcome = await this.sendStep(record, node, now);
        if (outcome !== "sent") return false;
        const fresh = this.deps.store.enrollment(record.id);
        if (!fresh || fresh.status !== "active") return false;
        this.moveOn(fresh, node, undefined, this.deps.now());
        return true;
      }
      case "wait": {
        const waitUntil =
          record.waitUntil ?? waitEnd(node, now, this.deps.store.preferences().timezone);
        if (now < waitUntil) {
          if (record.waitUntil === null)
            this.history(record, {
              at: now,
              node_id: node.id,
              event: "waiting",
              detail: { until: waitUntil },
            });
          this.deps.store.saveEnrollment({
            ...record,
            waitUntil,
            waitStartedAt: record.waitUntil === null ? now : record.waitStartedAt,
            wakeAt: waitUntil,
          });
          return false;
        }
        this.moveOn({ ...record, waitUntil: null, waitStartedAt: null }, node, undefined, now);
        return true;
      }
      case "condition": {
        const branch = evaluateCondition(node.rule, record, this.deps.store.lastReplyAt(), now);
        this.history(record, { at: now, node_id: node.id, event: "branched", detail: { branch } });
        this.moveOn(record, node, branch, now);
        return true;
      }
      case "end": {
        // A check-in still awaiting its answer keeps the enrolment open for it, as long as it can count
        // as answered (after that it is missed): the program completes with the answer recorded.
        const answerBy = answerDeadline(record);
        if (answerBy !== null && now < answerBy) {
          if (record.wakeAt !== answerBy)
            this.history(record, {
              at: now,
              node_id: node.id,
              event: "waiting",
              detail: { until: answerBy, for: "checkin_answer" },
            });
          this.deps.store.saveEnrollment({ ...record, wakeAt: answerBy });
          return false;
        }
        this.finish(record, "completed", null, now);
        return false;
      }
    }
  }

  /** Sends a message or check-in step once, unless it must wait for the send window. */
  private async sendStep(
    record: EnrollmentRecord,
    node: Extract<ProgramNode, { kind: "message" | "checkin" }>,
    now: number,
  ): Promise<SendOutcome> {
    const { store, membershipLapsed } = this.deps;
    if (await holdForMembership(store, membershipLapsed, record, node.id, now)) return "deferred";
    const messageId = `${record.id}:${node.id}:${record.visits[node.id] ?? 1}`;
    const outcome = await this.send(messageId, now, record.id, node.id, async () => {
      if (node.kind === "checkin") return checkinMessage(node, await this.deps.language());
      return {
        text: await this.deps.compose({
          messageId,
          text: node.text,
          ...(node.prompt ? { prompt: node.prompt } : {}),
        }),
        quickReplies: [],
      };
    });
    if (outcome.kind === "deferred") {
      const fresh = this.deps.store.enrollment(record.id);
      if (fresh?.status === "active") {
        if (fresh.wakeAt !== outcome.until)
          this.history(fresh, {
            at: now,
            node_id: node.id,
            event: "deferred",
            detail: { until: outcome.until },
          });
        this.deps.store.saveEnrollment({ ...fresh, wakeAt: outcome.until });
      }
      return "deferred";
    }
    if (outcome.kind === "stopped") return "stopped";
    const fresh = this.deps.store.enrollment(record.id);
    if (fresh) {
      this.deps.store.saveEnrollment({
        ...fresh,
        sentAt: { ...fresh.sentAt, [node.id]: outcome.at },
        awaitingAnswer: node.kind === "checkin" ? node.id : fresh.awaitingAnswer,
      });
    }
    return "sent";
  }

  /**
   * The one send path of steps and interventions: gate by the send window, fix the text in an intent,
   * check opt-out, hand to the room, mark sent. A pending intent (a run cut short) skips straight to
   * the room with the same id and text.
   */
  async send(
    messageId: string,
    now: number,
    enrollmentId: string | null,
    nodeId: string | null,
    write: () => Promise<{ text: string; quickReplies: SendIntent["quickReplies"] }>,
  ): Promise<
    | { kind: "sent"; at: number; result: OutboundResult | null }
    | { kind: "deferred"; until: number }
    | { kind: "stopped" }
  > {
    const { store } = this.deps;
    let intent = store.sends.intent(messageId);
    if (intent?.status === "sent") return { kind: "sent", at: now, result: null };
    if (!intent) {
      const allowed = earliestSendTime(now, store.preferences(), store.sends.sentTimes());
      if (allowed > now) return { kind: "deferred", until: allowed };
      const message = await write();
      intent = {
        messageId,
        enrollmentId,
        nodeId,
        text: message.text,
        quickReplies: message.quickReplies,
        status: "pending",
      };
      store.sends.writeIntent(intent);
    }
    if (
      store.optedOutAt() !== null ||
      (enrollmentId !== null && store.enrollment(enrollmentId)?.status !== "active")
    )
      return { kind: "stopped" };
    const result = await this.deps.deliver({
      clientId: messageId,
      text: intent.text,
      quickReplies: intent.quickReplies,
    });
    const at = this.deps.now();
    store.sends.markSent(messageId, at);
    const detail: NonNullable<EnrollmentEvent["detail"]> = {
      message_id: messageId,
      delivered: result?.delivered ?? false,
    };
    if (result?.duplicate) detail.duplicate = true;
    if (result?.error) detail.error = result.error.code;
    if (!result) detail.error = "contact_missing";
    if (enrollmentId)
      store.addHistory(enrollmentId, { at, node_id: nodeId, event: "sent", detail });
    return { kind: "sent", at, result };
  }

  /** Sends a due intervention (or defers it to its send window); opted-out contacts get nothing. */
  async runIntervention(item: Intervention): Promise<void> {
    const { store } = this.deps;
    const now = this.deps.now();
    if (store.optedOutAt() !== null) return store.saveIntervention({ ...item, status: "dropped" });
    const outcome = await this.send(`iv:${item.id}`, now, null, null, async () => ({
      text: item.prompt
        ? await this.deps.compose({
            messageId: `iv:${item.id}`,
            text: item.text,
            prompt: item.prompt,
          })
        : item.text,
      quickReplies: item.quickReplies,
    }));
    const fresh = store.intervention(item.id) ?? item;
    if (outcome.kind === "deferred") store.saveIntervention({ ...fresh, dueAt: outcome.until });
    else if (outcome.kind === "stopped") store.saveIntervention({ ...fresh, status: "dropped" });
    else store.saveIntervention({ ...fresh, status: "sent" });
  }

  /** Ends an enrolment: completed at an end step, or ended/opted out from outside. */
  finish(
    record: EnrollmentRecord,
    status: "completed" | "ended" | "opted_out",
    reason: string | null,
    now: number,
  ): EnrollmentRecord {
    const done = endedEnrollment(record, status, reason, now);
    this.deps.store.saveEnrollment(done);
    this.history(done, {
      at: now,
      node_id: record.currentNode,
      event: status,
      ...(reason ? { detail: { reason } } : {}),
    });
    return done;
  }

  private moveOn(
    record: EnrollmentRecord,
    node: ProgramNode,
    branch: "yes" | "no" | undefined,
    now: number,
  ): void {
    const edge = record.steps.edges.find(
      (e) => e.from === node.id && (branch === undefined || e.branch === branch),
    );
    if (!edge) {
      this.finish(record, "ended", "no_next_step", now);
      return;
    }
    this.deps.store.saveEnrollment({
      ...record,
      currentNode: edge.to,
      visits: { ...record.visits, [edge.to]: (record.visits[edge.to] ?? 0) + 1 },
      wakeAt: now,
    });
  }

  private history(record: EnrollmentRecord, event: EnrollmentEvent): void {
    this.deps.store.addHistory(record.id, event);
  }
}
