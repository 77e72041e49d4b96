// ConversationRoom: one Durable Object per conversation. It owns the live sockets (hibernation API),
// the message log and the outbox in its SQLite, and answers turns through the bridge. The Worker
// authenticates callers and forwards their identity in `X-Room-*` headers; the room trusts only those.
import { SOCKET_PROTOCOL_VERSION, type ClientFrame, type MessageView, type ServerFrame } from "@coach/contracts/socket";
import { DurableObject } from "cloudflare:workers";
import { channelKinds, type ChannelKind } from "../worker/db/enums";
import { forTenant } from "../worker/db/tenant-gateway";
import { AppError, tooManyRequests } from "../worker/lib/errors";
import { createLogger, describeError, parseLogLevel, type Logger } from "../worker/lib/logger";
import { rateLimits } from "../worker/lib/rate-limits";
import { syncConversationIndex } from "./room/conversation-index";
import { MessageLog } from "./room/message-log";
import { parseClientFrame } from "./room/parse-frame";
import { Outbox } from "./room/outbox";
import { RoomBuckets } from "./room/room-buckets";
import { RoomState, type RoomMeta } from "./room/room-meta";
import { SocketHub, type ChannelAdapter, type SocketIdentity } from "./room/socket-hub";
import { TelegramAdapter } from "./room/telegram-adapter";
import { TurnProcessor } from "./room/turn-processor";
import { WhatsAppAdapter } from "./room/whatsapp-adapter";

/** Headers the Worker sets when it forwards an authenticated socket upgrade. */
export const ROOM_HEADERS = {
  tenant: "X-Room-Tenant",
  conversation: "X-Room-Conversation",
  contact: "X-Room-Contact",
  channel: "X-Room-Channel",
  subject: "X-Room-Subject",
  role: "X-Room-Role",
} as const;

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
};

export type ChannelMessageResult = { status: "stored" | "duplicate" | "rate_limited"; seq: number | null };

export class ConversationRoom extends DurableObject<Env> {
  private readonly state: RoomState;
  private readonly log: MessageLog;
  private readonly outbox: Outbox;
  private readonly buckets: RoomBuckets;
  private readonly hub: SocketHub;
  private readonly adapters: ChannelAdapter[];
  private channelAttached = false;
  private readonly turns: TurnProcessor;
  private readonly logger: Logger;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    this.state = new RoomState(sql);
    this.log = new MessageLog(sql);
    this.outbox = new Outbox(sql);
    this.buckets = new RoomBuckets(sql);
    this.hub = new SocketHub(ctx);
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
    const meta = this.metaFromHeaders(request.headers);
    if (!meta || !this.state.bind(meta)) return new Response("Unknown conversation.", { status: 404 });
    const role = request.headers.get(ROOM_HEADERS.role) === "creator" ? "creator" : "visitor";
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1]);
    const identity: SocketIdentity = {
      subjectId: request.headers.get(ROOM_HEADERS.subject) ?? "unknown",
      role,
      connectedAt: Date.now(),
      ready: false,
    };
    this.hub.setIdentity(pair[1], identity);
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    this.hub.remove(ws);
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    const parsed = parseClientFrame(data);
    if (!parsed.ok) return this.hub.send(ws, parsed.error);
    const frame = parsed.frame;
    const identity = this.hub.identity(ws);
    if (!identity) return;
    try {
      await this.handleFrame(ws, identity, frame);
    } catch (err) {
      if (err instanceof AppError) {
        const retryAfter = (err.details as { retry_after?: number } | undefined)?.retry_after;
        this.hub.send(ws, {
          type: "error",
          code: err.code,
          message: err.message,
          ...(retryAfter ? { retry_after: retryAfter } : {}),
          ...(frame.type === "message" ? { client_id: frame.client_id } : {}),
        });
        return;
      }
      this.logger.error("socket frame failed", describeError(err));
      this.hub.send(ws, { type: "error", code: "internal_error", message: "Something went wrong on our side. Please try again." });
    }
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    this.hub.remove(ws);
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, "closing");
    } catch {
      // Already closed.
    }
    this.deliver({ type: "presence", sockets: this.hub.readyCount() });
  }

  /** Flushes the D1 index when it is behind, and works the outbox. */
  override async alarm(): Promise<void> {
    if (this.state.indexDirty() && this.state.meta()) {
      this.state.setIndexDirty(false);
      try {
        await syncConversationIndex(this.env.DB, this.requireMeta(), this.log);
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
    if (!this.state.bind(input.meta)) throw new Error("This room belongs to another conversation.");
    this.attachChannel(this.requireMeta());
    try {
      const { message, duplicate } = this.acceptMessage({ clientId: input.client_id, text: input.text, author: input.author, role: "user" });
      return { status: duplicate ? "duplicate" : "stored", seq: message.seq };
    } catch (err) {
      if (err instanceof AppError && err.code === "rate_limited") return { status: "rate_limited", seq: null };
      throw err;
    }
  }

  /** A page of the log for the dashboard: messages after `afterSeq`, oldest first. */
  async listMessages(afterSeq: number, limit: number): Promise<MessagePage> {
    return { messages: this.log.after(afterSeq, Math.min(limit, HISTORY_PAGE)), last_seq: this.log.lastSeq() };
  }

  /** Erases the conversation's messages and pending turns, closing its sockets (GDPR erasure). */
  async erase(): Promise<{ messages: number; pending_turns: number }> {
    const messages = this.log.count();
    const pendingTurns = this.outbox.size();
    for (const ws of this.ctx.getWebSockets()) ws.close(1000, "conversation erased");
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    return { messages, pending_turns: pendingTurns };
  }

  private async handleFrame(ws: WebSocket, identity: SocketIdentity, frame: ClientFrame): Promise<void> {
    switch (frame.type) {
      case "hello":
        return this.resume(ws, identity, frame.last_seq);
      case "message":
        return this.receiveMessage(ws, identity, frame.client_id, frame.text);
      case "typing":
        return this.hub.deliver({ type: "typing", role: identity.role === "creator" ? "creator" : "user", active: true }, ws);
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
    for (;;) {
      const page = this.log.after(after, HISTORY_PAGE);
      for (const message of page) this.hub.send(ws, { type: "message", ...message });
      if (page.length < HISTORY_PAGE) break;
      after = page[page.length - 1]?.seq ?? after;
    }
    const inFlight = this.turns.inFlight();
    if (inFlight && inFlight.text) this.hub.send(ws, { type: "delta", turn_id: inFlight.turnId, offset: 0, text: inFlight.text });
    this.hub.setIdentity(ws, { ...identity, ready: true });
    this.deliver({ type: "presence", sockets: this.hub.readyCount() });
  }

  private async receiveMessage(ws: WebSocket, identity: SocketIdentity, clientId: string, text: string): Promise<void> {
    const role = identity.role === "creator" ? "creator" : "user";
    const { message, duplicate } = this.acceptMessage({ clientId, text, author: identity.subjectId, role }, ws);
    this.hub.send(ws, { type: "ack", client_id: clientId, seq: message.seq, duplicate });
  }

  /**
   * The one way a message enters the log, from a socket or a channel: stored once per client id,
   * rate-limited per author and conversation, shown to the other sockets, and (from a user) queued
   * for an answer. The pump's first frame comes after an await, so a caller's ack still goes first.
   */
  private acceptMessage(
    input: { clientId: string; text: string; author: string; role: "user" | "creator" },
    except?: WebSocket,
  ): { message: MessageView; duplicate: boolean } {
    const existing = this.log.byClientId(input.clientId);
    if (existing) return { message: existing, duplicate: true };
    const meta = this.requireMeta();
    const limit = this.buckets.takeAll([`subject:${input.author}`, "conversation"], rateLimits(this.env).socketMessage);
    if (!limit.allowed) throw tooManyRequests(limit.retryAfterSeconds, "You are sending messages too quickly. Wait a moment, then send again.");
    const turnId = crypto.randomUUID();
    const stored = this.ctx.storage.transactionSync(() => {
      const message = this.log.append({ role: input.role, author: input.author, text: input.text, status: "stored", channel: meta.channel, clientId: input.clientId });
      // A creator writing into the conversation does not ask the assistant anything.
      if (input.role === "user") this.outbox.enqueue(turnId, message.seq, turnId);
      return message;
    });
    this.hub.deliver({ type: "message", ...stored }, except);
    this.markIndexDirty();
    if (input.role === "user") this.ctx.waitUntil(this.turns.pump().catch((err: unknown) => this.logger.error("outbox pump failed", describeError(err))));
    return { message: stored, duplicate: false };
  }

  /** Adds the room's messaging-channel adapter (Telegram, WhatsApp) once its meta names one. */
  private attachChannel(meta: RoomMeta): void {
    if (this.channelAttached || !meta.channelId || !meta.externalChatId) return;
    const deps = { env: this.env, meta: { ...meta, channelId: meta.channelId, externalChatId: meta.externalChatId }, logger: this.logger };
    if (meta.channel === "telegram") this.adapters.push(new TelegramAdapter(deps));
    else if (meta.channel === "whatsapp") this.adapters.push(new WhatsAppAdapter(deps));
    this.channelAttached = true;
  }

  /** Records the visitor's name and email on their contact, so the creator sees who they talk to. */
  private async identifyContact(identity: SocketIdentity, name: string | undefined, email: string | undefined): Promise<void> {
    const meta = this.requireMeta();
    if (identity.role !== "visitor" || !meta.contactId || (name === undefined && email === undefined)) return;
    await forTenant(this.env.DB, meta.tenantId).update("contacts", meta.contactId, {
      ...(name !== undefined ? { displayName: name } : {}),
      ...(email !== undefined ? { email } : {}),
    });
  }

  private deliver(frame: ServerFrame): void {
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

  private async scheduleAlarm(at: number): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || at < current) await this.ctx.storage.setAlarm(at);
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
