// The conversation socket both the widget's panel and the companion app speak: a WebSocket that says
// `hello {last_seq}`, counts as open once the room's `welcome` is heard, pings so idle proxies keep it,
// drops it when it goes silent, and on loss reconnects with exponential back-off and jitter (at once
// when the browser says it is online again). Where each socket's URL comes from is the caller's.
import { PING_TEXT } from "@coach/contracts/keep-alive";
import type { ClientFrame, ServerFrame } from "@coach/contracts/socket";
import { parseFrame } from "./frames";

/** Where to open the next socket, or, without one, when to try again (`null`: never). */
export type SocketTarget = { url: string } | { retryAfterMs?: number } | null;

export type SocketHooks = {
  /** Called before each socket: a fresh session's URL, or why there is none. */
  target: () => Promise<SocketTarget>;
  /** The last seq the transcript saw, sent in `hello`. */
  lastSeq: () => number;
  frame: (frame: ServerFrame) => void;
  /** The room's welcome was heard: frames may be sent. */
  opened: () => void;
  /** A socket was lost; `wasOpened` is false when it never even opened (a refused token looks so). */
  closed: (wasOpened: boolean) => void;
  /** An attempt begins; `first` when nothing has failed since the start or the last welcome. */
  connecting?: (first: boolean) => void;
  /** A retry is scheduled. */
  retrying?: () => void;
};

const PING_MS = 25_000;
const MAX_BACKOFF_MS = 30_000;

export class ReconnectingSocket {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ping: ReturnType<typeof setInterval> | undefined;
  private heard = 0;

  constructor(private readonly hooks: SocketHooks) {
    window.addEventListener("online", () => this.retrySoon(0));
  }

  /** Sends a frame if the socket is open; false when it is not (the caller keeps the message pending). */
  send(frame: ClientFrame): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN || this.heard === 0) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  start(): void {
    if (!this.ws && this.timer === undefined) void this.connect();
  }

  private async connect(): Promise<void> {
    this.timer = undefined;
    this.hooks.connecting?.(this.attempt === 0);
    const target = await this.hooks.target();
    if (!target) return;
    if (!("url" in target)) return this.retrySoon(target.retryAfterMs);
    const ws = new WebSocket(target.url);
    this.ws = ws;
    this.heard = 0;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      ws.send(
        JSON.stringify({ type: "hello", last_seq: this.hooks.lastSeq() } satisfies ClientFrame),
      );
    };
    ws.onmessage = (event) => {
      const frame = parseFrame(event.data);
      if (!frame) return;
      this.heard = Date.now();
      if (frame.type === "welcome") {
        this.attempt = 0;
        this.keepAlive(ws);
        this.hooks.opened();
      }
      this.hooks.frame(frame);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      clearInterval(this.ping);
      this.hooks.closed(opened);
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
    this.hooks.retrying?.();
    this.timer = setTimeout(() => void this.connect(), delay);
  }
}
