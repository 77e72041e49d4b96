// What a client may ask of a room: how many sockets a conversation holds, how fast a visitor opens them,
// and how many frames of each kind a socket sends, all kept in the room's token buckets. A refused frame
// is answered `error {code: "rate_limited", retry_after}`; a socket that keeps sending after being told
// to wait is closed as a flood. Refused sockets are accepted only to be told why and closed, since a
// browser cannot read the status of a refused upgrade.
import { SOCKET_CLOSE_CODES, type ServerFrame } from "@coach/contracts/socket";
import type { RateLimits, SocketFrameKind } from "../../worker/lib/rate-limits";
import type { RoomBuckets } from "./room-buckets";
import type { SocketHub, SocketIdentity } from "./socket-hub";

type ErrorFrame = Extract<ServerFrame, { type: "error" }>;

/** Why a new socket may not open: the frame it is told, and the code it is closed with. */
export type SocketRefusal = { frame: ErrorFrame; closeCode: number };

function waitSeconds(seconds: number): number {
  return Math.max(1, Math.ceil(seconds));
}

export class SocketGuard {
  constructor(
    private readonly buckets: RoomBuckets,
    private readonly hub: SocketHub,
    private readonly limits: () => RateLimits,
  ) {}

  /** Whether `subject` may open one more socket beside the `open` ones; null when it may. */
  admit(subject: string, open: number, now: number = Date.now()): SocketRefusal | null {
    const { socketsPerConversation, socketOpen } = this.limits();
    // The new socket is refused, never an open one closed: a reconnecting tab cannot push a live one out.
    if (open >= socketsPerConversation) {
      return {
        frame: {
          type: "error",
          code: "too_many_sockets",
          message: `This conversation already has ${socketsPerConversation} open connections. Close one, then try again.`,
        },
        closeCode: SOCKET_CLOSE_CODES.tooManySockets,
      };
    }
    const opened = this.buckets.takeAll([`open:${subject}`], socketOpen, now);
    if (opened.allowed) return null;
    const retryAfter = waitSeconds(opened.retryAfterSeconds);
    return {
      frame: {
        type: "error",
        code: "rate_limited",
        message: `Connections are opened too quickly. Try again in ${retryAfter} s.`,
        retry_after: retryAfter,
      },
      closeCode: SOCKET_CLOSE_CODES.rateLimited,
    };
  }

  /** Refuses `ws` as `refusal` says. */
  refuseSocket(ws: WebSocket, refusal: SocketRefusal): void {
    this.hub.send(ws, refusal.frame);
    this.close(ws, refusal.closeCode, refusal.frame.code);
  }

  /**
   * Takes a token for a frame of `kind` (messages have their own limits, per visitor and conversation);
   * false when the frame was refused, and then the client has been told.
   */
  allowFrame(
    ws: WebSocket,
    identity: SocketIdentity,
    kind: SocketFrameKind,
    now: number = Date.now(),
  ): boolean {
    const taken = this.buckets.takeAll(
      [`socket:${identity.socketId}:${kind}`],
      this.limits().socketFrames[kind],
      now,
    );
    if (taken.allowed) return true;
    const retryAfter = waitSeconds(taken.retryAfterSeconds);
    this.refused(
      ws,
      identity,
      {
        type: "error",
        code: "rate_limited",
        message: `Too many ${kind === "invalid" ? "malformed" : `"${kind}"`} frames. Wait ${retryAfter} s.`,
        retry_after: retryAfter,
      },
      now,
    );
    return false;
  }

  /** Sends a refusal (this guard's or the room's own) and closes the socket once it has been refused too often. */
  refused(
    ws: WebSocket,
    identity: SocketIdentity,
    frame: ErrorFrame,
    now: number = Date.now(),
  ): void {
    this.hub.send(ws, frame);
    const patience = this.buckets.takeAll(
      [`socket:${identity.socketId}:refused`],
      this.limits().socketFlood,
      now,
    );
    if (!patience.allowed) this.close(ws, SOCKET_CLOSE_CODES.rateLimited, "rate_limited");
  }

  /** Forgets a closed socket's buckets. */
  forget(identity: SocketIdentity): void {
    this.buckets.forget(`socket:${identity.socketId}:`);
  }

  private close(ws: WebSocket, code: number, reason: string): void {
    try {
      ws.close(code, reason);
    } catch {
      // Already closing.
    }
  }
}
