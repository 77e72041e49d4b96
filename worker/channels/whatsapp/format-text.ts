// An answer's Markdown in WhatsApp's own formatting: `*bold*`, `_italic_`, `~strikethrough~`,
// `` `code` `` and ``` blocks, bulleted and numbered lists; links written out, since WhatsApp shows
// a URL, not a link text (https://faq.whatsapp.com/539178204879377).
import { parseMarkdown, type Inline, type Line } from "../markdown";

const MARKERS = { bold: "*", italic: "_", strike: "~" } as const;

function inline(spans: Inline[]): string {
  return spans
    .map((span) => {
      switch (span.kind) {
        case "text":
          return span.text;
        case "code":
          return `\`${span.text}\``;
        case "link": {
          const label = inline(span.children);
          return label === span.url ? span.url : `${label} (${span.url})`;
        }
        default:
          return `${MARKERS[span.kind]}${inline(span.children)}${MARKERS[span.kind]}`;
      }
    })
    .join("");
}

function line(l: Line): string {
  if (l.kind === "code") return `\`\`\`${l.text}\`\`\``;
  if (l.kind === "heading") return `*${inline(l.content)}*`;
  if (l.kind === "item") return `${l.marker} ${inline(l.content)}`;
  return inline(l.content);
}

/** `markdown` as WhatsApp text; never longer than the Markdown it came from. */
export function whatsAppText(markdown: string): string {
  return parseMarkdown(markdown).map(line).join("\n");
}
