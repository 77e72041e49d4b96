// The room's messaging-channel side: sends each frame to the delivery of the route its turn came from
// (reply-routes.ts), so a person who linked both channels gets each answer where they asked, and one
// who asked in the widget or the app gets it there and not also on their chat. Frames that name no
// turn (typing) belong to the turn being answered, the head of the outbox; anything else follows the
// channel route the user wrote from last, or the room's own channel.
import type { ServerFrame } from "@coach/contracts/socket";
import type { Logger } from "../../worker/lib/logger";
import { ChannelDelivery } from "./channel-delivery";
import type { ChannelPost } from "./channel-post";
import { senderTarget, type ChannelSenders } from "./channel-senders";
import type { Outbox } from "./outbox";
import { SOCKET_ORIGIN, type ReplyRoute, type ReplyRoutes } from "./reply-routes";
import type { RoomMeta } from "./room-meta";
import type { ChannelAdapter } from "./socket-hub";

export type ChannelRouterDeps = {
  env: Env;
  logger: Logger;
  meta: RoomMeta;
  routes: ReplyRoutes;
  outbox: Outbox;
  senders: ChannelSenders;
  post: ChannelPost;
};

/** The route of the room's own channel (the one it was opened on), if it has one. */
export function metaRoute(meta: RoomMeta): ReplyRoute | null {
  if (meta.channel === "web" || !meta.channelId || !meta.externalChatId) return null;
  return {
    channel: meta.channel,
    channelId: meta.channelId,
    externalChatId: meta.externalChatId,
    contactId: meta.contactId,
  };
}

export class ChannelRouter implements ChannelAdapter {
  // One delivery per route, so a renewed typing indicator is started and stopped on one chat.
  private readonly deliveries = new Map<string, ChannelDelivery>();

  constructor(private readonly deps: ChannelRouterDeps) {}

  deliver(frame: ServerFrame): Promise<void> | void {
    const route = this.routeOf(frame);
    return route ? this.deliveryFor(route).deliver(frame) : undefined;
  }

  private routeOf(frame: ServerFrame): ReplyRoute | null {
    const { routes, outbox, meta } = this.deps;
    const turnId =
      "turn_id" in frame && typeof frame.turn_id === "string"
        ? frame.turn_id
        : outbox.head()?.turnId;
    const origin = turnId ? routes.forTurn(turnId) : null;
    // Asked on a socket (the widget, the app): answered there, not on a chat the person also uses.
    if (origin === SOCKET_ORIGIN) return null;
    return origin ?? routes.latest() ?? metaRoute(meta);
  }

  private deliveryFor(route: ReplyRoute): ChannelDelivery {
    const key = `${route.channel}:${route.channelId}:${route.externalChatId}`;
    let delivery = this.deliveries.get(key);
    if (!delivery) {
      const { env, logger, senders, post, meta } = this.deps;
      delivery = new ChannelDelivery({
        env,
        logger,
        senders,
        post,
        target: senderTarget(meta, route),
      });
      this.deliveries.set(key, delivery);
    }
    return delivery;
  }
}
