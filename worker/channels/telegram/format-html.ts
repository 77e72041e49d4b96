// An answer's Markdown as Telegram HTML (parse_mode "HTML"): only the tags Telegram knows (b, i, s,
// code, pre, a), every other `<`, `>` and `&` escaped, so Telegram never refuses a message for a
// parse error (https://core.telegram.org/bots/api#html-style).
import { parseMarkdown, type Inline, type Line } from "../markdown";
import { escapeHtml } from "./bot-api";

const TAGS = { bold: "b", italic: "i", strike: "s" } as const;

function inline(spans: Inline[]): string {
  return spans
    .map((span) => {
      switch (span.kind) {
        case "text":
          return escapeHtml(span.text);
        case "code":
          return `<code>${escapeHtml(span.text)}</code>`;
        case "link":
          return `<a href="${escapeHtml(span.url).replace(/"/g, "&quot;")}">${inline(span.children)}</a>`;
        default:
          return `<${TAGS[span.kind]}>${inline(span.children)}</${TAGS[span.kind]}>`;
      }
    })
    .join("");
}

function line(l: Line): string {
  if (l.kind === "code") return `<pre>${escapeHtml(l.text)}</pre>`;
  if (l.kind === "heading") return `<b>${inline(l.content)}</b>`;
  if (l.kind === "item") return `${l.marker} ${inline(l.content)}`;
  return inline(l.content);
}

/** `markdown` as Telegram HTML; its visible text is never longer than the Markdown it came from. */
export function telegramHtml(markdown: string): string {
  return parseMarkdown(markdown).map(line).join("\n");
}
