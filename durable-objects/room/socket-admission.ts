// A socket upgrade forwarded by the Worker: refused as JSON when the conversation was erased, 404 when
// the headers do not name this room's conversation, told why and closed when the socket limits refuse
// it (outside the hibernation set), otherwise accepted with its identity in its attachment.
import { conversationErased } from "../../worker/lib/errors";
import { ROOM_HEADERS } from "../../worker/lib/rooms";
import { metaFromHeaders, type RoomState } from "./room-meta";
import type { SocketGuard } from "./socket-guard";
import type { SocketHub } from "./socket-hub";

export type AdmissionDeps = {
  ctx: DurableObjectState;
  state: RoomState;
  guard: SocketGuard;
  hub: SocketHub;
};

export function admitSocket(deps: AdmissionDeps, request: Request): Response {
  if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
    return new Response("Expected a WebSocket upgrade.", { status: 426 });
  }
  if (deps.state.erasedAt() !== null) {
    const refusal = conversationErased();
    return Response.json(
      { error: { code: refusal.code, message: refusal.message } },
      { status: refusal.status },
    );
  }
  const meta = metaFromHeaders(request.headers);
  if (!meta || !deps.state.bind(meta))
    return new Response("Unknown conversation.", { status: 404 });
  const subjectId = request.headers.get(ROOM_HEADERS.subject) ?? "unknown";
  const pair = new WebSocketPair();
  const refusal = deps.guard.admit(subjectId, deps.ctx.getWebSockets().length);
  if (refusal) {
    pair[1].accept();
    deps.guard.refuseSocket(pair[1], refusal);
    return new Response(null, { status: 101, webSocket: pair[0] });
  }
  deps.ctx.acceptWebSocket(pair[1]);
  deps.hub.setIdentity(pair[1], {
    socketId: crypto.randomUUID(),
    subjectId,
    connectedAt: Date.now(),
    ready: false,
  });
  return new Response(null, { status: 101, webSocket: pair[0] });
}
