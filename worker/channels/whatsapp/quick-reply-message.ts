// Quick replies on WhatsApp: up to three short ones (titles of at most 20 characters) go out as an
// interactive message with reply buttons; more, or longer, are written under the text as a numbered
// list, which the room matches when the user answers with a number or the words. How to answer the list
// is said in the persona's first language (quick-reply-message.messages.json): WhatsApp reports no
// language of its own.
import type { QuickReply } from "@coach/contracts/socket";
import type { ReplyLanguage } from "../../lib/reply-language";
import type { WhatsAppConfig } from "../channel-config";
import { splitText } from "../split-text";
import { whatsAppText } from "./format-text";
import { sendReplyButtons, sendText, WHATSAPP_TEXT_LIMIT } from "./graph-client";
import catalog from "./quick-reply-message.messages.json";

export const WHATSAPP_MAX_BUTTONS = 3;
export const WHATSAPP_BUTTON_TITLE_LIMIT = 20;
/** An interactive message's body is limited to this many characters. */
export const WHATSAPP_INTERACTIVE_BODY_LIMIT = 1024;

/** Whether `replies` can be WhatsApp reply buttons under `text`. */
export function fitsReplyButtons(text: string, replies: readonly QuickReply[]): boolean {
  return (
    replies.length > 0 &&
    replies.length <= WHATSAPP_MAX_BUTTONS &&
    replies.every((r) => r.label.length <= WHATSAPP_BUTTON_TITLE_LIMIT) &&
    text.length <= WHATSAPP_INTERACTIVE_BODY_LIMIT
  );
}

type QuickReplyTexts = {
  /** Under a numbered list: how to answer it. */
  answerWithNumber: string;
};

const QUICK_REPLY_TEXTS: Record<ReplyLanguage, QuickReplyTexts> = catalog;

/** `text` with the replies as a numbered list under it, and how to answer, in `language`. */
export function withNumberedReplies(
  text: string,
  replies: readonly QuickReply[],
  language: ReplyLanguage,
): string {
  if (replies.length === 0) return text;
  const list = replies.map((r, i) => `${i + 1}. ${r.label}`).join("\n");
  return `${text}\n\n${list}\n${QUICK_REPLY_TEXTS[language].answerWithNumber}`;
}

/**
 * Sends `text` with its quick replies inside the 24-hour window: reply buttons when they fit, else the
 * numbered list (split at WhatsApp's text limit), its hint in `language()` (read only then). Answers the
 * wamids sent, in order.
 */
export async function sendWithQuickReplies(
  env: Pick<Env, "WHATSAPP_GRAPH_URL" | "WHATSAPP_GRAPH_VERSION">,
  config: WhatsAppConfig,
  to: string,
  text: string,
  replies: readonly QuickReply[],
  language: () => Promise<ReplyLanguage>,
): Promise<string[]> {
  if (fitsReplyButtons(text, replies)) {
    return [
      await sendReplyButtons(
        env,
        config,
        to,
        whatsAppText(text),
        replies.map((r) => ({ id: r.id, title: r.label })),
      ),
    ];
  }
  const ids: string[] = [];
  const listed = replies.length > 0 ? withNumberedReplies(text, replies, await language()) : text;
  for (const part of splitText(listed, WHATSAPP_TEXT_LIMIT))
    ids.push(await sendText(env, config, to, whatsAppText(part)));
  return ids;
}
