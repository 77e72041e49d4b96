// Answers a conversation's pending turns, one at a time and in order: calls the bridge, relays
// deltas, stores the final answer exactly once (with its sources under their documents' current
// titles, what it rests on and the model that wrote it), and on trouble keeps the turn in the outbox,
// tells the user once, and leaves the retry to the room's alarm.
import type { Grounding, MessageView, ServerFrame, Source } from "@coach/contracts/socket";
import type { Logger } from "../../worker/lib/logger";
import type { BridgeEnv } from "../../worker/lib/bridge-client";
import type { WorkersAiEnv } from "../../worker/lib/workers-ai-client";
import { allowanceRefusal, type AllowanceEnv } from "../../worker/billing/allowance";
import { currentSources } from "./answer-sources";
import { chooseBridge } from "./bridge-choice";
import { chatRequest } from "./chat-request";
import type { MessageLog } from "./message-log";
import { nextAttemptDelay, type Outbox, type PendingTurn } from "./outbox";
import type { RoomMeta } from "./room-meta";
import type { TurnOutcome } from "./turn-runner";

export type TurnSettings = {
  /** After this long without an answer, the user is told politely and the turn is closed. */
  maxAgeMs: number;
  historyMessages: number;
  deadlineMs: number;
};

export type TurnProcessorDeps = {
  env: BridgeEnv & WorkersAiEnv & Pick<Env, "DB" | "BRIDGE_POOL"> & AllowanceEnv;
  storage: DurableObjectStorage;
  log: MessageLog;
  outbox: Outbox;
  meta: () => RoomMeta;
  deliver: (frame: ServerFrame) => void;
  scheduleAlarm: (at: number) => Promise<void>;
  onStored: () => void;
  logger: Logger;
  settings: TurnSettings;
};

const EXPIRED_TEXT =
  "I'm sorry: I couldn't get to your question in time, so I won't leave you waiting any longer. Please ask again whenever you like.";
const FAILED_TEXT =
  "I'm sorry: I couldn't answer that one. Could you rephrase it or ask something else?";

const QUEUE_NOTICE_MIN_WAIT_MS = 1500;
/** Without a sign of life from the bridge by then, the user is told (a frozen bridge keeps its connection open). */
const STALL_NOTICE_MS = 4_000;
const STALLED_TEXT =
  "The coach is taking longer than usual; your answer will follow as soon as it can.";

/** The turn being answered right now, kept in memory to relay deltas and honour `stop`. */
type CurrentTurn = { turnId: string; controller: AbortController; text: string };

/** Where an answer came from, as the bridge reported it. */
type AnswerOrigin = { grounding?: Grounding; model?: string };

/** The `grounding` and `model` a stored message carries, for the frame that announces it. */
function originOf(message: MessageView): AnswerOrigin {
  return {
    ...(message.grounding ? { grounding: message.grounding } : {}),
    ...(message.model ? { model: message.model } : {}),
  };
}

export class TurnProcessor {
  private pumping = false;
  private current: CurrentTurn | null = null;

  constructor(private readonly deps: TurnProcessorDeps) {}

  /** The partial answer being streamed, so a resuming client can catch up. */
  inFlight(): { turnId: string; text: string } | null {
    return this.current ? { turnId: this.current.turnId, text: this.current.text } : null;
  }

  /** Stops the current answer (the bridge aborts generation) or cancels a turn waiting to be retried. */
  stop(): void {
    if (this.current) {
      this.current.controller.abort();
      return;
    }
    const head = this.deps.outbox.head();
    if (head) this.finish(head, "", "stopped");
  }

  /** Works through due turns until none is due; safe to call at any time, runs once at a time. */
  async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const turn = this.deps.outbox.head();
        if (!turn) return;
        const now = Date.now();
        if (now - turn.createdAt > this.deps.settings.maxAgeMs) {
          this.finish(turn, EXPIRED_TEXT, "expired");
          this.notice(turn, "answer_expired", "The coach could not answer in time.");
          continue;
        }
        if (turn.nextAttemptAt > now) {
          await this.deps.scheduleAlarm(turn.nextAttemptAt);
          return;
        }
        // The person's plan decides first: a used-up allowance is answered with the way to upgrade.
        const refusal = await allowanceRefusal(
          this.deps.env,
          { ...this.deps.meta(), attempts: turn.attempts },
          this.deps.logger,
        );
        if (refusal !== null) {
          this.finish(turn, refusal, "complete");
          continue;
        }
        await this.attempt(turn);
      }
    } finally {
      this.pumping = false;
    }
  }

  private async attempt(turn: PendingTurn): Promise<void> {
    const { deps } = this;
    const question = deps.log.bySeq(turn.userSeq);
    if (!question) {
      deps.outbox.remove(turn.turnId);
      return;
    }
    deps.outbox.markRunning(turn.turnId);
    // A safety net: if the object is evicted mid-turn, this alarm resumes the outbox.
    await deps.scheduleAlarm(Date.now() + deps.settings.deadlineMs + 30_000);
    if (turn.attempts > 0) this.notice(turn, "answer_restarting", "Picking up your answer again.");
    deps.deliver({ type: "typing", role: "assistant", active: true });

    const bridge = await chooseBridge(deps, turn);
    const controller = new AbortController();
    this.current = { turnId: turn.turnId, controller, text: "" };
    let stalled = false;
    const stallTimer = setTimeout(() => {
      stalled = true;
      deps.outbox.markNotified(turn.turnId);
      this.notice(turn, "coach_busy", STALLED_TEXT);
    }, STALL_NOTICE_MS);
    let outcome: TurnOutcome;
    let sources: Source[] = [];
    try {
      outcome = await bridge.run({
        request: await chatRequest(deps, turn, question.text),
        requestId: turn.requestId,
        signal: controller.signal,
        onEvent: (event) => {
          // Started, a delta, or a queue position the user is told about: the bridge is alive.
          if (event.type !== "queued") clearTimeout(stallTimer);
          // Only a real wait is worth telling the user about.
          if (
            event.type === "queued" &&
            (event.position > 0 || event.estimated_wait_ms >= QUEUE_NOTICE_MIN_WAIT_MS)
          ) {
            clearTimeout(stallTimer);
            this.notice(
              turn,
              "queued",
              "Your question is in line; the coach will answer shortly.",
              {
                position: event.position,
                estimated_wait_ms: event.estimated_wait_ms,
              },
            );
          } else if (event.type === "delta" && this.current) {
            deps.deliver({
              type: "delta",
              turn_id: turn.turnId,
              offset: this.current.text.length,
              text: event.text,
            });
            this.current.text += event.text;
          }
        },
      });
      // While the turn is still current, so a `stop` in the meantime cannot close it a second time.
      if (outcome.kind === "done") sources = await currentSources(deps, outcome.event.citations);
    } finally {
      clearTimeout(stallTimer);
      this.current = null;
      deps.deliver({ type: "typing", role: "assistant", active: false });
    }
    const failover = await bridge.report(outcome);
    // Told once: a stall notice stands for the "busy" or "offline" a retry would otherwise add.
    this.settle(stalled ? { ...turn, notified: true } : turn, outcome, sources, failover);
  }

  /** `failover`: another bridge can take a turn to retry right away, without a wait or a notice. */
  private settle(
    turn: PendingTurn,
    outcome: TurnOutcome,
    sources: Source[],
    failover: boolean,
  ): void {
    const { deps } = this;
    const fields = { turn_id: turn.turnId, attempt: turn.attempts + 1, outcome: outcome.kind };
    if (outcome.kind === "done") {
      deps.logger.info("turn answered", {
        ...fields,
        model: outcome.event.model,
        total_ms: outcome.event.timings.total_ms,
      });
      const { grounding, model } = outcome.event;
      this.finish(turn, outcome.event.text, "complete", sources, outcome.event.confidence, {
        ...(grounding ? { grounding } : {}),
        model,
      });
    } else if (outcome.kind === "stopped") {
      deps.logger.info("turn stopped", fields);
      this.finish(turn, outcome.partialText, "stopped");
    } else if (outcome.kind === "failed") {
      deps.logger.error("turn failed", { ...fields, reason: outcome.reason });
      this.finish(turn, FAILED_TEXT, "expired");
    } else {
      const delay = failover ? 0 : nextAttemptDelay(turn.attempts + 1, outcome.retryAfterMs);
      deps.logger.warn("turn deferred", { ...fields, reason: outcome.reason, retry_in_ms: delay });
      deps.outbox.reschedule(turn.turnId, Date.now() + delay);
      if (!turn.notified && !failover) {
        deps.outbox.markNotified(turn.turnId);
        const message =
          outcome.code === "coach_busy"
            ? "The coach is busy right now; your answer will follow shortly."
            : "The coach is offline for a moment; your answer will follow as soon as it is back.";
        this.notice(turn, outcome.code, message, { retry_at: Date.now() + delay });
      }
    }
  }

  /** Stores the assistant's message and closes the turn in one storage transaction, then tells everyone. */
  private finish(
    turn: PendingTurn,
    text: string,
    status: "complete" | "stopped" | "expired",
    citations: Source[] = [],
    confidence: number | null = null,
    origin: AnswerOrigin = {},
  ): void {
    const { deps } = this;
    const stored = deps.storage.transactionSync(() => {
      const existing = deps.log.answerOf(turn.turnId);
      deps.outbox.remove(turn.turnId);
      return (
        existing ??
        deps.log.append({
          role: "assistant",
          author: null,
          text,
          status,
          channel: deps.meta().channel,
          turnId: turn.turnId,
          citations,
          confidence,
          ...origin,
        })
      );
    });
    deps.onStored();
    deps.deliver({
      type: "done",
      turn_id: turn.turnId,
      seq: stored.seq,
      text: stored.text,
      status: stored.status,
      citations: stored.citations,
      confidence: stored.confidence,
      ...originOf(stored),
    });
  }

  private notice(
    turn: PendingTurn,
    code: Extract<ServerFrame, { type: "notice" }>["code"],
    message: string,
    extra: object = {},
  ): void {
    this.deps.deliver({ type: "notice", code, message, turn_id: turn.turnId, ...extra });
  }
}
