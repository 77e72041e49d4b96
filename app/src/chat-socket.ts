// The app's conversation socket, the widget's protocol: a session from the device token, then a
// WebSocket that says `hello {last_seq}`; on loss it reconnects with back-off, at once when the
// browser says it is online again, and takes a fresh session for every socket (tokens are short-lived).
import { PING_TEXT } from "@coach/contracts/keep-alive";
import type { ClientFrame, ServerFrame } from "@coach/contracts/socket";
import { parseFrame } from "../../widget/src/panel/frames";
import type { ApiFailure, AppApi } from "./app-api";

export type SocketEvents = {
  frame: (frame: ServerFrame) => void;
  /** Connected (welcome heard) or not. */
  state: (open: boolean) => void;
  /** The device is no longer signed in (deleted, or its contact erased). */
  signedOut: (failure: ApiFailure) => void;
  lastSeq: () => number;
};

const PING_MS = 25_000;
const MAX_BACKOFF_MS = 30_000;
const SIGNED_OUT = new Set(["invalid_device_token", "conversation_erased", "widget_not_found"]);

export class ChatSocket {
  private ws: WebSocket | null = null;
  private open = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ping: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly api: AppApi,
    private readonly events: SocketEvents,
  ) {
    window.addEventListener("online", () => this.reconnectSoon(0));
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Sends a frame when the socket is open; false otherwise (the caller keeps the message queued). */
  send(frame: ClientFrame): boolean {
    if (!this.open || !this.ws) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  start(): void {
    if (!this.ws && this.timer === undefined) void this.connect();
  }

  private async connect(): Promise<void> {
    this.timer = undefined;
    const session = await this.api.session();
    if (!session.ok) {
      if (SIGNED_OUT.has(session.error.code)) this.events.signedOut(session.error);
      else this.reconnectSoon();
      return;
    }
    const ws = new WebSocket(session.value.socket_url);
    this.ws = ws;
    ws.onopen = () =>
      ws.send(
        JSON.stringify({ type: "hello", last_seq: this.events.lastSeq() } satisfies ClientFrame),
      );
    ws.onmessage = (event) => {
      const frame = parseFrame(event.data);
      if (!frame) return;
      if (frame.type === "welcome") {
        this.attempt = 0;
        this.open = true;
        clearInterval(this.ping);
        this.ping = setInterval(() => ws.send(PING_TEXT), PING_MS);
        this.events.state(true);
      }
      this.events.frame(frame);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.open = false;
      clearInterval(this.ping);
      this.events.state(false);
      this.reconnectSoon();
    };
  }

  private reconnectSoon(afterMs?: number): void {
    if (this.ws) return;
    clearTimeout(this.timer);
    const backoff = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempt);
    this.attempt += 1;
    this.timer = setTimeout(
      () => void this.connect(),
      afterMs ?? backoff / 2 + Math.random() * (backoff / 2),
    );
  }
}
