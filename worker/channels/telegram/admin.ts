// Connecting, rotating and disconnecting a Telegram bot: the token is checked with getMe, the webhook
// is set with a fresh per-bot secret_token, the credentials are stored sealed, and the command menu is
// set in the persona's languages (command-menu.ts; a failure there is only logged).
import { GrammyError } from "grammy";
import { newId } from "../../lib/ids";
import { findChannelByExternalId } from "../../db/channel-directory";
import type { TenantGateway, TenantRow } from "../../db/tenant-gateway";
import { AppError } from "../../lib/errors";
import type { Logger } from "../../lib/logger";
import { openTelegramConfig, sealConfig, type TelegramConfig } from "../channel-config";
import { newWebhookSecret, secretHash } from "../secret-box";
import { telegramApi } from "./bot-api";
import { HANDLED_UPDATES } from "./bot";
import { setCommandMenus } from "./command-menu";
import type { ChannelView } from "@coach/contracts/channels";

type Channel = TenantRow<"channels">;

/** Telegram's refusal or absence as an API error the creator can act on. */
export function telegramFailure(err: unknown, what: string): AppError {
  if (err instanceof GrammyError) {
    return new AppError(400, "telegram_refused", `Telegram refused to ${what}: ${err.description}`);
  }
  return new AppError(
    502,
    "telegram_unreachable",
    `Telegram could not be reached to ${what}. Try again in a moment.`,
  );
}

/** The URL Telegram posts a bot's updates to. */
export function telegramWebhookUrl(origin: string, botId: string): string {
  return `${origin}/webhooks/telegram/${botId}`;
}

async function setWebhook(env: Env, config: TelegramConfig, origin: string): Promise<void> {
  await telegramApi(env, config.bot_token)
    .setWebhook(telegramWebhookUrl(origin, String(config.bot_info.id)), {
      secret_token: config.webhook_secret,
      allowed_updates: [...HANDLED_UPDATES],
    })
    .catch((err: unknown) => {
      throw telegramFailure(err, "set the webhook");
    });
}

/** Connects the bot behind `botToken` to this workspace (again, if it was connected before). */
export async function connectTelegram(
  env: Env,
  gateway: TenantGateway,
  origin: string,
  botToken: string,
  logger: Logger,
): Promise<Channel> {
  const botInfo = await telegramApi(env, botToken)
    .getMe()
    .catch((err: unknown) => {
      throw err instanceof GrammyError
        ? new AppError(400, "invalid_bot_token", "Telegram does not accept this bot token.")
        : telegramFailure(err, "check the token");
    });
  const externalId = String(botInfo.id);
  const existing = await findChannelByExternalId(env.DB, "telegram", externalId);
  if (existing && existing.tenantId !== gateway.tenantId) {
    throw new AppError(
      409,
      "channel_taken",
      "This bot is already connected to another workspace. Disconnect it there first.",
    );
  }
  const id = existing?.id ?? newId();
  const config: TelegramConfig = {
    bot_token: botToken,
    webhook_secret: newWebhookSecret(),
    bot_info: botInfo,
  };
  const values = {
    kind: "telegram" as const,
    status: "active" as const,
    externalId,
    configEncrypted: await sealConfig(env, id, config),
    webhookSecretHash: await secretHash(config.webhook_secret),
    lastError: null,
    updatedAt: Date.now(),
  };
  // Stored before setWebhook, so the first update Telegram sends can already be verified.
  const channel = existing
    ? await gateway.update("channels", id, values)
    : await gateway.insert("channels", { id, ...values });
  await setWebhook(env, config, origin);
  await setCommandMenus(env, config, gateway.tenantId, logger);
  return channel;
}

/** A new webhook secret for the bot, set at Telegram and stored. */
export async function rotateTelegram(
  env: Env,
  gateway: TenantGateway,
  origin: string,
  channel: Channel,
): Promise<Channel> {
  const config = {
    ...(await openTelegramConfig(env, channel)),
    webhook_secret: newWebhookSecret(),
  };
  const updated = await gateway.update("channels", channel.id, {
    configEncrypted: await sealConfig(env, channel.id, config),
    webhookSecretHash: await secretHash(config.webhook_secret),
    updatedAt: Date.now(),
  });
  await setWebhook(env, config, origin);
  return updated;
}

/** Deletes the webhook at Telegram; the caller forgets the credentials. */
export async function deleteTelegramWebhook(env: Env, channel: Channel): Promise<void> {
  const config = await openTelegramConfig(env, channel);
  await telegramApi(env, config.bot_token)
    .deleteWebhook()
    .catch((err: unknown) => {
      throw telegramFailure(err, "delete the webhook");
    });
}

/** Telegram's own view of the webhook (pending updates, its last delivery error). */
export async function telegramWebhookInfo(
  env: Env,
  channel: Channel,
): Promise<NonNullable<ChannelView["webhook_info"]>> {
  const config = await openTelegramConfig(env, channel);
  const info = await telegramApi(env, config.bot_token).getWebhookInfo();
  return {
    url: info.url ?? "",
    pending_update_count: info.pending_update_count,
    last_error_message: info.last_error_message ?? null,
    last_error_date: info.last_error_date ?? null,
  };
}
