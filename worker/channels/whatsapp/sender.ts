// Sending to a WhatsApp user: free text split at WhatsApp's limit, quick replies as reply buttons (or a
// numbered list when they do not fit), and the number's approved template outside the 24-hour
// customer-service window. Every message sent is remembered by its wamid beside the log message it
// carries, so status webhooks can confirm its delivery. WhatsApp has no typing indicator to push.
import type { QuickReply } from "@coach/contracts/socket";
import { recordDelivery } from "../../db/channel-directory";
import { chooseReplyLanguage, type ReplyLanguage } from "../../lib/reply-language";
import { loadPersona } from "../../persona/load-persona";
import type { ChannelSender, SenderTarget } from "../channel-sender";
import type { WhatsAppConfig } from "../channel-config";
import { whatsAppText } from "./format-text";
import { sendWithQuickReplies, withNumberedReplies } from "./quick-reply-message";
import { insideServiceWindow } from "./service-window";
import { sendProactiveTemplate } from "./templates";

export function whatsAppSender(
  env: Env,
  target: SenderTarget,
  config: WhatsAppConfig,
): ChannelSender {
  const remember = async (ids: readonly string[], seq: number | null) => {
    if (seq === null) return;
    for (const id of ids) {
      await recordDelivery(env.DB, {
        id,
        tenantId: target.tenantId,
        channelId: target.channelId,
        conversationId: target.conversationId,
        seq,
      });
    }
  };
  // WhatsApp reports no language: the list's hint is in the persona's first.
  const language = async (): Promise<ReplyLanguage> =>
    chooseReplyLanguage((await loadPersona(env.DB, target.tenantId)).persona);
  const choices = async (text: string, replies: readonly QuickReply[], seq: number | null) => {
    await remember(
      await sendWithQuickReplies(env, config, target.externalChatId, text, replies, language),
      seq,
    );
  };
  return {
    target,
    typingRenewMs: null,
    hasTemplate: config.template !== undefined,
    typing: async () => {},
    freeTextAllowed: () => insideServiceWindow(env, target.tenantId, target.contactId),
    text: (text, seq) => choices(text, [], seq),
    choices,
    // A template carries no buttons: the choices go into its text, and the room matches a typed answer.
    template: async (text, replies, seq) => {
      await remember(
        [
          await sendProactiveTemplate(
            env,
            config,
            target.externalChatId,
            whatsAppText(withNumberedReplies(text, replies, await language())),
          ),
        ],
        seq,
      );
    },
  };
}
