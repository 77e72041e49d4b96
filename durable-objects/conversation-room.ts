// ConversationRoom: one Durable Object per conversation. It owns the live sockets (hibernation API),
// the message log and the outbox in its SQLite, and answers turns through the bridge. The Worker
// authenticates callers and forwards their identity in `X-Room-*` headers; the room trusts only those.
import { PING_TEXT, PONG_TEXT } from "@coach/contracts/keep-alive";
import type { ServerFrame } from "@coach/contracts/socket";
import { DurableObject } from "cloudflare:workers";
import { AppError, conversationErased } from "../worker/lib/errors";
import { createLogger, describeError, type Logger } from "../worker/lib/logger";
import type { ChannelMessageResult } from "../worker/lib/rooms";
import { AlarmSchedule } from "./room/alarm-schedule";
import { pushIfAway, pushToApp, type AwayPushDeps } from "./room/away-push";
import { ChannelPost } from "./room/channel-post";
import { ChannelSenders } from "./room/channel-senders";
import { IndexFlush } from "./room/index-flush";
import { MessageIntake } from "./room/message-intake";
import type { MessageLog } from "./room/message-log";
import type { OutboundInput, OutboundResult } from "./room/outbound-message";
import type { Outbox } from "./room/outbox";
import { HISTORY_PAGE } from "./room/resume-socket";
import { RoomAdapters } from "./room/room-adapters";
import type { ChannelMessageInput, MessagePage, TakeoverResult } from "./room/room-api";
import { closeRoom } from "./room/room-closure";
import { eraseRoom } from "./room/room-erasure";
import { RoomEvents } from "./room/room-events";
import { sendFromRoom, type RoomOutboundDeps } from "./room/room-outbound";
import type { RoomMeta, RoomState } from "./room/room-meta";
import { openRoomStores, type RoomStores } from "./room/room-stores";
import { RoomSockets } from "./room/room-sockets";
import { SocketHub } from "./room/socket-hub";
import { humanJoinedNotice, type Takeover, type TakeoverState } from "./room/takeover-state";
import { TurnProcessor } from "./room/turn-processor";
import { workerConfig } from "../worker/lib/config";

export class ConversationRoom extends DurableObject<Env> {
  private readonly stores: RoomStores;
  private readonly state: RoomState;
  private readonly log: MessageLog;
  private readonly outbox: Outbox;
  private readonly takeovers: TakeoverState;
  private readonly hub: SocketHub;
  private readonly alarms: AlarmSchedule;
  private readonly events: RoomEvents;
  private readonly adapters: RoomAdapters;
  private readonly index: IndexFlush;
  private readonly turns: TurnProcessor;
  private readonly intake: MessageIntake;
  private readonly sockets: RoomSockets;
  /** What the room's own messages need, built once. */
  private readonly outbound: RoomOutboundDeps;
  private readonly logger: Logger;
  /** Sends on messaging channels, keeping what a platform asks to send later. */
  private readonly post: ChannelPost;
  private readonly away: AwayPushDeps;

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
    // The widget's keep-alive is answered by the runtime, so an idle tab never wakes the room.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING_TEXT, PONG_TEXT));
    this.alarms = new AlarmSchedule(ctx.storage);
    this.logger = createLogger(
      {
        component: "conversation-room",
        conversation_id: this.state.meta()?.conversationId ?? null,
      },
      workerConfig(env).logLevel,
    );
    const senders = new ChannelSenders(env, this.logger);
    this.post = new ChannelPost({
      env,
      senders,
      retries: this.stores.retries,
      alarms: this.alarms,
      logger: this.logger,
    });
    // What the room's parts are built from: its tables, its platform, and the callbacks into it.
    const room = {
      ...this.stores,
      ctx,
      env,
      hub: this.hub,
      alarms: this.alarms,
      logger: this.logger,
      senders,
      post: this.post,
      meta: () => this.requireMeta(),
      deliver: (frame: ServerFrame) => this.deliver(frame),
      emit: (type: "conversation.created", data: Record<string, unknown>) =>
        this.events.emit(type, data),
      markIndexDirty: () => this.index.markDirty(),
      pump: () => this.pump(),
      sendOutbound: (input: OutboundInput) => this.sendOutbound(input),
    };
    this.outbound = room;
    this.away = room;
    this.events = new RoomEvents(room);
    this.adapters = new RoomAdapters(room);
    this.index = new IndexFlush(room);
    const meta = this.state.meta();
    if (meta) this.adapters.attachChannel(meta);
    this.turns = new TurnProcessor({
      env,
      storage: ctx.storage,
      log: this.log,
      outbox: this.outbox,
      meta: room.meta,
      deliver: room.deliver,
      scheduleAlarm: (at) => this.alarms.at(at),
      onStored: room.markIndexDirty,
      logger: this.logger,
      settings: {
        maxAgeMs: workerConfig(env).answerMaxWaitMs,
        historyMessages: 10,
        deadlineMs: 60_000,
      },
    });
    this.intake = new MessageIntake(room);
    this.sockets = new RoomSockets({ ...room, turns: this.turns, intake: this.intake });
    // A fresh instance runs nothing: turns marked running were interrupted by an eviction or restart.
    ctx.blockConcurrencyWhile(async () => {
      const owed = this.stores.owed.all().length > 0;
      if (this.outbox.recoverInterrupted() > 0 || this.outbox.size() > 0 || owed)
        await this.alarms.at(Date.now());
    });
  }

  /** Accepts a socket upgrade forwarded by the Worker (see room/socket-admission.ts). */
  override async fetch(request: Request): Promise<Response> {
    return this.sockets.admit(request);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    this.sockets.forget(ws);
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    await this.sockets.message(ws, data);
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    this.sockets.closed(ws, code);
  }

  /**
   * Flushes the D1 index when it is behind, sends channel messages whose wait is over, pays the fixed
   * replies an eviction left owed, and works the outbox. An erased room has none of them.
   */
  override async alarm(): Promise<void> {
    if (this.state.erasedAt() !== null) return;
    await this.index.flush();
    await this.post.sendDue();
    await this.intake.payOwedReplies();
    // Not awaited: a long answer must not hold the alarm (and the next index flush) hostage; the
    // turn's own safety-net alarm covers an eviction while it streams.
    this.pump();
  }

  /** Stores a channel user's message once and queues its answer, as a socket message would be. */
  async receiveChannelMessage(input: ChannelMessageInput): Promise<ChannelMessageResult> {
    this.enter(input.meta);
    this.adapters.attachChannel(this.requireMeta());
    try {
      const { message, duplicate } = this.intake.accept({
        clientId: input.client_id,
        text: input.text,
        author: input.author,
        route: input.reply_route,
        quickReplyId: input.quick_reply_id,
        language: input.language,
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
    this.adapters.attachChannel(meta);
    const result = await sendFromRoom(this.outbound, meta, input);
    // Stored, yet neither delivered nor refused: a web message no socket saw. (The coaching agent
    // pushes its proactive messages itself.)
    const unseen = result.seq > 0 && !result.duplicate && !result.delivered && !result.error;
    if (input.source === "takeover" && unseen) pushToApp(this.away, result.seq, input.text);
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
   * The workspace closed: waiting turns and channel messages are dropped and every socket hears `error {frame}`, then is
   * closed with `closeCode`. The log stays until the workspace is erased; new sockets and channel
   * messages are refused before they reach the room. Answers how many sockets were closed.
   */
  async closeSockets(frame: { code: string; message: string }, closeCode: number): Promise<number> {
    return closeRoom(
      { ...this.stores, ctx: this.ctx, turns: this.turns, hub: this.hub },
      frame,
      closeCode,
    );
  }

  /**
   * Erases the conversation's messages and pending turns, closing its sockets (GDPR erasure), and
   * leaves a tombstone: from then on every entry point refuses with `conversation_erased`, so neither a
   * visitor token minted before nor a late alarm can open the room again. Idempotent.
   */
  async erase(): Promise<{ messages: number; pending_turns: number }> {
    return eraseRoom({ ...this.stores, ctx: this.ctx, turns: this.turns, hub: this.hub });
  }

  /** Sends a frame to every adapter of the room, raising the webhook event an unsure answer warrants. */
  private deliver(frame: ServerFrame): void {
    this.events.noteAnswer(frame);
    this.adapters.deliver(frame);
    pushIfAway(this.away, frame);
  }

  /** Works the outbox without holding up the caller. */
  private pump(): void {
    this.ctx.waitUntil(
      this.turns
        .pump()
        .catch((err: unknown) => this.logger.error("outbox pump failed", describeError(err))),
    );
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
