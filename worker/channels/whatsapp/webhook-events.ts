// Acts on a verified WhatsApp notification: each text message once (handed to the room before the
// 200, then read receipt with typing), each status once (delivery confirmation of our message; a failed
// one explained, and a number that cannot receive marks its contact unreachable).
// Anything else is logged and acknowledged, so Meta stops retrying. A message whose hand-off fails is
// released, so Meta's redelivery of the notification stores it; other work runs after the 200.
import {
  WhatsAppMessageSchema,
  WhatsAppStatusSchema,
  type WhatsAppWebhook,
} from "@coach/contracts/channels";
import { and, eq } from "drizzle-orm";
import {
  claimEvent,
  releaseEvent,
  setContactUnreachable,
  updateDeliveryStatus,
} from "../../db/channel-directory";
import { forTenant } from "../../db/tenant-gateway";
import type { WhatsAppConfig } from "../channel-config";
import { forwardToRoom } from "../forward-to-room";
import type { HandOff } from "../hand-off";
import type { WebhookDeps } from "../webhook-deps";
import { handleCoachingKeyword } from "./coaching-keywords";
import { appReply, isAppRequest } from "./app-keyword";
import { answerKeyword } from "./keyword-sender";
import { linkReply, linkRequest } from "./link-keyword";
import { describeDeliveryError, UNREACHABLE_CODES } from "./delivery-errors";
import { markReadWithTyping } from "./graph-client";
import { inboundText } from "./inbound-text";

export type WhatsAppEventDeps = WebhookDeps<WhatsAppConfig> & {
  /** Collects failed room hand-offs; the webhook then asks Meta to redeliver. */
  handOff: HandOff;
};

type Value = WhatsAppWebhook["entry"][number]["changes"][number]["value"];

async function handleMessage(deps: WhatsAppEventDeps, value: Value, raw: unknown): Promise<void> {
  const { env, channel, config, logger } = deps;
  const parsed = WhatsAppMessageSchema.safeParse(raw);
  if (!parsed.success)
    return logger.warn("whatsapp message ignored: malformed", { channel_id: channel.id });
  const message = parsed.data;
  const eventKey = `wa:${channel.id}:${message.id}`;
  if (!(await claimEvent(env.DB, channel.id, eventKey))) return;
  const said = inboundText(message);
  if (!said)
    return logger.info("whatsapp message ignored: not text", {
      channel_id: channel.id,
      type: message.type,
    });
  const name = value.contacts?.find((c) => c.wa_id === message.from)?.profile?.name ?? null;
  const user = { kind: "whatsapp" as const, externalId: message.from, displayName: name };
  const linkCode = said.quickReplyId ? null : linkRequest(said.text);
  const appAsked = !said.quickReplyId && isAppRequest(said.text);
  // LINK and APP are answered here rather than by the room: the reply is sent after the read receipt.
  const keyword: { reply: (() => Promise<unknown>) | null } = { reply: null };
  const handedOff = await deps.handOff.run(async () => {
    try {
      if (linkCode !== null) {
        keyword.reply = await answerKeyword(deps, user, (sender) =>
          linkReply(env, sender, linkCode),
        );
        return;
      }
      if (appAsked) {
        keyword.reply = await answerKeyword(deps, user, (sender) => appReply(env, sender));
        return;
      }
      const coaching = said.quickReplyId
        ? null
        : await handleCoachingKeyword(env, channel, config, user, said.text);
      if (coaching) {
        deps.defer(coaching);
        return;
      }
      const result = await forwardToRoom(env, channel, {
        user,
        chatId: message.from,
        clientId: `wa-${message.id}`,
        ...said,
      });
      if (result.status === "rate_limited")
        logger.warn("whatsapp message rate-limited", { channel_id: channel.id });
    } catch (err) {
      await releaseEvent(env.DB, eventKey);
      throw err;
    }
  });
  if (!handedOff) return;
  deps.defer(async () => {
    await markReadWithTyping(env, config, message.id).catch((err: unknown) =>
      logger.warn("whatsapp read receipt failed", {
        error_message: err instanceof Error ? err.message : String(err),
      }),
    );
    if (keyword.reply) await keyword.reply();
  });
}

async function handleStatus(deps: WhatsAppEventDeps, raw: unknown): Promise<void> {
  const { env, channel, logger } = deps;
  const parsed = WhatsAppStatusSchema.safeParse(raw);
  if (!parsed.success)
    return logger.warn("whatsapp status ignored: malformed", { channel_id: channel.id });
  const status = parsed.data;
  if (
    !(await claimEvent(env.DB, channel.id, `wa-status:${channel.id}:${status.id}:${status.status}`))
  )
    return;
  const first = status.errors?.[0];
  const error = first ? describeDeliveryError(first.code, first.title) : null;
  deps.defer(async () => {
    const ours = await updateDeliveryStatus(env.DB, channel, status.id, status.status, error);
    // A number that cannot receive at all: stop writing to it until the person writes again.
    if (
      ours &&
      first?.code !== undefined &&
      UNREACHABLE_CODES.has(first.code) &&
      status.recipient_id
    )
      await markUnreachable(
        env.DB,
        channel.tenantId,
        status.recipient_id,
        error ?? "undeliverable",
      );
  });
}

async function markUnreachable(
  d1: D1Database,
  tenantId: string,
  waId: string,
  reason: string,
): Promise<void> {
  const [contact] = await forTenant(d1, tenantId).list("contacts", {
    where: (t) => and(eq(t.channel, "whatsapp"), eq(t.externalId, waId)),
    limit: 1,
  });
  if (contact) await setContactUnreachable(d1, tenantId, contact.id, reason);
}

/** Handles every message and status in the notification that is for this channel's number. */
export async function handleWhatsAppEvents(
  deps: WhatsAppEventDeps,
  payload: WhatsAppWebhook,
): Promise<void> {
  for (const entry of payload.entry) {
    for (const change of entry.changes) {
      if (
        change.field !== "messages" ||
        change.value.metadata.phone_number_id !== deps.config.phone_number_id
      ) {
        deps.logger.info("whatsapp change ignored", {
          channel_id: deps.channel.id,
          field: change.field,
        });
        continue;
      }
      for (const message of change.value.messages ?? [])
        await handleMessage(deps, change.value, message);
      for (const status of change.value.statuses ?? []) await handleStatus(deps, status);
    }
  }
}
