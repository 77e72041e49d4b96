// A reply the person missed: an answer to a question asked on a socket (the widget or the app), or on
// a web conversation's own route, stored while no socket of theirs was open, is pushed to their
// companion app's devices (worker/push/push-reply.ts), in the background.
import type { ServerFrame } from "@coach/contracts/socket";
import type { Logger } from "../../worker/lib/logger";
import { pushReply } from "../../worker/push/push-reply";
import { SOCKET_ORIGIN, type ReplyRoutes } from "./reply-routes";
import type { RoomMeta } from "./room-meta";
import type { SocketHub } from "./socket-hub";

export type AwayPushDeps = {
  env: Env;
  ctx: DurableObjectState;
  hub: SocketHub;
  routes: ReplyRoutes;
  logger: Logger;
  meta: () => RoomMeta;
};

/** Pushes `frame` to the person's app when it is a complete web answer nobody is there to read. */
export function pushIfAway(deps: AwayPushDeps, frame: ServerFrame): void {
  if (frame.type !== "done" || frame.status !== "complete" || deps.hub.readyCount() > 0) return;
  const origin = deps.routes.forTurn(frame.turn_id);
  // Asked in the app (or the widget): pushed there, whichever channel the conversation began on.
  if (origin === SOCKET_ORIGIN) return pushToDevices(deps, frame.seq, frame.text);
  // A turn on a messaging channel is answered there (room/channel-router.ts picks the same way).
  if (origin ?? deps.routes.latest()) return;
  pushToApp(deps, frame.seq, frame.text);
}

/** Pushes message `seq` of a web conversation to the person's app devices. */
export function pushToApp(deps: AwayPushDeps, seq: number, text: string): void {
  if (deps.meta().channel === "web") pushToDevices(deps, seq, text);
}

function pushToDevices(deps: AwayPushDeps, seq: number, text: string): void {
  const { tenantId, conversationId, contactId } = deps.meta();
  if (!contactId) return;
  const message = { conversationId, seq, text };
  deps.ctx.waitUntil(pushReply(deps.env, tenantId, contactId, message, deps.logger));
}
