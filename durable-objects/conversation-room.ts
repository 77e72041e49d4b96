// ConversationRoom: one Durable Object per conversation. It owns the live sockets (hibernation API),
// the message log and the outbox in its SQLite, and answers turns through the bridge. The Worker
// authenticates callers and forwards their identity in `X-Room-*` headers; the room trusts only those.
import type { ServerFrame } from "@coach/contracts/socket";
import { DurableObject } from "cloudflare:workers";
import { emitEvent } from "../worker/integrations/emit-event";
import { AppError, conversationErased } from "../worker/lib/errors";
import { createLogger, describeError, type Logger } from "../worker/lib/logger";
import { rateLimits } from "../worker/lib/rate-limits";
import type { ChannelMessageResult } from "../worker/lib/rooms";
import { AlarmSchedule } from "./room/alarm-schedule";
import { isLowConfidence } from "./room/answer-quality";
import { ChannelRouter, metaRoute } from "./room/channel-router";
import { ChannelSenders } from "./room/channel-senders";
import { syncConversationIndex } from "./room/conversation-index";
import { MessageIntake } from "./room/message-intake";
import type { MessageLog } from "./room/message-log";
import {
  sendOutboundMessage,
  type OutboundInput,
  type OutboundResult,
} from "./room/outbound-message";
import type { Outbox } from "./room/outbox";
import { HISTORY_PAGE } from "./room/resume-socket";
import type { ChannelMessageInput, MessagePage, TakeoverResult } from "./room/room-api";
import { closeErased, eraseRoom } from "./room/room-erasure";
import type { RoomMeta, RoomState } from "./room/room-meta";
import { openRoomStores, type RoomStores } from "./room/room-stores";
import { admitSocket } from "./room/socket-admission";
import { SocketGuard } from "./room/socket-guard";
import { SocketHub, type ChannelAdapter } from "./room/socket-hub";
import { handleSocketData, type FrameDeps } from "./room/socket-frames";
import { humanJoinedNotice, type Takeover, type TakeoverState } from "./room/takeover-state";
import { TurnProcessor } from "./room/turn-processor";
import { workerConfig } from "../worker/lib/config";

const INDEX_FLUSH_DELAY_MS = 2_000;

export class ConversationRoom extends DurableObject<Env> {
  private readonly stores: RoomStores;
  private readonly state: RoomState;
  private readonly log: MessageLog;
  private readonly outbox: Outbox;
  private readonly takeovers: TakeoverState;
  private readonly hub: SocketHub;
  private readonly guard: SocketGuard;
  private readonly adapters: ChannelAdapter[];
  private readonly senders: ChannelSenders;
  private channelAttached = false;
  private readonly alarms: AlarmSchedule;
  private readonly turns: TurnProcessor;
  private readonly intake: MessageIntake;
  /** What frame handling needs, built once: every socket frame uses it. */
  private readonly frames: FrameDeps;
  private readonly logger: Logger;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.stores = openRoomStores(ctx.storage.sql);
    ({
      state: this.state,
      log: this.log,
      outbox: this.outbox,
      takeovers: this.takeovers,
    } = this.stores);
    this.hub = new SocketHub(ctx);
    this.guard = new SocketGuard(this.stores.buckets, this.hub, () => rateLimits(env));
    this.adapters = [this.hub];
    this.alarms = new AlarmSchedule(ctx.storage);
    this.logger = createLogger(
      {
        component: "conversation-room",
        conversation_id: this.state.meta()?.conversationId ?? null,
      },
      workerConfig(env).logLevel,
    );
    this.senders = new ChannelSenders(env, this.logger);
    const meta = this.state.meta();
    if (meta) this.attachChannel(meta);
    this.turns = new TurnProcessor({
      env,
      storage: ctx.storage,
      log: this.log,
      outbox: this.outbox,
      meta: () => this.requireMeta(),
      deliver: (frame) => this.deliver(frame),
      scheduleAlarm: (at) => this.alarms.at(at),
      onStored: () => this.markIndexDirty(),
      logger: this.logger,
      settings: {
        maxAgeMs: workerConfig(env).answerMaxWaitMs,
        historyMessages: 10,
        deadlineMs: 60_000,
      },
    });
    this.intake = new MessageIntake({
      ...this.stores,
      ctx,
      env,
      logger: this.logger,
      hub: this.hub,
      meta: () => this.requireMeta(),
      deliver: (frame) => this.deliver(frame),
      emit: (type, data) => this.emit(type, data),
      markIndexDirty: () => this.markIndexDirty(),
      pump: () => this.pump(),
      sendOutbound: (input) => this.sendOutbound(input),
    });
    const { hub, guard, log, turns, intake, logger } = this;
    const resume = () => ({
      conversationId: this.requireMeta().conversationId,
      hub,
      log,
      quickReplies: this.stores.quickReplies,
      turns,
      takeovers: this.takeovers,
    });
    this.frames = {
      db: env.DB,
      logger,
      hub,
      guard,
      log,
      turns,
      intake,
      meta: () => this.requireMeta(),
      resume,
      deliver: (frame) => this.deliver(frame),
    };
    // A fresh instance runs nothing: turns marked running were interrupted by an eviction or restart.
    ctx.blockConcurrencyWhile(async () => {
      if (this.outbox.recoverInterrupted() > 0 || this.outbox.size() > 0)
        await this.alarms.at(Date.now());
    });
  }

  /** Accepts a socket upgrade forwarded by the Worker (see room/socket-admission.ts). */
  override async fetch(request: Request): Promise<Response> {
    return admitSocket(
      { ctx: this.ctx, state: this.state, guard: this.guard, hub: this.hub },
      request,
    );
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    this.forgetSocket(ws);
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    if (this.state.erasedAt() !== null) return closeErased(this.hub, ws);
    await handleSocketData(this.frames, ws, data);
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    this.forgetSocket(ws);
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, "closing");
    } catch {
      // Already closed.
    }
    if (this.state.erasedAt() !== null) return;
    this.deliver({ type: "presence", sockets: this.hub.readyCount() });
  }

  /** Flushes the D1 index when it is behind, and works the outbox. An erased room has neither. */
  override async alarm(): Promise<void> {
    if (this.state.erasedAt() !== null) return;
    if (this.state.indexDirty() && this.state.meta()) {
      this.state.setIndexDirty(false);
      try {
        await syncConversationIndex(
          this.env.DB,
          this.requireMeta(),
          this.log,
          this.stores.watermark,
        );
      } catch (err) {
        this.state.setIndexDirty(true);
        this.logger.error("conversation index sync failed", describeError(err));
        await this.alarms.at(Date.now() + INDEX_FLUSH_DELAY_MS * 5);
      }
    }
    // Not awaited: a long answer must not hold the alarm (and the next index flush) hostage; the
    // turn's own safety-net alarm covers an eviction while it streams.
    this.pump();
  }

  /** Stores a channel user's message once and queues its answer, as a socket message would be. */
  async receiveChannelMessage(input: ChannelMessageInput): Promise<ChannelMessageResult> {
    this.enter(input.meta);
    this.attachChannel(this.requireMeta());
    try {
      const { message, duplicate } = this.intake.accept({
        clientId: input.client_id,
        text: input.text,
        author: input.author,
        route: input.reply_route,
        quickReplyId: input.quick_reply_id,
      });
      return { status: duplicate ? "duplicate" : "stored", seq: message.seq };
    } catch (err) {
      if (err instanceof AppError && err.code === "rate_limited")
        return { status: "rate_limited", seq: null };
      throw err;
    }
  }

  /**
   * Stores and delivers a message the room sends on its own: a creator's during a takeover, or a
   * proactive check-in (see room/outbound-message.ts).
   */
  async sendOutbound(input: OutboundInput): Promise<OutboundResult> {
    this.enter(input.meta);
    const meta = this.requireMeta();
    this.attachChannel(meta);
    const firstMessage = this.log.lastSeq() === 0;
    if (input.source === "proactive") this.state.markCoached();
    const route = this.stores.routes.latest() ?? metaRoute(meta);
    const broadcast = (frame: ServerFrame) => {
      this.hub.deliver(frame);
      return this.hub.readyCount();
    };
    const result = await sendOutboundMessage(
      {
        env: this.env,
        log: this.log,
        meta,
        route,
        senders: this.senders,
        logger: this.logger,
        broadcast,
        onStored: () => this.markIndexDirty(),
      },
      input,
    );
    if (firstMessage && result.seq > 0 && !result.duplicate)
      this.emit("conversation.created", { first_seq: result.seq });
    if (result.seq > 0 && !result.duplicate && input.quick_replies?.length)
      this.stores.quickReplies.offer(result.seq, input.quick_replies);
    return result;
  }

  /**
   * A person from the creator's team takes over: the turn being answered is stopped, waiting turns are
   * dropped, and no new ones are queued until `handback`. Sockets hear a `human_joined` notice.
   */
  async takeover(meta: RoomMeta, by: { user_id: string; name: string }): Promise<TakeoverResult> {
    this.enter(meta);
    const { takeover, started } = this.takeovers.start(by);
    if (started) {
      // Waiting turns first, so stopping finds only the answer being streamed (kept as far as it got).
      this.outbox.clear();
      this.turns.stop();
      this.hub.deliver(humanJoinedNotice(takeover));
    }
    return { takeover, changed: started };
  }

  /** Hands the conversation back to the assistant, which answers the next user message. */
  async handback(): Promise<TakeoverResult> {
    this.requireLive();
    const ended = this.takeovers.end();
    if (ended)
      this.hub.deliver({
        type: "notice",
        code: "human_left",
        message: "The coaching assistant is answering again.",
      });
    return { takeover: null, changed: ended };
  }

  /** The takeover in force, if any. */
  async currentTakeover(): Promise<Takeover | null> {
    return this.state.erasedAt() === null ? this.takeovers.current() : null;
  }

  /** A page of the log for the dashboard: messages after `afterSeq`, oldest first. */
  async listMessages(afterSeq: number, limit: number): Promise<MessagePage> {
    if (this.state.erasedAt() !== null) return { messages: [], last_seq: 0 };
    return {
      messages: this.log.after(afterSeq, Math.min(limit, HISTORY_PAGE)),
      last_seq: this.log.lastSeq(),
    };
  }

  /**
   * The workspace closed: waiting turns are dropped and every socket hears `error {frame}`, then is
   * closed with `closeCode`. The log stays until the workspace is erased; new sockets and channel
   * messages are refused before they reach the room. Answers how many sockets were closed.
   */
  async closeSockets(frame: { code: string; message: string }, closeCode: number): Promise<number> {
    this.outbox.clear();
    this.turns.stop();
    const sockets = this.ctx.getWebSockets();
    for (const ws of sockets) {
      this.hub.send(ws, { type: "error", ...frame });
      ws.close(closeCode, frame.code);
    }
    return sockets.length;
  }

  /**
   * Erases the conversation's messages and pending turns, closing its sockets (GDPR erasure), and
   * leaves a tombstone: from then on every entry point refuses with `conversation_erased`, so neither a
   * visitor token minted before nor a late alarm can open the room again. Idempotent.
   */
  async erase(): Promise<{ messages: number; pending_turns: number }> {
    return eraseRoom({
      ctx: this.ctx,
      state: this.state,
      log: this.log,
      outbox: this.outbox,
      turns: this.turns,
      hub: this.hub,
    });
  }

  /** Emits an outgoing webhook event about this conversation, without holding up the caller. */
  private emit(
    type: "conversation.created" | "answer.low_confidence",
    data: Record<string, unknown>,
  ): void {
    const meta = this.requireMeta();
    const event = {
      conversation_id: meta.conversationId,
      contact_id: meta.contactId,
      channel: meta.channel,
      ...data,
    };
    this.ctx.waitUntil(emitEvent(this.env, meta.tenantId, type, event));
  }

  /** Adds the room's messaging-channel side (Telegram, WhatsApp, routed per turn) once its meta names a channel. */
  private attachChannel(meta: RoomMeta): void {
    if (this.channelAttached || !meta.channelId || !meta.externalChatId) return;
    this.adapters.push(
      new ChannelRouter({
        env: this.env,
        logger: this.logger,
        meta,
        routes: this.stores.routes,
        outbox: this.outbox,
        senders: this.senders,
      }),
    );
    this.channelAttached = true;
  }

  private deliver(frame: ServerFrame): void {
    if (frame.type === "done" && isLowConfidence({ role: "assistant", ...frame })) {
      const question = this.log.before(frame.seq, 1).find((m) => m.role === "user");
      this.emit("answer.low_confidence", {
        seq: frame.seq,
        confidence: frame.confidence,
        status: frame.status,
        answer: frame.text,
        question: question?.text ?? null,
      });
    }
    for (const adapter of this.adapters) {
      const sending = adapter.deliver(frame);
      // Channel adapters send over HTTP: keep the object alive until they are done.
      if (sending)
        this.ctx.waitUntil(
          sending.catch((err: unknown) =>
            this.logger.error("channel delivery failed", describeError(err)),
          ),
        );
    }
  }

  private markIndexDirty(): void {
    if (this.state.indexDirty()) return;
    this.state.setIndexDirty(true);
    void this.alarms.at(Date.now() + INDEX_FLUSH_DELAY_MS);
  }

  /** Works the outbox without holding up the caller. */
  private pump(): void {
    this.ctx.waitUntil(
      this.turns
        .pump()
        .catch((err: unknown) => this.logger.error("outbox pump failed", describeError(err))),
    );
  }

  /** Drops a closed socket from the broadcast set and its frame limits from storage (gone with an erasure). */
  private forgetSocket(ws: WebSocket): void {
    this.hub.remove(ws);
    const identity = this.hub.identity(ws);
    if (identity && this.state.erasedAt() === null) this.guard.forget(identity);
  }

  private requireLive(): void {
    if (this.state.erasedAt() !== null) throw conversationErased();
  }

  /** A call from the Worker about `meta`'s conversation: refused when erased or when this room is another's. */
  private enter(meta: RoomMeta): void {
    this.requireLive();
    if (!this.state.bind(meta)) throw new Error("This room belongs to another conversation.");
  }

  private requireMeta(): RoomMeta {
    const meta = this.state.meta();
    if (!meta) throw new AppError(404, "not_found", "This conversation has not been opened yet.");
    return meta;
  }
}
