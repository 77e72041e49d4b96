// The room's messaging-channel side: sends each frame to the Telegram or WhatsApp adapter of the route
// its turn came from (reply-routes.ts), so a person who linked both channels gets each answer where
// they asked. Frames that name no turn (typing) belong to the turn being answered, the head of the
// outbox; anything else follows the route the user wrote from last, or the room's own channel.
import type { ServerFrame } from "@coach/contracts/socket";
import type { Logger } from "../../worker/lib/logger";
import type { Outbox } from "./outbox";
import type { ReplyRoute, ReplyRoutes } from "./reply-routes";
import type { RoomMeta } from "./room-meta";
import type { ChannelAdapter } from "./socket-hub";
import { TelegramAdapter } from "./telegram-adapter";
import { WhatsAppAdapter } from "./whatsapp-adapter";

export type ChannelRouterDeps = {
  env: Env;
  logger: Logger;
  meta: RoomMeta;
  routes: ReplyRoutes;
  outbox: Outbox;
};

/** The route of the room's own channel (the one it was opened on), if it has one. */
export function metaRoute(meta: RoomMeta): ReplyRoute | null {
  if (meta.channel === "web" || !meta.channelId || !meta.externalChatId) return null;
  return { channel: meta.channel, channelId: meta.channelId, externalChatId: meta.externalChatId, contactId: meta.contactId };
}

export class ChannelRouter implements ChannelAdapter {
  // One adapter per route, so Telegram's renewed typing action is started and stopped on one chat.
  private readonly adapters = new Map<string, ChannelAdapter>();

  constructor(private readonly deps: ChannelRouterDeps) {}

  deliver(frame: ServerFrame): Promise<void> | void {
    const route = this.routeOf(frame);
    return route ? this.adapterFor(route).deliver(frame) : undefined;
  }

  private routeOf(frame: ServerFrame): ReplyRoute | null {
    const { routes, outbox, meta } = this.deps;
    const turnId = "turn_id" in frame && typeof frame.turn_id === "string" ? frame.turn_id : outbox.head()?.turnId;
    return (turnId ? routes.forTurn(turnId) : null) ?? routes.latest() ?? metaRoute(meta);
  }

  private adapterFor(route: ReplyRoute): ChannelAdapter {
    const key = `${route.channel}:${route.channelId}:${route.externalChatId}`;
    let adapter = this.adapters.get(key);
    if (!adapter) {
      const deps = { env: this.deps.env, logger: this.deps.logger, meta: { ...this.deps.meta, ...route } };
      adapter = route.channel === "telegram" ? new TelegramAdapter(deps) : new WhatsAppAdapter(deps);
      this.adapters.set(key, adapter);
    }
    return adapter;
  }
}
