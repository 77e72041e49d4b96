// What the Telegram and WhatsApp adapters share: their dependencies, the credentials lookup (the
// room's own tenant and channel only), and the one sentence a waiting user is sent.
import type { ChannelEntry } from "../../worker/db/channel-directory";
import { findChannelById, touchChannel } from "../../worker/db/channel-directory";
import { describeError, type Logger } from "../../worker/lib/logger";
import type { RoomMeta } from "./room-meta";

export type ChannelAdapterDeps = {
  env: Env;
  meta: RoomMeta & { channelId: string; externalChatId: string };
  logger: Logger;
};

/** Sent once per turn when the coach is busy or offline; the answer follows when it is ready. */
export const WILL_ANSWER_SHORTLY = "The coach is busy right now. Your answer will follow shortly.";

/** The room's channel, if it is still connected and belongs to the room's tenant. */
export async function connectedChannel(deps: ChannelAdapterDeps): Promise<ChannelEntry | null> {
  const { env, meta } = deps;
  const channel = await findChannelById(env.DB, meta.channel, meta.channelId);
  if (!channel || channel.tenantId !== meta.tenantId || channel.status === "disconnected") {
    deps.logger.warn("channel reply dropped: channel disconnected", { channel_id: meta.channelId });
    return null;
  }
  return channel;
}

/** Logs a failed send and shows it to the creator as the channel's last error. */
export async function reportSendFailure(deps: ChannelAdapterDeps, what: string, err: unknown): Promise<void> {
  deps.logger.error(`${deps.meta.channel} ${what} failed`, { channel_id: deps.meta.channelId, ...describeError(err) });
  const message = err instanceof Error ? err.message : String(err);
  await touchChannel(deps.env.DB, deps.meta.tenantId, deps.meta.channelId, { lastError: `${what}: ${message}`.slice(0, 500) });
}
