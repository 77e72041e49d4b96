// A user's text message: handed to the conversation's room before the webhook is acknowledged (the
// room returns once it is stored, not answered). The room answers on Telegram through its adapter
// (typing, the answer, a "shortly" notice).
import { MAX_MESSAGE_CHARS } from "@coach/contracts/socket";
import { Composer, type Context } from "grammy";
import { forwardToRoom } from "../forward-to-room";
import type { BotDeps } from "./bot-context";
import { botTexts } from "./bot-texts";

/** Text messages (commands are handled before this composer). */
export function messagesComposer(deps: BotDeps): Composer<Context> {
  const messages = new Composer<Context>();
  messages.on("message:text", (ctx) => {
    const { chat, from, text } = ctx.message;
    const updateId = ctx.update.update_id;
    return deps.handOff(async () => {
      const result = await forwardToRoom(deps.env, deps.channel, {
        user: {
          kind: "telegram",
          externalId: String(chat.id),
          displayName: [from.first_name, from.last_name].filter(Boolean).join(" ") || null,
          locale: from.language_code ?? null,
        },
        chatId: String(chat.id),
        clientId: `tg-${deps.channel.externalId ?? deps.channel.id}-${updateId}`,
        text: text.slice(0, MAX_MESSAGE_CHARS),
        language: from.language_code,
      });
      if (result.status === "rate_limited") {
        deps.logger.warn("telegram message rate-limited", { update_id: updateId });
        deps.defer(async () => ctx.reply((await botTexts(deps, ctx)).tooFast));
      }
    });
  });
  return messages;
}
