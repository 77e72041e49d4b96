// Quick replies on Telegram: an inline keyboard under the message, one button per reply, whose
// callback_data is the reply's id (at most 64 bytes, as Telegram allows). Short labels (a 1-10 scale)
// share rows; long ones get a row each.
import type { QuickReply } from "@coach/contracts/socket";
import type { Api } from "grammy";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { TELEGRAM_TEXT_LIMIT } from "./bot-api";
import { telegramHtml } from "./format-html";
import { UnsentParts } from "../delivery-failure";
import { splitText } from "../split-text";

function buttonsPerRow(replies: readonly QuickReply[]): number {
  const longest = Math.max(...replies.map((r) => r.label.length));
  if (longest <= 3) return 5;
  if (longest <= 12) return 3;
  return 1;
}

/** The inline keyboard offering `replies`, in order. */
export function quickReplyKeyboard(replies: readonly QuickReply[]): InlineKeyboardMarkup {
  const perRow = buttonsPerRow(replies);
  const rows: InlineKeyboardButton[][] = [];
  replies.forEach((reply, index) => {
    if (index % perRow === 0) rows.push([]);
    rows[rows.length - 1]?.push({ text: reply.label, callback_data: reply.id });
  });
  return { inline_keyboard: rows };
}

/**
 * Sends a (possibly long) text with the quick replies under its last part, so the buttons sit where
 * the user finishes reading; the message ids sent. A part refused after others went out throws
 * UnsentParts with the rest.
 */
export async function sendWithQuickReplies(
  api: Api,
  chatId: number | string,
  text: string,
  replies: readonly QuickReply[],
): Promise<number[]> {
  const parts = splitText(text, TELEGRAM_TEXT_LIMIT);
  const ids: number[] = [];
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    try {
      const sent = await api.sendMessage(chatId, telegramHtml(part), {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(last && replies.length > 0 ? { reply_markup: quickReplyKeyboard(replies) } : {}),
      });
      ids.push(sent.message_id);
    } catch (err) {
      // What the person already has must not be sent twice when the rest goes later.
      if (index > 0) throw new UnsentParts(parts.slice(index).join("\n\n"), err);
      throw err;
    }
  }
  return ids;
}
