// Opens the sender of a conversation's route: the channel's row is read once, checked to be the
// conversation's own tenant's and still connected, and its credentials are decrypted once.
import { findChannelById } from "../db/channel-directory";
import type { Logger } from "../lib/logger";
import { openTelegramConfig, openWhatsAppConfig } from "./channel-config";
import type { ChannelSender, SenderTarget } from "./channel-sender";
import { telegramSender } from "./telegram/sender";
import { whatsAppSender } from "./whatsapp/sender";

/** The route's sender, or null when its channel is gone, disconnected or another tenant's. */
export async function openChannelSender(
  env: Env,
  target: SenderTarget,
  logger: Logger,
): Promise<ChannelSender | null> {
  const channel = await findChannelById(env.DB, target.channel, target.channelId);
  if (!channel || channel.tenantId !== target.tenantId || channel.status === "disconnected") {
    logger.warn("channel reply dropped: channel disconnected", { channel_id: target.channelId });
    return null;
  }
  return target.channel === "telegram"
    ? telegramSender(env, target, await openTelegramConfig(env, channel))
    : whatsAppSender(env, target, await openWhatsAppConfig(env, channel));
}
