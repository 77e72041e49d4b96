// An answer's Markdown as Telegram HTML (parse_mode "HTML"): only the tags Telegram knows (b, i, s,
// code, pre, a), every other `<`, `>` and `&` escaped, so Telegram never refuses a message for a
// parse error (https://core.telegram.org/bots/api#html-style).
import { renderMarkdown, type MarkdownStyle } from "../markdown";
import { escapeHtml } from "./bot-api";

const TAGS = { bold: "b", italic: "i", strike: "s" } as const;

const TELEGRAM_HTML: MarkdownStyle = {
  text: escapeHtml,
  code: (text) => `<code>${escapeHtml(text)}</code>`,
  link: (label, url) => `<a href="${escapeHtml(url).replace(/"/g, "&quot;")}">${label}</a>`,
  span: (kind, inner) => `<${TAGS[kind]}>${inner}</${TAGS[kind]}>`,
  codeBlock: (text) => `<pre>${escapeHtml(text)}</pre>`,
  heading: (inner) => `<b>${inner}</b>`,
};

/** `markdown` as Telegram HTML; its visible text is never longer than the Markdown it came from. */
export function telegramHtml(markdown: string): string {
  return renderMarkdown(markdown, TELEGRAM_HTML);
}
