// The workspace closed (workspace/close-workspace.ts): the room drops its waiting turns and channel
// retries, and every socket hears why before it is closed. The log stays until the workspace is erased.
import type { ChannelRetries } from "./channel-retries";
import type { Outbox } from "./outbox";
import type { SocketHub } from "./socket-hub";
import type { TurnProcessor } from "./turn-processor";

export type ClosableRoom = {
  ctx: DurableObjectState;
  outbox: Outbox;
  retries: ChannelRetries;
  turns: TurnProcessor;
  hub: SocketHub;
};

/** Closes every socket with `closeCode` after an `error {frame}`; answers how many were closed. */
export function closeRoom(
  room: ClosableRoom,
  frame: { code: string; message: string },
  closeCode: number,
): number {
  room.outbox.clear();
  room.retries.clear();
  room.turns.stop();
  const sockets = room.ctx.getWebSockets();
  for (const ws of sockets) {
    room.hub.send(ws, { type: "error", ...frame });
    ws.close(closeCode, frame.code);
  }
  return sockets.length;
}
