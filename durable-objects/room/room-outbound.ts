// What the room does around a message it sends on its own (outbound-message.ts sends it): a proactive
// one marks the conversation coached, it follows the route the user wrote from last, the first message
// raises `conversation.created`, and its quick replies go on offer. Separate from the room so the
// Durable Object's RPC method only binds and delegates.
import type { ServerFrame } from "@coach/contracts/socket";
import type { Logger } from "../../worker/lib/logger";
import { metaRoute } from "./channel-router";
import type { ChannelPost } from "./channel-post";
import type { ChannelSenders } from "./channel-senders";
import type { MessageLog } from "./message-log";
import { sendOutboundMessage, type OutboundInput, type OutboundResult } from "./outbound-message";
import type { PendingQuickReplies } from "./pending-quick-replies";
import type { ReplyRoutes } from "./reply-routes";
import type { RoomMeta, RoomState } from "./room-meta";
import type { SocketHub } from "./socket-hub";

export type RoomOutboundDeps = {
  env: Env;
  state: RoomState;
  log: MessageLog;
  routes: ReplyRoutes;
  quickReplies: PendingQuickReplies;
  hub: SocketHub;
  senders: ChannelSenders;
  post: ChannelPost;
  logger: Logger;
  emit(type: "conversation.created", data: Record<string, unknown>): void;
  markIndexDirty(): void;
};

/** Stores and delivers `input` in the conversation of `meta`, the room's own. */
export async function sendFromRoom(
  deps: RoomOutboundDeps,
  meta: RoomMeta,
  input: OutboundInput,
): Promise<OutboundResult> {
  const firstMessage = deps.log.lastSeq() === 0;
  if (input.source === "proactive") deps.state.markCoached();
  const route = deps.routes.latest() ?? metaRoute(meta);
  const broadcast = (frame: ServerFrame) => {
    deps.hub.deliver(frame);
    return deps.hub.readyCount();
  };
  const result = await sendOutboundMessage(
    {
      env: deps.env,
      log: deps.log,
      meta,
      route,
      senders: deps.senders,
      post: deps.post,
      logger: deps.logger,
      broadcast,
      onStored: () => deps.markIndexDirty(),
    },
    input,
  );
  if (firstMessage && result.seq > 0 && !result.duplicate)
    deps.emit("conversation.created", { first_seq: result.seq });
  if (result.seq > 0 && !result.duplicate && input.quick_replies?.length)
    deps.quickReplies.offer(result.seq, input.quick_replies);
  return result;
}
