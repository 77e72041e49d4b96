// Sending to a Telegram chat: HTML-escaped text split at Telegram's limit, quick replies as an inline
// keyboard under the last part, and the typing action (Telegram shows it for about five seconds, so
// it is renewed while an answer is made). Telegram has no service window: any message may go at any time.
import type { QuickReply } from "@coach/contracts/socket";
import type { ChannelSender, SenderTarget } from "../channel-sender";
import type { TelegramConfig } from "../channel-config";
import { telegramApi } from "./bot-api";
import { sendWithQuickReplies } from "./inline-keyboard";

const TYPING_RENEW_MS = 4_500;

export function telegramSender(
  env: Pick<Env, "TELEGRAM_API_ROOT">,
  target: SenderTarget,
  config: TelegramConfig,
): ChannelSender {
  const api = telegramApi(env, config.bot_token);
  const choices = async (text: string, replies: readonly QuickReply[]) => {
    await sendWithQuickReplies(api, target.externalChatId, text, replies);
  };
  return {
    target,
    typingRenewMs: TYPING_RENEW_MS,
    hasTemplate: false,
    typing: async () => {
      await api.sendChatAction(target.externalChatId, "typing");
    },
    freeTextAllowed: async () => true,
    text: (text) => choices(text, []),
    choices,
    template: choices,
  };
}
