// Where a room's frames go: to its sockets always, and to its messaging channel (Telegram, WhatsApp,
// routed per turn) once its meta names one. Channel adapters send over HTTP, so the object is kept
// alive until they are done. Separate from the room so attaching the channel and fanning frames out
// to every adapter stay one job.
import type { ServerFrame } from "@coach/contracts/socket";
import { describeError, type Logger } from "../../worker/lib/logger";
import { ChannelRouter } from "./channel-router";
import type { ChannelPost } from "./channel-post";
import type { ChannelSenders } from "./channel-senders";
import type { Outbox } from "./outbox";
import type { ReplyRoutes } from "./reply-routes";
import type { RoomMeta } from "./room-meta";
import type { ChannelAdapter, SocketHub } from "./socket-hub";

export type AdapterDeps = {
  ctx: DurableObjectState;
  env: Env;
  logger: Logger;
  hub: SocketHub;
  routes: ReplyRoutes;
  outbox: Outbox;
  senders: ChannelSenders;
  post: ChannelPost;
};

export class RoomAdapters {
  private readonly adapters: ChannelAdapter[];
  private channelAttached = false;

  constructor(private readonly deps: AdapterDeps) {
    this.adapters = [deps.hub];
  }

  /** Adds the room's messaging-channel side (Telegram, WhatsApp, routed per turn) once its meta names a channel. */
  attachChannel(meta: RoomMeta): void {
    if (this.channelAttached || !meta.channelId || !meta.externalChatId) return;
    this.adapters.push(
      new ChannelRouter({
        env: this.deps.env,
        logger: this.deps.logger,
        meta,
        routes: this.deps.routes,
        outbox: this.deps.outbox,
        senders: this.deps.senders,
        post: this.deps.post,
      }),
    );
    this.channelAttached = true;
  }

  /** Sends a frame to every adapter. */
  deliver(frame: ServerFrame): void {
    for (const adapter of this.adapters) {
      const sending = adapter.deliver(frame);
      // Channel adapters send over HTTP: keep the object alive until they are done.
      if (sending)
        this.deps.ctx.waitUntil(
          sending.catch((err: unknown) =>
            this.deps.logger.error("channel delivery failed", describeError(err)),
          ),
        );
    }
  }
}
