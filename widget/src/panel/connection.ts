// The conversation socket: a session, then a WebSocket that says `hello {last_seq}`; on loss it
// reconnects with exponential back-off and jitter, and takes a fresh session when the token is near
// its end or a socket could not even open with it (an expired or refused token looks just like that).
import { PING_TEXT } from "@coach/contracts/keep-alive";
import type { ClientFrame, ServerFrame } from "@coach/contracts/socket";
import { parseFrame } from "./frames";
import { requestSession, type Session, type SessionFailure } from "./session";

/** Where the connection stands, for the header's status line. */
export type ConnectionState = "connecting" | "open" | "reconnecting" | "failed";

export type ConnectionEvents = {
  frame: (frame: ServerFrame) => void;
  state: (state: ConnectionState, failure?: SessionFailure) => void;
  session: (session: Session) => void;
  /** The last seq the transcript saw, sent in `hello`. */
  lastSeq: () => number;
};

const PING_MS = 25_000;
const MAX_BACKOFF_MS = 30_000;

export class Connection {
  private ws: WebSocket | null = null;
  private session: Session | null = null;
  private pendingSession: Promise<Session | SessionFailure> | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ping: ReturnType<typeof setInterval> | undefined;
  private heard = 0;

  constructor(
    private readonly edge: string,
    private readonly publicKey: string,
    private readonly visitorId: () => string | undefined,
    private readonly events: ConnectionEvents,
  ) {
    window.addEventListener("online", () => this.retrySoon(0));
  }

  get isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN && this.heard > 0;
  }

  /** Sends a frame if the socket is open; false when it is not (the caller keeps the message pending). */
  send(frame: ClientFrame): boolean {
    if (!this.isOpen || !this.ws) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  start(): void {
    if (!this.ws && this.timer === undefined) void this.connect();
  }

  /**
   * The current session while its token is usable, else a new one. The socket and the panel's other
   * calls (joining a program) share it, and only one request is ever in flight.
   */
  currentSession(): Promise<Session | SessionFailure> {
    if (this.session && Date.now() < this.session.usableUntil) return Promise.resolve(this.session);
    this.pendingSession ??= requestSession(this.edge, this.publicKey, this.visitorId()).then(
      (result) => {
        this.pendingSession = null;
        if ("socket_url" in result) {
          this.session = result;
          this.events.session(result);
        }
        return result;
      },
    );
    return this.pendingSession;
  }

  /** Says hello again from scratch (the server's log is behind what this tab remembers). */
  rehello(): void {
    this.send({ type: "hello", last_seq: 0 });
  }

  private async connect(): Promise<void> {
    this.timer = undefined;
    this.events.state(this.attempt === 0 ? "connecting" : "reconnecting");
    const session = await this.currentSession();
    if (!("socket_url" in session)) {
      this.events.state("failed", session);
      if (!session.fatal) this.retrySoon(session.retryAfterMs);
      return;
    }
    const ws = new WebSocket(session.socket_url);
    this.ws = ws;
    this.heard = 0;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      ws.send(
        JSON.stringify({ type: "hello", last_seq: this.events.lastSeq() } satisfies ClientFrame),
      );
    };
    ws.onmessage = (event) => {
      const frame = parseFrame(event.data);
      if (!frame) return;
      if (frame.type === "welcome") {
        this.attempt = 0;
        this.heard = Date.now();
        this.keepAlive(ws);
        this.events.state("open");
      }
      this.heard = Date.now();
      this.events.frame(frame);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      clearInterval(this.ping);
      // Refused before opening: most likely the token (expired, or the edge restarted); take a new one.
      if (!opened) this.session = null;
      this.retrySoon();
    };
  }

  /** Pings so idle proxies keep the socket, and drops a socket that has gone silent. */
  private keepAlive(ws: WebSocket): void {
    clearInterval(this.ping);
    this.ping = setInterval(() => {
      if (Date.now() - this.heard > PING_MS * 2.5) ws.close(4000, "silent");
      else ws.send(PING_TEXT);
    }, PING_MS);
  }

  private retrySoon(afterMs?: number): void {
    if (this.ws) return;
    clearTimeout(this.timer);
    const backoff = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempt);
    this.attempt++;
    const delay = afterMs ?? backoff / 2 + Math.random() * (backoff / 2);
    this.events.state("reconnecting");
    this.timer = setTimeout(() => void this.connect(), delay);
  }
}
