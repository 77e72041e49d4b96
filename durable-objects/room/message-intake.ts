// How a user's message enters a conversation, from a socket or a channel: stored once per client id,
// rate-limited per author and conversation, read for a crisis, shown to the room's other sockets, then
// sent where `classifyMessage` says — the fixed answer to a crisis or to a request for a person, the
// assistant's outbox, or the coaching agent (which may hand it back to the assistant).
import type { MessageView, ServerFrame } from "@coach/contracts/socket";
import { tooManyRequests } from "../../worker/lib/errors";
import type { Logger } from "../../worker/lib/logger";
import { rateLimits } from "../../worker/lib/rate-limits";
import { detectCrisis } from "../../worker/safety/detect-crisis";
import { noteCoachingReply } from "../coaching/note-reply";
import { classifyMessage } from "./classify-message";
import { handleCoachingMessage, type CoachingMessage } from "./coaching-replies";
import { fixedReplyTo, recordFixedReply } from "./fixed-replies";
import type { OutboundInput } from "./outbound-message";
import type { OwedReply } from "./owed-replies";
import { SOCKET_ORIGIN, type ReplyRoute } from "./reply-routes";
import type { RoomMeta } from "./room-meta";
import type { RoomStores } from "./room-stores";
import type { SocketHub } from "./socket-hub";

export type IntakeDeps = Omit<RoomStores, "watermark"> & {
  ctx: DurableObjectState;
  env: Env;
  logger: Logger;
  hub: SocketHub;
  meta(): RoomMeta;
  /** Sends a frame to every adapter of the room (sockets, the messaging channel). */
  deliver(frame: ServerFrame): void;
  emit(type: "conversation.created", data: Record<string, unknown>): void;
  markIndexDirty(): void;
  /** Works the outbox without holding up the caller. */
  pump(): void;
  sendOutbound(input: OutboundInput): Promise<unknown>;
};

export type IncomingMessage = {
  clientId: string;
  text: string;
  author: string;
  route?: ReplyRoute;
  quickReplyId?: string;
  /** The language the person's channel says they use (Telegram's `language_code`), when it says. */
  language?: string;
};

export class MessageIntake {
  /** Turns whose fixed reply this instance is paying now. */
  private readonly paying = new Set<string>();

  constructor(private readonly deps: IntakeDeps) {}

  /**
   * The one way a user's message enters the log, from a socket or a channel: stored once per client id,
   * rate-limited per author and conversation, shown to the other sockets, then sent where
   * `classifyMessage` says. A socket sender's ack goes out as soon as the message is stored, before the
   * fan-out to the room's other sockets, so its latency does not grow with the room; the pump's first
   * frame comes after an await, so the ack still goes first.
   */
  accept(input: IncomingMessage, sender?: WebSocket): { message: MessageView; duplicate: boolean } {
    const acknowledge = (message: MessageView, duplicate: boolean) => {
      if (sender)
        this.deps.hub.send(sender, {
          type: "ack",
          client_id: input.clientId,
          seq: message.seq,
          duplicate,
        });
      return { message, duplicate };
    };
    const existing = this.deps.log.byClientId(input.clientId);
    if (existing) return acknowledge(existing, true);
    const meta = this.deps.meta();
    const limit = this.deps.buckets.takeAll(
      [`subject:${input.author}`, "conversation"],
      rateLimits(this.deps.env).socketMessage,
    );
    if (!limit.allowed)
      throw tooManyRequests(
        limit.retryAfterSeconds,
        "You are sending messages too quickly. Wait a moment, then send again.",
      );
    const turnId = crypto.randomUUID();
    const firstMessage = this.deps.log.lastSeq() === 0;
    const channel = input.route?.channel ?? meta.channel;
    const underOffer = this.deps.quickReplies.offered() !== null;
    // Answering closes the offer, whatever the message turns out to be.
    const quickReplyId = this.deps.quickReplies.answer(input.text, input.quickReplyId);
    const destination = classifyMessage({
      text: input.text,
      crisis: detectCrisis(input.text),
      takenOver: this.deps.takeovers.current() !== null,
      underOffer,
      quickReplyId,
    });
    const fixed = destination.kind === "crisis" || destination.kind === "human";
    const stored = this.deps.ctx.storage.transactionSync(() => {
      const message = this.deps.log.append({
        role: "user",
        author: input.author,
        text: input.text,
        status: "stored",
        channel,
        clientId: input.clientId,
      });
      // No route: a socket's message, answered on the sockets only.
      this.deps.routes.record(turnId, input.route ?? SOCKET_ORIGIN);
      if (destination.kind === "assistant") this.deps.outbox.enqueue(turnId, message.seq, turnId);
      if (fixed)
        this.deps.owed.owe({
          turnId,
          message: { seq: message.seq, text: input.text },
          destination,
          route: input.route ?? null,
          language: input.language ?? null,
          channel,
        });
      return message;
    });
    acknowledge(stored, false);
    this.deps.hub.deliver({ type: "message", ...stored }, sender);
    this.deps.markIndexDirty();
    if (firstMessage) this.deps.emit("conversation.created", { first_seq: stored.seq });
    if (fixed) this.deps.ctx.waitUntil(this.payOwed(turnId, meta));
    if (destination.kind === "assistant") this.deps.pump();
    const possibleAnswer = destination.kind === "coaching" && destination.possibleAnswer;
    if (destination.kind === "coaching") {
      this.deps.state.markCoached();
      this.deps.ctx.waitUntil(
        this.coachingReply(
          {
            seq: stored.seq,
            text: input.text,
            at: stored.created_at,
            quickReplyId: destination.quickReplyId,
            possibleAnswer,
          },
          turnId,
        ),
      );
    }
    // A possible answer is given to the agent by room/coaching-replies.ts, which must see its verdict.
    if (this.deps.state.coached() && !possibleAnswer)
      this.deps.ctx.waitUntil(
        noteCoachingReply(
          this.deps.env,
          meta,
          { text: input.text, quickReplyId },
          this.deps.logger,
        ),
      );
    return { message: stored, duplicate: false };
  }

  /** Pays every fixed reply still owed: those whose object was evicted before the reply was stored. */
  async payOwedReplies(): Promise<void> {
    const owed = this.deps.owed.all();
    if (owed.length === 0) return;
    const meta = this.deps.meta();
    for (const reply of owed) await this.payOwed(reply.turnId, meta);
  }

  /**
   * Answers a crisis or a request for a person with fixed words instead of a model call, after the
   * sender's ack as a real answer would be, then flags the conversation, tells the creator and audits.
   * Paid once: the reply is stored in the transaction that settles the debt, and a turn being paid by
   * this instance is not paid again by a wake-up alarm meanwhile.
   */
  private async payOwed(turnId: string, meta: RoomMeta): Promise<void> {
    if (this.paying.has(turnId)) return;
    const owed = this.deps.owed.all().find((reply) => reply.turnId === turnId);
    if (!owed) return;
    this.paying.add(turnId);
    try {
      await this.answerFixed(owed, meta);
    } finally {
      this.paying.delete(turnId);
    }
  }

  private async answerFixed(owed: OwedReply, meta: RoomMeta): Promise<void> {
    const { env, logger } = this.deps;
    const { destination, turnId } = owed;
    const text = await fixedReplyTo(env, destination, owed.route, meta, logger, owed.language);
    const reply = this.deps.ctx.storage.transactionSync(() => {
      if (!this.deps.owed.isOwed(turnId)) return null;
      this.deps.owed.settle(turnId);
      return this.deps.log.append({
        role: "assistant",
        author: null,
        text,
        status: "complete",
        channel: owed.channel,
        turnId,
      });
    });
    if (!reply) return;
    this.deps.markIndexDirty();
    this.deps.deliver({
      type: "done",
      turn_id: turnId,
      seq: reply.seq,
      text: reply.text,
      status: reply.status,
      citations: [],
      confidence: null,
    });
    await recordFixedReply(env, meta, destination, owed.message, logger);
  }

  /** Hands a message set aside for coaching to room/coaching-replies.ts; it may still go to the assistant. */
  private coachingReply(message: CoachingMessage, turnId: string): Promise<void> {
    const meta = this.deps.meta();
    return handleCoachingMessage(
      {
        env: this.deps.env,
        meta,
        logger: this.deps.logger,
        reply: async (clientId, text) => {
          await this.deps.sendOutbound({
            meta,
            client_id: clientId,
            text,
            author: "assistant",
            source: "proactive",
          });
        },
        askAssistant: () => {
          if (this.deps.takeovers.current() !== null) return;
          this.deps.outbox.enqueue(turnId, message.seq, turnId);
          this.deps.pump();
        },
      },
      message,
    );
  }
}
