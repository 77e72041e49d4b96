// What a room does with a frame from one of its sockets: every frame is counted against the socket's
// limits (malformed ones too; messages have their own limits, per visitor and conversation), then
// answered by kind. A refusal is the API's coded error as an `error` frame; a rate-limit refusal also
// counts towards closing a flooding socket.
import type { ClientFrame, ServerFrame } from "@coach/contracts/socket";
import { AppError } from "../../worker/lib/errors";
import { describeError, type Logger } from "../../worker/lib/logger";
import { identifyContact } from "./identify-contact";
import type { MessageIntake } from "./message-intake";
import type { MessageLog } from "./message-log";
import { parseClientFrame } from "./parse-frame";
import { resumeSocket, type ResumeDeps } from "./resume-socket";
import type { RoomMeta } from "./room-meta";
import type { SocketGuard } from "./socket-guard";
import type { SocketHub, SocketIdentity } from "./socket-hub";
import { socketRefusal } from "./socket-refusal";
import type { TurnProcessor } from "./turn-processor";

export type FrameDeps = {
  db: D1Database;
  logger: Logger;
  hub: SocketHub;
  guard: SocketGuard;
  log: MessageLog;
  turns: TurnProcessor;
  intake: MessageIntake;
  meta(): RoomMeta;
  resume(): ResumeDeps;
  /** Sends a frame to every adapter of the room (sockets, the messaging channel). */
  deliver(frame: ServerFrame): void;
};

export async function handleSocketData(
  deps: FrameDeps,
  ws: WebSocket,
  data: string | ArrayBuffer,
): Promise<void> {
  const identity = deps.hub.identity(ws);
  if (!identity) return;
  const parsed = parseClientFrame(data);
  const kind = parsed.ok ? parsed.frame.type : "invalid";
  if (kind !== "message" && !deps.guard.allowFrame(ws, identity, kind)) return;
  if (!parsed.ok) return deps.hub.send(ws, parsed.error);
  const frame = parsed.frame;
  try {
    await handleFrame(deps, ws, identity, frame);
  } catch (err) {
    if (err instanceof AppError) {
      const refusal = socketRefusal(err, frame);
      if (err.code === "rate_limited") deps.guard.refused(ws, identity, refusal);
      else deps.hub.send(ws, refusal);
      return;
    }
    deps.logger.error("socket frame failed", describeError(err));
    deps.hub.send(ws, {
      type: "error",
      code: "internal_error",
      message: "Something went wrong on our side. Please try again.",
    });
  }
}

async function handleFrame(
  deps: FrameDeps,
  ws: WebSocket,
  identity: SocketIdentity,
  frame: ClientFrame,
): Promise<void> {
  switch (frame.type) {
    case "hello":
      resumeSocket(deps.resume(), ws, identity, frame.last_seq);
      return deps.deliver({ type: "presence", sockets: deps.hub.readyCount() });
    case "message":
      deps.intake.accept(
        {
          clientId: frame.client_id,
          text: frame.text,
          author: identity.subjectId,
          quickReplyId: frame.quick_reply_id,
        },
        ws,
      );
      return;
    case "typing":
      return deps.hub.deliver({ type: "typing", role: "user", active: true }, ws);
    case "read":
      return deps.hub.deliver({ type: "read", seq: Math.min(frame.seq, deps.log.lastSeq()) }, ws);
    case "stop":
      return deps.turns.stop();
    case "ping":
      return deps.hub.send(ws, { type: "pong" });
    case "identify":
      return identifyContact(deps.db, deps.meta(), frame.name, frame.email);
  }
}
