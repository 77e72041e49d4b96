// An answer's Markdown in WhatsApp's own formatting: `*bold*`, `_italic_`, `~strikethrough~`,
// `` `code` `` and ``` blocks, bulleted and numbered lists; links written out, since WhatsApp shows
// a URL, not a link text (https://faq.whatsapp.com/539178204879377).
import { renderMarkdown, type MarkdownStyle } from "../markdown";

const MARKERS = { bold: "*", italic: "_", strike: "~" } as const;

const WHATSAPP_TEXT: MarkdownStyle = {
  text: (text) => text,
  code: (text) => `\`${text}\``,
  link: (label, url) => (label === url ? url : `${label} (${url})`),
  span: (kind, inner) => `${MARKERS[kind]}${inner}${MARKERS[kind]}`,
  codeBlock: (text) => `\`\`\`${text}\`\`\``,
  heading: (inner) => `*${inner}*`,
};

/** `markdown` as WhatsApp text; never longer than the Markdown it came from. */
export function whatsAppText(markdown: string): string {
  return renderMarkdown(markdown, WHATSAPP_TEXT);
}
