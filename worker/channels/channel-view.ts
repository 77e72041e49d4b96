// A messaging channel as the API and the workspace export show it: its state, the webhook address the
// platform calls, and what its sealed config shows (bot username, number, template), never a credential.
import type { ChannelView } from "@coach/contracts/channels";
import type { TenantRow } from "../db/tenant-gateway";
import { notFound } from "../lib/errors";
import { channelDetails } from "./channel-details";
import { telegramWebhookUrl } from "./telegram/admin";
import { whatsappWebhookUrl } from "./whatsapp/admin";

function toView(channel: TenantRow<"channels">, origin: string): ChannelView {
  if (channel.kind === "web") throw notFound("channel");
  const webhookUrl =
    channel.status === "disconnected" || !channel.externalId
      ? null
      : channel.kind === "telegram"
        ? telegramWebhookUrl(origin, channel.externalId)
        : whatsappWebhookUrl(origin, channel.id);
  return {
    id: channel.id,
    kind: channel.kind,
    status: channel.status,
    external_id: channel.externalId,
    webhook_url: webhookUrl,
    last_error: channel.lastError,
    last_message_at: channel.lastMessageAt,
    created_at: channel.createdAt,
    updated_at: channel.updatedAt,
  };
}

/** The view of a Telegram or WhatsApp channel (404 for the web channel, which has no settings of its own). */
export async function channelView(
  env: Pick<Env, "CHANNEL_SECRETS_KEY">,
  channel: TenantRow<"channels">,
  origin: string,
): Promise<ChannelView> {
  return { ...toView(channel, origin), ...(await channelDetails(env, channel)) };
}
