// Acts on a verified WhatsApp notification: each text message once (read receipt with typing, then
// the room), each status once (delivery confirmation of our message). Anything else is logged and
// acknowledged, so Meta stops retrying. The work runs after the 200 through `defer`.
import { MAX_MESSAGE_CHARS } from "@coach/contracts/socket";
import { WhatsAppMessageSchema, WhatsAppStatusSchema, type WhatsAppWebhook } from "@coach/contracts/channels";
import { claimEvent, updateDeliveryStatus, type ChannelEntry } from "../../db/channel-directory";
import type { Logger } from "../../lib/logger";
import type { WhatsAppConfig } from "../channel-config";
import { forwardToRoom } from "../forward-to-room";
import { markReadWithTyping } from "./graph-client";

export type WhatsAppEventDeps = {
  env: Env;
  channel: ChannelEntry;
  config: WhatsAppConfig;
  logger: Logger;
  defer: (work: () => Promise<unknown>) => void;
};

type Value = WhatsAppWebhook["entry"][number]["changes"][number]["value"];

async function handleMessage(deps: WhatsAppEventDeps, value: Value, raw: unknown): Promise<void> {
  const { env, channel, config, logger } = deps;
  const parsed = WhatsAppMessageSchema.safeParse(raw);
  if (!parsed.success) return logger.warn("whatsapp message ignored: malformed", { channel_id: channel.id });
  const message = parsed.data;
  if (!(await claimEvent(env.DB, channel.id, `wa:${channel.id}:${message.id}`))) return;
  if (message.type !== "text" || !message.text) return logger.info("whatsapp message ignored: not text", { channel_id: channel.id, type: message.type });
  const text = message.text.body.trim().slice(0, MAX_MESSAGE_CHARS);
  if (text === "") return;
  const name = value.contacts?.find((c) => c.wa_id === message.from)?.profile?.name ?? null;
  deps.defer(async () => {
    await markReadWithTyping(env, config, message.id).catch((err: unknown) =>
      logger.warn("whatsapp read receipt failed", { error_message: err instanceof Error ? err.message : String(err) }),
    );
    const result = await forwardToRoom(env, channel, {
      user: { kind: "whatsapp", externalId: message.from, displayName: name },
      chatId: message.from,
      clientId: `wa-${message.id}`,
      text,
    });
    if (result.status === "rate_limited") logger.warn("whatsapp message rate-limited", { channel_id: channel.id });
  });
}

async function handleStatus(deps: WhatsAppEventDeps, raw: unknown): Promise<void> {
  const { env, channel, logger } = deps;
  const parsed = WhatsAppStatusSchema.safeParse(raw);
  if (!parsed.success) return logger.warn("whatsapp status ignored: malformed", { channel_id: channel.id });
  const status = parsed.data;
  if (!(await claimEvent(env.DB, channel.id, `wa-status:${channel.id}:${status.id}:${status.status}`))) return;
  const error = status.errors?.[0] ? `${status.errors[0].code ?? ""} ${status.errors[0].title ?? ""}`.trim() : null;
  deps.defer(() => updateDeliveryStatus(env.DB, channel, status.id, status.status, error));
}

/** Handles every message and status in the notification that is for this channel's number. */
export async function handleWhatsAppEvents(deps: WhatsAppEventDeps, payload: WhatsAppWebhook): Promise<void> {
  for (const entry of payload.entry) {
    for (const change of entry.changes) {
      if (change.field !== "messages" || change.value.metadata.phone_number_id !== deps.config.phone_number_id) {
        deps.logger.info("whatsapp change ignored", { channel_id: deps.channel.id, field: change.field });
        continue;
      }
      for (const message of change.value.messages ?? []) await handleMessage(deps, change.value, message);
      for (const status of change.value.statuses ?? []) await handleStatus(deps, status);
    }
  }
}
