// A benchmark socket client that behaves like the widget (widget/src/panel): it says `hello {last_seq}`
// with the last sequence number it saw, reconnects with back-off when the socket drops, and re-sends every
// message not yet acknowledged under its own client id. It also checks what it receives: every stored
// sequence number must arrive once and in increasing order, on every connection.
import WebSocket from "ws";
import type { ServerFrame } from "@coach/contracts/socket";
import { BENCH_ORIGIN } from "./edge-stack";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one client counted over a run, all zero at the start. */
function emptyTally() {
  return {
    connections: 0,
    drops: 0,
    resent: 0,
    acks: 0,
    duplicate_acks: 0,
    /** Stored seqs received a second time (history replay or live). */
    seq_repeats: 0,
    /** Seq-bearing frames that arrived out of order on one connection. */
    seq_regressions: 0,
    notices: {} as Record<string, number>,
    errors: {} as Record<string, number>,
    done: 0,
  };
}

export type ClientTally = ReturnType<typeof emptyTally>;

export class ResilientClient {
  readonly tally: ClientTally = emptyTally();
  /** client_id → text, until acknowledged. */
  readonly unacked = new Map<string, string>();
  readonly sent = new Set<string>();
  private readonly seen = new Set<number>();
  private lastSeq = 0;
  private ws: WebSocket | null = null;
  private closed = false;
  private connecting: Promise<void> | null = null;
  private connectedOnce: (() => void) | undefined;

  constructor(
    readonly socketUrl: string,
    private readonly onFrame: (frame: ServerFrame, at: number) => void = () => {},
  ) {}

  /** Connects (and keeps reconnecting until close()); resolves at the first welcome. */
  start(): Promise<void> {
    const ready =
      this.tally.connections > 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => (this.connectedOnce = resolve));
    this.connecting ??= this.connectLoop();
    return ready;
  }

  /** Sends a message now if connected; it is re-sent on every reconnect until acknowledged. */
  send(clientId: string, text: string): void {
    this.sent.add(clientId);
    this.unacked.set(clientId, text);
    this.trySend(clientId, text);
  }

  /** Cuts the connection abruptly, as a lost network would. */
  cut(): void {
    this.ws?.terminate();
  }

  close(): void {
    this.closed = true;
    this.ws?.close(1000, "done");
  }

  private trySend(clientId: string, text: string): void {
    if (this.ws?.readyState === WebSocket.OPEN)
      this.ws.send(JSON.stringify({ type: "message", client_id: clientId, text }));
  }

  private async connectLoop(): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      const welcomed = await this.connectOnce();
      if (welcomed) attempt = 0;
      if (this.closed) return;
      this.tally.drops++;
      // Exponential back-off with jitter, capped low: the stack is local.
      await sleep(Math.min(2000, 100 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random() / 2));
    }
  }

  /** One connection's life; resolves when it ends, true if it was welcomed. */
  private connectOnce(): Promise<boolean> {
    return new Promise((resolve) => {
      let welcomed = false;
      let maxOnThisConnection = -1;
      const ws = new WebSocket(this.socketUrl, { headers: { Origin: BENCH_ORIGIN } });
      this.ws = ws;
      ws.on("open", () => ws.send(JSON.stringify({ type: "hello", last_seq: this.lastSeq })));
      ws.on("message", (data) => {
        const at = performance.now();
        const frame = JSON.parse(String(data)) as ServerFrame;
        const seq = this.storedSeq(frame);
        if (seq !== undefined) {
          if (seq <= maxOnThisConnection) this.tally.seq_regressions++;
          maxOnThisConnection = Math.max(maxOnThisConnection, seq);
          if (this.seen.has(seq)) this.tally.seq_repeats++;
          this.seen.add(seq);
          this.lastSeq = Math.max(this.lastSeq, seq);
        }
        if (frame.type === "welcome") {
          welcomed = true;
          this.tally.connections++;
          if (this.tally.connections === 1) this.connectedOnce?.();
          for (const [clientId, text] of this.unacked) {
            this.tally.resent++;
            this.trySend(clientId, text);
          }
        } else if (frame.type === "ack") {
          this.unacked.delete(frame.client_id);
          this.tally.acks++;
          if (frame.duplicate) this.tally.duplicate_acks++;
        } else if (frame.type === "done") this.tally.done++;
        else if (frame.type === "notice")
          this.tally.notices[frame.code] = (this.tally.notices[frame.code] ?? 0) + 1;
        else if (frame.type === "error")
          this.tally.errors[frame.code] = (this.tally.errors[frame.code] ?? 0) + 1;
        this.onFrame(frame, at);
      });
      ws.on("error", () => {});
      ws.on("close", () => resolve(welcomed));
    });
  }

  /** The seq of a frame that carries a newly stored message (a duplicate ack names an old one). */
  private storedSeq(frame: ServerFrame): number | undefined {
    if (frame.type === "message" || frame.type === "done") return frame.seq;
    if (frame.type === "ack" && !frame.duplicate) return frame.seq;
    return undefined;
  }
}
