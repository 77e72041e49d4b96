// An answer's Markdown as plain words, for places that show a line of it rather than render it (the
// inbox's preview of a conversation): the markers go, link texts stay, list items keep their bullet.
import { renderMarkdown, type MarkdownStyle } from "./markdown";

const PLAIN: MarkdownStyle = {
  text: (text) => text,
  code: (text) => text,
  link: (label) => label,
  span: (_kind, inner) => inner,
  codeBlock: (text) => text,
  heading: (inner) => inner,
};

/** `markdown` without its markup. */
export function plainText(markdown: string): string {
  return renderMarkdown(markdown, PLAIN);
}
