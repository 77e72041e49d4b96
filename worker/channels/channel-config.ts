// The decrypted credentials of a channel, per kind. They exist only in memory: D1 holds them sealed
// (secret-box.ts) and the management API never answers them.
import type { UserFromGetMe } from "grammy/types";
import { WhatsAppTemplateSchema } from "@coach/contracts/channels";
import { z } from "zod";
import type { ChannelEntry } from "../db/channel-directory";
import { openSecrets, sealSecrets } from "./secret-box";

const TelegramConfigSchema = z.object({
  bot_token: z.string(),
  webhook_secret: z.string(),
  /** getMe's answer when the bot was connected, handed to grammY so no update needs a getMe. */
  bot_info: z.custom<UserFromGetMe>(
    (v) => typeof v === "object" && v !== null && "id" in v && "username" in v,
    "getMe's answer",
  ),
});
export type TelegramConfig = z.infer<typeof TelegramConfigSchema>;

const WhatsAppConfigSchema = z.object({
  phone_number_id: z.string(),
  access_token: z.string(),
  app_secret: z.string(),
  verify_token: z.string(),
  /** Graph's display number when connected ("+1 555-0100"), for the wa.me links of the dashboard. */
  display_phone_number: z.string().nullable().optional(),
  /** Not a secret, but kept with the credentials: sending a template needs both at once. */
  template: WhatsAppTemplateSchema.optional(),
  /** The WhatsApp Business Account, where templates are listed and deleted; absent until given. */
  business_account_id: z.string().optional(),
});
export type WhatsAppConfig = z.infer<typeof WhatsAppConfigSchema>;

type Sealed = Pick<ChannelEntry, "id" | "configEncrypted">;

async function open<S extends z.ZodType>(
  env: Pick<Env, "CHANNEL_SECRETS_KEY">,
  channel: Sealed,
  schema: S,
): Promise<z.output<S>> {
  if (!channel.configEncrypted)
    throw new Error(`Channel ${channel.id} has no credentials (disconnected).`);
  return schema.parse(
    await openSecrets(env.CHANNEL_SECRETS_KEY, channel.id, channel.configEncrypted),
  );
}

/** The Telegram bot's token and webhook secret. */
export function openTelegramConfig(
  env: Pick<Env, "CHANNEL_SECRETS_KEY">,
  channel: Sealed,
): Promise<TelegramConfig> {
  return open(env, channel, TelegramConfigSchema);
}

/** The WhatsApp number's id, access token, app secret and verify token. */
export function openWhatsAppConfig(
  env: Pick<Env, "CHANNEL_SECRETS_KEY">,
  channel: Sealed,
): Promise<WhatsAppConfig> {
  return open(env, channel, WhatsAppConfigSchema);
}

/** Seals a channel's credentials for its D1 row. */
export function sealConfig(
  env: Pick<Env, "CHANNEL_SECRETS_KEY">,
  channelId: string,
  config: TelegramConfig | WhatsAppConfig,
): Promise<string> {
  return sealSecrets(env.CHANNEL_SECRETS_KEY, channelId, config);
}
