// ConversationRoom: one Durable Object per conversation. It owns the live sockets (hibernation API),
// the message log and the outbox in its SQLite, and answers turns through the bridge. The Worker
// authenticates callers and forwards their identity in `X-Room-*` headers; the room trusts only those.
import { SOCKET_PROTOCOL_VERSION, type ClientFrame, type MessageView, type ServerFrame } from "@coach/contracts/socket";
import { DurableObject } from "cloudflare:workers";
import { channelKinds, type ChannelKind } from "../worker/db/enums";
import { forTenant } from "../worker/db/tenant-gateway";
import { emitEvent } from "../worker/integrations/emit-event";
import { mentionsCommitment } from "../worker/commitments/parse-commitment";
import { AppError, conversationErased, tooManyRequests } from "../worker/lib/errors";
import { createLogger, describeError, parseLogLevel, type Logger } from "../worker/lib/logger";
import { rateLimits } from "../worker/lib/rate-limits";
import { ROOM_HEADERS, type ChannelMessageResult } from "../worker/lib/rooms";
import { isLowConfidence } from "./room/answer-quality";
import { syncConversationIndex } from "./room/conversation-index";
import { asksForHuman, HUMAN_REQUESTED_REPLY } from "./room/human-request";
import { recordHumanRequest } from "./room/human-requested";
import { handleCoachingMessage, type CoachingMessage } from "./room/coaching-replies";
import { MessageLog } from "./room/message-log";
import { PendingQuickReplies } from "./room/pending-quick-replies";
import { parseClientFrame } from "./room/parse-frame";
import { Outbox } from "./room/outbox";
import { sendOutboundMessage, type OutboundInput, type OutboundResult } from "./room/outbound-message";
import { ChannelRouter, metaRoute } from "./room/channel-router";
import { ReplyRoutes, type ReplyRoute } from "./room/reply-routes";
import { RoomBuckets } from "./room/room-buckets";
import { RoomState, type RoomMeta } from "./room/room-meta";
import { noteCoachingReply } from "./coaching/note-reply";
import { closeErased, eraseRoom } from "./room/room-erasure";
import { SocketGuard } from "./room/socket-guard";
import { SocketHub, type ChannelAdapter, type SocketIdentity } from "./room/socket-hub";
import { SyncWatermark } from "./room/sync-watermark";
import { humanJoinedNotice, TakeoverState, type Takeover } from "./room/takeover-state";
import { TurnProcessor } from "./room/turn-processor";

const INDEX_FLUSH_DELAY_MS = 2_000;
const HISTORY_PAGE = 500;


export type MessagePage = { messages: MessageView[]; last_seq: number };

/** A user's message from a messaging channel, forwarded by the Worker after verifying the webhook. */
export type ChannelMessageInput = {
  /** Built by the Worker from the channel mapping; the room binds to it like a socket's headers. */
  meta: RoomMeta;
  /** Derived from the platform's update or message id, so a redelivered update is stored once. */
  client_id: string;
  text: string;
  /** The contact who wrote it. */
  author: string;
  /**
   * The channel and chat it came from, where its answer goes (a person who linked Telegram and
   * WhatsApp writes into one room from both). Defaults to the room's own channel.
   */
  reply_route?: ReplyRoute;
  /** Set when the user pressed a quick reply; `text` is then its label. */
  quick_reply_id?: string;
};

export type { OutboundInput, OutboundResult } from "./room/outbound-message";

/** A takeover as the dashboard sees it; `changed` is false when the call found it already so. */
export type TakeoverResult = { takeover: Takeover | null; changed: boolean };

export class ConversationRoom extends DurableObject<Env> {
  private readonly state: RoomState;
  private readonly log: MessageLog;
  private readonly outbox: Outbox;
  private readonly buckets: RoomBuckets;
  private readonly takeovers: TakeoverState;
  private readonly quickReplies: PendingQuickReplies;
  private readonly watermark: SyncWatermark;
  private readonly routes: ReplyRoutes;
  private readonly hub: SocketHub;
  private readonly guard: SocketGuard;
  private readonly adapters: ChannelAdapter[];
  private channelAttached = false;
  private alarmChain: Promise<void> = Promise.resolve();
  private readonly turns: TurnProcessor;
  private readonly logger: Logger;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    this.state = new RoomState(sql);
    this.log = new MessageLog(sql);
    this.outbox = new Outbox(sql);
    this.buckets = new RoomBuckets(sql);
    this.takeovers = new TakeoverState(sql);
    this.quickReplies = new PendingQuickReplies(sql);
    this.watermark = new SyncWatermark(sql);
    this.routes = new ReplyRoutes(sql);
    this.hub = new SocketHub(ctx);
    this.guard = new SocketGuard(this.buckets, this.hub, () => rateLimits(env));
    this.adapters = [this.hub];
    this.logger = createLogger({ component: "conversation-room", conversation_id: this.state.meta()?.conversationId ?? null }, parseLogLevel(env.LOG_LEVEL));
    const meta = this.state.meta();
    if (meta) this.attachChannel(meta);
    this.turns = new TurnProcessor({
      env,
      storage: ctx.storage,
      log: this.log,
      outbox: this.outbox,
      meta: () => this.requireMeta(),
      deliver: (frame) => this.deliver(frame),
      scheduleAlarm: (at) => this.scheduleAlarm(at),
      onStored: () => this.markIndexDirty(),
      logger: this.logger,
      settings: {
        maxAgeMs: Number(env.ANSWER_MAX_WAIT_SECONDS) * 1000 || 3_600_000,
        historyMessages: 10,
        deadlineMs: 60_000,
      },
    });
    // A fresh instance runs nothing: turns marked running were interrupted by an eviction or restart.
    ctx.blockConcurrencyWhile(async () => {
      if (this.outbox.recoverInterrupted() > 0 || this.outbox.size() > 0) await this.scheduleAlarm(Date.now());
    });
  }

  /** Accepts a socket upgrade forwarded by the Worker. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return new Response("Expected a WebSocket upgrade.", { status: 426 });
    }
    if (this.state.erasedAt() !== null) {
      const refusal = conversationErased();
      return Response.json({ error: { code: refusal.code, message: refusal.message } }, { status: refusal.status });
    }
    const meta = this.metaFromHeaders(request.headers);
    if (!meta || !this.state.bind(meta)) return new Response("Unknown conversation.", { status: 404 });
    const subjectId = request.headers.get(ROOM_HEADERS.subject) ?? "unknown";
    const pair = new WebSocketPair();
    const refusal = this.guard.admit(subjectId, this.ctx.getWebSockets().length);
    if (refusal) {
      // Outside the hibernation set: it is only told why, then closed.
      pair[1].accept();
      this.guard.refuseSocket(pair[1], refusal);
      return new Response(null, { status: 101, webSocket: pair[0] });
    }
    this.ctx.acceptWebSocket(pair[1]);
    const identity: SocketIdentity = {
      socketId: crypto.randomUUID(),
      subjectId,
      connectedAt: Date.now(),
      ready: false,
    };
    this.hub.setIdentity(pair[1], identity);
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    this.forgetSocket(ws);
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    if (this.state.erasedAt() !== null) return closeErased(this.hub, ws);
    const identity = this.hub.identity(ws);
    if (!identity) return;
    const parsed = parseClientFrame(data);
    // Every frame is counted, malformed ones too; messages have their own limits, per visitor and conversation.
    const kind = parsed.ok ? parsed.frame.type : "invalid";
    if (kind !== "message" && !this.guard.allowFrame(ws, identity, kind)) return;
    if (!parsed.ok) return this.hub.send(ws, parsed.error);
    const frame = parsed.frame;
    try {
      await this.handleFrame(ws, identity, frame);
    } catch (err) {
      if (err instanceof AppError) {
        const retryAfter = (err.details as { retry_after?: number } | undefined)?.retry_after;
        const refusal = {
          type: "error",
          code: err.code,
          message: err.message,
          ...(retryAfter ? { retry_after: retryAfter } : {}),
          ...(frame.type === "message" ? { client_id: frame.client_id } : {}),
        } satisfies ServerFrame;
        if (err.code === "rate_limited") this.guard.refused(ws, identity, refusal);
        else this.hub.send(ws, refusal);
        return;
      }
      this.logger.error("socket frame failed", describeError(err));
      this.hub.send(ws, { type: "error", code: "internal_error", message: "Something went wrong on our side. Please try again." });
    }
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
        await syncConversationIndex(this.env.DB, this.requireMeta(), this.log, this.watermark);
      } catch (err) {
        this.state.setIndexDirty(true);
        this.logger.error("conversation index sync failed", describeError(err));
        await this.scheduleAlarm(Date.now() + INDEX_FLUSH_DELAY_MS * 5);
      }
    }
    // Not awaited: a long answer must not hold the alarm (and the next index flush) hostage; the
    // turn's own safety-net alarm covers an eviction while it streams.
    this.ctx.waitUntil(this.turns.pump().catch((err: unknown) => this.logger.error("outbox pump failed", describeError(err))));
  }

  /** Stores a channel user's message once and queues its answer, as a socket message would be. */
  async receiveChannelMessage(input: ChannelMessageInput): Promise<ChannelMessageResult> {
    this.requireLive();
    if (!this.state.bind(input.meta)) throw new Error("This room belongs to another conversation.");
    this.attachChannel(this.requireMeta());
    try {
      const { message, duplicate } = this.acceptMessage({ clientId: input.client_id, text: input.text, author: input.author, role: "user", route: input.reply_route, quickReplyId: input.quick_reply_id });
      return { status: duplicate ? "duplicate" : "stored", seq: message.seq };
    } catch (err) {
      if (err instanceof AppError && err.code === "rate_limited") return { status: "rate_limited", seq: null };
      throw err;
    }
  }

  /**
   * Stores and delivers a message the room sends on its own: a creator's during a takeover, or a
   * proactive check-in (see room/outbound-message.ts).
   */
  async sendOutbound(input: OutboundInput): Promise<OutboundResult> {
    this.requireLive();
    if (!this.state.bind(input.meta)) throw new Error("This room belongs to another conversation.");
    const meta = this.requireMeta();
    this.attachChannel(meta);
    const firstMessage = this.log.lastSeq() === 0;
    if (input.source === "proactive") this.state.markCoached();
    const result = await sendOutboundMessage(
      {
        env: this.env,
        log: this.log,
        meta,
        route: this.routes.latest() ?? metaRoute(meta),
        logger: this.logger,
        broadcast: (frame) => {
          this.hub.deliver(frame);
          return this.hub.readyCount();
        },
        onStored: () => this.markIndexDirty(),
      },
      input,
    );
    if (firstMessage && result.seq > 0 && !result.duplicate) this.emit("conversation.created", { first_seq: result.seq });
    if (result.seq > 0 && !result.duplicate && input.quick_replies?.length) this.quickReplies.offer(result.seq, input.quick_replies);
    return result;
  }

  /**
   * A person from the creator's team takes over: the turn being answered is stopped, waiting turns are
   * dropped, and no new ones are queued until `handback`. Sockets hear a `human_joined` notice.
   */
  async takeover(meta: RoomMeta, by: { user_id: string; name: string }): Promise<TakeoverResult> {
    this.requireLive();
    if (!this.state.bind(meta)) throw new Error("This room belongs to another conversation.");
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
    if (ended) this.hub.deliver({ type: "notice", code: "human_left", message: "The coaching assistant is answering again." });
    return { takeover: null, changed: ended };
  }

  /** The takeover in force, if any. */
  async currentTakeover(): Promise<Takeover | null> {
    return this.state.erasedAt() === null ? this.takeovers.current() : null;
  }

  /** A page of the log for the dashboard: messages after `afterSeq`, oldest first. */
  async listMessages(afterSeq: number, limit: number): Promise<MessagePage> {
    if (this.state.erasedAt() !== null) return { messages: [], last_seq: 0 };
    return { messages: this.log.after(afterSeq, Math.min(limit, HISTORY_PAGE)), last_seq: this.log.lastSeq() };
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
    return eraseRoom({ ctx: this.ctx, state: this.state, log: this.log, outbox: this.outbox, turns: this.turns, hub: this.hub });
  }

  private async handleFrame(ws: WebSocket, identity: SocketIdentity, frame: ClientFrame): Promise<void> {
    switch (frame.type) {
      case "hello":
        return this.resume(ws, identity, frame.last_seq);
      case "message":
        return this.receiveMessage(ws, identity, frame.client_id, frame.text, frame.quick_reply_id);
      case "typing":
        return this.hub.deliver({ type: "typing", role: "user", active: true }, ws);
      case "read":
        return this.hub.deliver({ type: "read", seq: Math.min(frame.seq, this.log.lastSeq()) }, ws);
      case "stop":
        return this.turns.stop();
      case "ping":
        return this.hub.send(ws, { type: "pong" });
      case "identify":
        return this.identifyContact(identity, frame.name, frame.email);
    }
  }

  /** Welcome, then everything after the client's last seen seq, then the answer being streamed. */
  private resume(ws: WebSocket, identity: SocketIdentity, lastSeq: number): void {
    const meta = this.requireMeta();
    this.hub.send(ws, { type: "welcome", protocol: SOCKET_PROTOCOL_VERSION, conversation_id: meta.conversationId, last_seq: this.log.lastSeq() });
    let after = lastSeq;
    // The quick replies still on offer come back under their message, so chips survive a reload.
    const offer = this.quickReplies.offered();
    for (;;) {
      const page = this.log.after(after, HISTORY_PAGE);
      for (const message of page) this.hub.send(ws, { type: "message", ...message, ...(offer?.seq === message.seq ? { quick_replies: offer.replies } : {}) });
      if (page.length < HISTORY_PAGE) break;
      after = page[page.length - 1]?.seq ?? after;
    }
    const inFlight = this.turns.inFlight();
    if (inFlight && inFlight.text) this.hub.send(ws, { type: "delta", turn_id: inFlight.turnId, offset: 0, text: inFlight.text });
    const takeover = this.takeovers.current();
    if (takeover) this.hub.send(ws, humanJoinedNotice(takeover));
    this.hub.setIdentity(ws, { ...identity, ready: true });
    this.deliver({ type: "presence", sockets: this.hub.readyCount() });
  }

  private async receiveMessage(ws: WebSocket, identity: SocketIdentity, clientId: string, text: string, quickReplyId?: string): Promise<void> {
    this.acceptMessage({ clientId, text, author: identity.subjectId, role: "user", quickReplyId }, ws);
  }

  /**
   * The one way a message enters the log, from a socket or a channel: stored once per client id,
   * rate-limited per author and conversation, shown to the other sockets, and (from a user) queued
   * for an answer. A socket sender's ack goes out as soon as the message is stored, before the fan-out
   * to the room's other sockets, so its latency does not grow with the room; the pump's first frame
   * comes after an await, so the ack still goes first.
   */
  private acceptMessage(
    input: { clientId: string; text: string; author: string; role: "user" | "creator"; route?: ReplyRoute; quickReplyId?: string },
    sender?: WebSocket,
  ): { message: MessageView; duplicate: boolean } {
    const acknowledge = (message: MessageView, duplicate: boolean) => {
      if (sender) this.hub.send(sender, { type: "ack", client_id: input.clientId, seq: message.seq, duplicate });
      return { message, duplicate };
    };
    const existing = this.log.byClientId(input.clientId);
    if (existing) return acknowledge(existing, true);
    const meta = this.requireMeta();
    const limit = this.buckets.takeAll([`subject:${input.author}`, "conversation"], rateLimits(this.env).socketMessage);
    if (!limit.allowed) throw tooManyRequests(limit.retryAfterSeconds, "You are sending messages too quickly. Wait a moment, then send again.");
    const turnId = crypto.randomUUID();
    const firstMessage = this.log.lastSeq() === 0;
    // While a person has taken over, the assistant stays silent; a request for a person is answered
    // with one fixed sentence instead of a model call.
    const asking = input.role === "user" && this.takeovers.current() === null;
    const wantsHuman = asking && asksForHuman(input.text);
    // Answers to quick replies and promises or reminder requests are coaching's, not the assistant's;
    // so is, at first, free text written right under an offer of quick replies: it may answer the
    // check-in in words ("I'd say a 4"), and only the coaching agent can tell.
    const underOffer = input.role === "user" && this.quickReplies.offered() !== null;
    const quickReplyId = input.role === "user" ? this.quickReplies.answer(input.text, input.quickReplyId) : null;
    const possibleAnswer = quickReplyId === null && underOffer && asking && !wantsHuman;
    const forCoaching = quickReplyId !== null || possibleAnswer || (asking && !wantsHuman && mentionsCommitment(input.text));
    const { stored, reply } = this.ctx.storage.transactionSync(() => {
      const message = this.log.append({ role: input.role, author: input.author, text: input.text, status: "stored", channel: input.route?.channel ?? meta.channel, clientId: input.clientId });
      if (input.route) this.routes.record(turnId, input.route);
      // A creator writing into the conversation does not ask the assistant anything.
      if (asking && !wantsHuman && !forCoaching) this.outbox.enqueue(turnId, message.seq, turnId);
      const answer = wantsHuman
        ? this.log.append({ role: "assistant", author: null, text: HUMAN_REQUESTED_REPLY, status: "complete", channel: input.route?.channel ?? meta.channel, turnId })
        : null;
      return { stored: message, reply: answer };
    });
    acknowledge(stored, false);
    this.hub.deliver({ type: "message", ...stored }, sender);
    this.markIndexDirty();
    if (firstMessage) this.emit("conversation.created", { first_seq: stored.seq });
    if (reply) {
      // After the caller's ack, as a real answer would be.
      queueMicrotask(() =>
        this.deliver({ type: "done", turn_id: turnId, seq: reply.seq, text: reply.text, status: reply.status, citations: [], confidence: null }),
      );
      this.ctx.waitUntil(recordHumanRequest(this.env, meta, { seq: stored.seq, text: input.text }, this.logger));
    }
    if (asking && !wantsHuman && !forCoaching) this.ctx.waitUntil(this.turns.pump().catch((err: unknown) => this.logger.error("outbox pump failed", describeError(err))));
    if (forCoaching) {
      this.state.markCoached();
      this.ctx.waitUntil(this.coachingReply({ seq: stored.seq, text: input.text, at: stored.created_at, quickReplyId, possibleAnswer }, turnId));
    }
    // A possible answer is given to the agent by room/coaching-replies.ts, which must see its verdict.
    if (input.role === "user" && this.state.coached() && !possibleAnswer) this.ctx.waitUntil(noteCoachingReply(this.env, meta, { text: input.text, quickReplyId }, this.logger));
    return { message: stored, duplicate: false };
  }

  /** Hands a message set aside for coaching to room/coaching-replies.ts; it may still go to the assistant. */
  private coachingReply(message: CoachingMessage, turnId: string): Promise<void> {
    const meta = this.requireMeta();
    return handleCoachingMessage(
      {
        env: this.env,
        meta,
        logger: this.logger,
        reply: async (clientId, text) => {
          await this.sendOutbound({ meta, client_id: clientId, text, author: "assistant", source: "proactive" });
        },
        askAssistant: () => {
          if (this.takeovers.current() !== null) return;
          this.outbox.enqueue(turnId, message.seq, turnId);
          this.ctx.waitUntil(this.turns.pump().catch((err: unknown) => this.logger.error("outbox pump failed", describeError(err))));
        },
      },
      message,
    );
  }

  /** Emits an outgoing webhook event about this conversation, without holding up the caller. */
  private emit(type: "conversation.created" | "answer.low_confidence", data: Record<string, unknown>): void {
    const meta = this.requireMeta();
    const event = { conversation_id: meta.conversationId, contact_id: meta.contactId, channel: meta.channel, ...data };
    this.ctx.waitUntil(emitEvent(this.env, meta.tenantId, type, event));
  }

  /** Adds the room's messaging-channel side (Telegram, WhatsApp, routed per turn) once its meta names a channel. */
  private attachChannel(meta: RoomMeta): void {
    if (this.channelAttached || !meta.channelId || !meta.externalChatId) return;
    this.adapters.push(new ChannelRouter({ env: this.env, logger: this.logger, meta, routes: this.routes, outbox: this.outbox }));
    this.channelAttached = true;
  }

  /** Records the visitor's name and email on their contact, so the creator sees who they talk to. */
  private async identifyContact(identity: SocketIdentity, name: string | undefined, email: string | undefined): Promise<void> {
    const meta = this.requireMeta();
    if (!meta.contactId || (name === undefined && email === undefined)) return;
    await forTenant(this.env.DB, meta.tenantId).update("contacts", meta.contactId, {
      ...(name !== undefined ? { displayName: name } : {}),
      ...(email !== undefined ? { email } : {}),
    });
  }

  private deliver(frame: ServerFrame): void {
    if (frame.type === "done" && isLowConfidence({ role: "assistant", ...frame })) {
      const question = this.log.before(frame.seq, 1).find((m) => m.role === "user");
      this.emit("answer.low_confidence", { seq: frame.seq, confidence: frame.confidence, status: frame.status, answer: frame.text, question: question?.text ?? null });
    }
    for (const adapter of this.adapters) {
      const sending = adapter.deliver(frame);
      // Channel adapters send over HTTP: keep the object alive until they are done.
      if (sending) this.ctx.waitUntil(sending.catch((err: unknown) => this.logger.error("channel delivery failed", describeError(err))));
    }
  }

  private markIndexDirty(): void {
    if (this.state.indexDirty()) return;
    this.state.setIndexDirty(true);
    void this.scheduleAlarm(Date.now() + INDEX_FLUSH_DELAY_MS);
  }

  /**
   * Moves the alarm earlier, never later. Calls are chained: two interleaved read-then-set pairs (the
   * index flush in 2 s, a turn's safety net in 90 s) could otherwise leave the later time set.
   */
  private scheduleAlarm(at: number): Promise<void> {
    const next = this.alarmChain.then(async () => {
      const current = await this.ctx.storage.getAlarm();
      if (current === null || at < current) await this.ctx.storage.setAlarm(at);
    });
    this.alarmChain = next.catch(() => undefined);
    return next;
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

  private requireMeta(): RoomMeta {
    const meta = this.state.meta();
    if (!meta) throw new AppError(404, "not_found", "This conversation has not been opened yet.");
    return meta;
  }

  private metaFromHeaders(headers: Headers): RoomMeta | null {
    const tenantId = headers.get(ROOM_HEADERS.tenant);
    const conversationId = headers.get(ROOM_HEADERS.conversation);
    const channel = headers.get(ROOM_HEADERS.channel) as ChannelKind | null;
    if (!tenantId || !conversationId || !channel || !channelKinds.includes(channel)) return null;
    return { tenantId, conversationId, contactId: headers.get(ROOM_HEADERS.contact), channel };
  }
}
