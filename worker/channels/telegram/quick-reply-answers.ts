// A pressed quick-reply button (a callback query): Telegram is answered at once (the button stops
// spinning), the keyboard is taken off the message so it cannot be answered twice, and the choice goes
// to the conversation's room as the user's message — its label as text, its id as `quick_reply_id`.
import { MAX_MESSAGE_CHARS } from "@coach/contracts/socket";
import { Composer, type Context } from "grammy";
import { forwardToRoom } from "../forward-to-room";
import type { BotDeps } from "./bot-context";

/** The label of the button whose callback_data is `data`, read from the message it was under. */
function pressedLabel(ctx: Context, data: string): string | null {
  const keyboard =
    ctx.callbackQuery?.message && "reply_markup" in ctx.callbackQuery.message
      ? ctx.callbackQuery.message.reply_markup
      : undefined;
  for (const row of keyboard?.inline_keyboard ?? []) {
    for (const button of row)
      if ("callback_data" in button && button.callback_data === data) return button.text;
  }
  return null;
}

/** Callback queries from quick-reply keyboards. */
export function quickReplyAnswersComposer(deps: BotDeps): Composer<Context> {
  const answers = new Composer<Context>();
  answers.on("callback_query:data", (ctx) => {
    const query = ctx.callbackQuery;
    const chat = ctx.chat;
    const updateId = ctx.update.update_id;
    deps.defer(() => ctx.answerCallbackQuery());
    if (!chat) return;
    const label = pressedLabel(ctx, query.data) ?? query.data;
    const messageId = query.message?.message_id;
    if (messageId !== undefined)
      deps.defer(() =>
        ctx.api.editMessageReplyMarkup(chat.id, messageId, {
          reply_markup: { inline_keyboard: [] },
        }),
      );
    return deps.handOff(async () => {
      const result = await forwardToRoom(deps.env, deps.channel, {
        user: {
          kind: "telegram",
          externalId: String(chat.id),
          displayName:
            [query.from.first_name, query.from.last_name].filter(Boolean).join(" ") || null,
          locale: query.from.language_code ?? null,
        },
        chatId: String(chat.id),
        clientId: `tg-${deps.channel.externalId ?? deps.channel.id}-${updateId}`,
        text: label.slice(0, MAX_MESSAGE_CHARS),
        quickReplyId: query.data,
        language: query.from.language_code,
      });
      if (result.status === "rate_limited")
        deps.logger.warn("telegram quick reply rate-limited", { update_id: updateId });
    });
  });
  return answers;
}
