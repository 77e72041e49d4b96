// The room's open channel senders, one per reply route. Opening one reads the channel's row and
// decrypts its credentials; an answer's typing ticks and parts, and the check-ins that follow, reuse
// it. A sender is kept for a minute, so a disconnected channel or rotated token is seen within that,
// and forgotten at once when the platform refuses a send.
import type { ChannelSender, SenderTarget } from "../../worker/channels/channel-sender";
import { openChannelSender } from "../../worker/channels/open-channel-sender";
import type { Logger } from "../../worker/lib/logger";
import type { ReplyRoute } from "./reply-routes";
import type { RoomMeta } from "./room-meta";

const KEEP_MS = 60_000;

/** Who a reply on `route` goes to, in the conversation `meta` describes. */
export function senderTarget(meta: RoomMeta, route: ReplyRoute): SenderTarget {
  return {
    tenantId: meta.tenantId,
    conversationId: meta.conversationId,
    channel: route.channel,
    channelId: route.channelId,
    externalChatId: route.externalChatId,
    contactId: route.contactId ?? meta.contactId,
  };
}

export class ChannelSenders {
  private readonly open = new Map<
    string,
    { sender: Promise<ChannelSender | null>; until: number }
  >();

  constructor(
    private readonly env: Env,
    private readonly logger: Logger,
  ) {}

  /** The route's sender, or null when its channel is disconnected (not remembered: it may come back). */
  async get(target: SenderTarget): Promise<ChannelSender | null> {
    const key = keyOf(target);
    const kept = this.open.get(key);
    if (kept && kept.until > Date.now()) return kept.sender;
    const sender = openChannelSender(this.env, target, this.logger);
    this.open.set(key, { sender, until: Date.now() + KEEP_MS });
    try {
      const opened = await sender;
      if (!opened) this.open.delete(key);
      return opened;
    } catch (err) {
      this.open.delete(key);
      throw err;
    }
  }

  /** Drops the route's sender, so the next message reads the channel again. */
  forget(target: SenderTarget): void {
    this.open.delete(keyOf(target));
  }
}

function keyOf(target: SenderTarget): string {
  return `${target.channel}:${target.channelId}:${target.externalChatId}`;
}
