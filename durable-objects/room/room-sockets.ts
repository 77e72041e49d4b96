// A room's sockets as the Durable Object's handlers meet them: an upgrade is admitted, each frame is
// handled (on an erased room the socket is told so and closed), and a closed socket is dropped from the
// broadcasts with its frame limits. Separate from the room so its socket handlers are delegations, and
// what frame handling needs is built once here (every socket frame uses it).
import type { ServerFrame } from "@coach/contracts/socket";
import type { Logger } from "../../worker/lib/logger";
import { rateLimits } from "../../worker/lib/rate-limits";
import type { MessageIntake } from "./message-intake";
import type { MessageLog } from "./message-log";
import type { PendingQuickReplies } from "./pending-quick-replies";
import { closeErased } from "./room-erasure";
import type { RoomBuckets } from "./room-buckets";
import type { RoomMeta, RoomState } from "./room-meta";
import { admitSocket } from "./socket-admission";
import { handleSocketData, type FrameDeps } from "./socket-frames";
import { SocketGuard } from "./socket-guard";
import type { SocketHub } from "./socket-hub";
import type { TakeoverState } from "./takeover-state";
import type { TurnProcessor } from "./turn-processor";

export type RoomSocketsDeps = {
  ctx: DurableObjectState;
  env: Env;
  state: RoomState;
  buckets: RoomBuckets;
  quickReplies: PendingQuickReplies;
  takeovers: TakeoverState;
  hub: SocketHub;
  log: MessageLog;
  turns: TurnProcessor;
  intake: MessageIntake;
  logger: Logger;
  meta(): RoomMeta;
  /** Sends a frame to every adapter of the room (sockets, the messaging channel). */
  deliver(frame: ServerFrame): void;
};

export class RoomSockets {
  private readonly guard: SocketGuard;
  private readonly frames: FrameDeps;

  constructor(private readonly deps: RoomSocketsDeps) {
    const { env, hub, log, turns, intake, logger } = deps;
    this.guard = new SocketGuard(deps.buckets, hub, () => rateLimits(env));
    const resume = () => ({
      conversationId: deps.meta().conversationId,
      hub,
      log,
      quickReplies: deps.quickReplies,
      turns,
      takeovers: deps.takeovers,
    });
    this.frames = {
      db: env.DB,
      logger,
      hub,
      guard: this.guard,
      log,
      turns,
      intake,
      meta: () => deps.meta(),
      resume,
      deliver: (frame) => deps.deliver(frame),
    };
  }

  /** Accepts a socket upgrade forwarded by the Worker (see socket-admission.ts). */
  admit(request: Request): Response {
    const { ctx, state, hub } = this.deps;
    return admitSocket({ ctx, state, guard: this.guard, hub }, request);
  }

  async message(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    if (this.deps.state.erasedAt() !== null) return closeErased(this.deps.hub, ws);
    await handleSocketData(this.frames, ws, data);
  }

  /** Closes our end of a socket the client closed, and tells the others how many remain. */
  closed(ws: WebSocket, code: number): void {
    this.forget(ws);
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, "closing");
    } catch {
      // Already closed.
    }
    if (this.deps.state.erasedAt() !== null) return;
    this.deps.deliver({ type: "presence", sockets: this.deps.hub.readyCount() });
  }

  /** Drops a closed socket from the broadcast set and its frame limits from storage (gone with an erasure). */
  forget(ws: WebSocket): void {
    this.deps.hub.remove(ws);
    const identity = this.deps.hub.identity(ws);
    if (identity && this.deps.state.erasedAt() === null) this.guard.forget(identity);
  }
}
