// A socket's `hello`: welcome, then everything after the client's last seen seq (in pages), the quick
// replies still on offer under their message (so chips survive a reload), the answer being streamed,
// and the takeover in force. Only then does the socket join the broadcasts, so its history and the
// live frames stay in order.
import { SOCKET_PROTOCOL_VERSION } from "@coach/contracts/socket";
import type { MessageLog } from "./message-log";
import type { PendingQuickReplies } from "./pending-quick-replies";
import type { SocketHub, SocketIdentity } from "./socket-hub";
import { humanJoinedNotice, type TakeoverState } from "./takeover-state";
import type { TurnProcessor } from "./turn-processor";

export const HISTORY_PAGE = 500;

export type ResumeDeps = {
  conversationId: string;
  hub: SocketHub;
  log: MessageLog;
  quickReplies: PendingQuickReplies;
  turns: TurnProcessor;
  takeovers: TakeoverState;
};

export function resumeSocket(
  deps: ResumeDeps,
  ws: WebSocket,
  identity: SocketIdentity,
  lastSeq: number,
): void {
  const { hub, log } = deps;
  hub.send(ws, {
    type: "welcome",
    protocol: SOCKET_PROTOCOL_VERSION,
    conversation_id: deps.conversationId,
    last_seq: log.lastSeq(),
  });
  const offer = deps.quickReplies.offered();
  let after = lastSeq;
  for (;;) {
    const page = log.after(after, HISTORY_PAGE);
    for (const message of page)
      hub.send(ws, {
        type: "message",
        ...message,
        ...(offer?.seq === message.seq ? { quick_replies: offer.replies } : {}),
      });
    if (page.length < HISTORY_PAGE) break;
    after = page[page.length - 1]?.seq ?? after;
  }
  const inFlight = deps.turns.inFlight();
  if (inFlight && inFlight.text)
    hub.send(ws, { type: "delta", turn_id: inFlight.turnId, offset: 0, text: inFlight.text });
  const takeover = deps.takeovers.current();
  if (takeover) hub.send(ws, humanJoinedNotice(takeover));
  hub.setIdentity(ws, { ...identity, ready: true });
}
