// What a channel's view shows from its sealed config: how people reach it (the Telegram bot's username,
// the WhatsApp number as people dial it) and the WhatsApp template. Opened once per channel, so the
// list costs one decryption per channel and nothing else; a disconnected channel has none of these.
import type { ChannelView } from "@coach/contracts/channels";
import type { ChannelEntry } from "../db/channel-directory";
import { openTelegramConfig, openWhatsAppConfig } from "./channel-config";

export type ChannelDetails = Pick<
  ChannelView,
  "bot_username" | "display_phone_number" | "template"
>;

export async function channelDetails(
  env: Pick<Env, "CHANNEL_SECRETS_KEY">,
  channel: ChannelEntry,
): Promise<ChannelDetails> {
  if (channel.kind === "telegram") {
    if (!channel.configEncrypted) return { bot_username: null };
    return { bot_username: (await openTelegramConfig(env, channel)).bot_info.username };
  }
  if (channel.kind !== "whatsapp") return {};
  if (!channel.configEncrypted) return { display_phone_number: null, template: null };
  const config = await openWhatsAppConfig(env, channel);
  return {
    display_phone_number: config.display_phone_number ?? null,
    template: config.template ?? null,
  };
}
