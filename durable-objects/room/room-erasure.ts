// Erasing a conversation's room (GDPR): waiting turns are dropped, the answer being streamed is stopped
// and stored, the sockets are told and closed with 4410, then the storage is wiped and a tombstone
// written, so the room refuses everything for good (see RoomState.erasedAt).
import { SOCKET_CLOSE_CODES } from "@coach/contracts/socket";
import { conversationErased } from "../../worker/lib/errors";
import type { MessageLog } from "./message-log";
import type { Outbox } from "./outbox";
import type { RoomState } from "./room-meta";
import type { SocketHub } from "./socket-hub";
import type { TurnProcessor } from "./turn-processor";

export type ErasableRoom = {
  ctx: DurableObjectState;
  state: RoomState;
  log: MessageLog;
  outbox: Outbox;
  turns: TurnProcessor;
  hub: SocketHub;
};

const STOP_WAIT_MS = 5_000;

/** Tells a socket its conversation was erased and closes it with 4410. */
export function closeErased(hub: SocketHub, ws: WebSocket): void {
  const refusal = conversationErased();
  hub.send(ws, { type: "error", code: refusal.code, message: refusal.message });
  try {
    ws.close(SOCKET_CLOSE_CODES.conversationErased, "conversation erased");
  } catch {
    // Already closed.
  }
}

/**
 * Waits for an answer that `stop` interrupted to be stored (it is, in the same step that clears the turn
 * in flight), so nothing writes to the storage after it is wiped. Bounded: the abort ends the bridge call.
 */
async function turnStopped(turns: TurnProcessor): Promise<void> {
  for (let waited = 0; turns.inFlight() && waited < STOP_WAIT_MS; waited += 20)
    await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Erases the room; idempotent. Answers how many messages and waiting turns went. */
export async function eraseRoom(
  room: ErasableRoom,
): Promise<{ messages: number; pending_turns: number }> {
  if (room.state.erasedAt() !== null) return { messages: 0, pending_turns: 0 };
  const messages = room.log.count();
  const pendingTurns = room.outbox.clear();
  room.turns.stop();
  await turnStopped(room.turns);
  for (const ws of room.ctx.getWebSockets()) closeErased(room.hub, ws);
  await room.ctx.storage.deleteAlarm();
  await room.ctx.storage.deleteAll();
  room.state.markErased();
  return { messages, pending_turns: pendingTurns };
}
