/**
 * HTML to blocks without a DOM: one linear pass over the tags keeps headings (`h1`–`h6`) as headings,
 * turns block elements into paragraph breaks, drops scripts, styles and other non-text content, and
 * refuses documents nested deeper than any real page is, before that depth can hurt anything.
 */
import { blocksFromMarkdown, RefusedFile, type Block } from "../parsed-document";

/** Deepest element nesting accepted. */
export const MAX_HTML_DEPTH = 256;

const SKIPPED = new Set(["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "head"]);
const BLOCK = new Set(["p", "div", "section", "article", "li", "ul", "ol", "br", "tr", "table", "blockquote", "pre", "header", "footer", "main", "aside", "nav", "dd", "dt", "hr", "figure", "figcaption"]);
const VOID = new Set(["br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"]);
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", mdash: "—", ndash: "–", hellip: "…", rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : "";
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Converts HTML to Markdown-like text (headings as `#`), then to blocks. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!?\/?([a-zA-Z][a-zA-Z0-9:-]*)?[^>]*>/g;
  let last = 0;
  let depth = 0;
  let skipping: string | null = null;
  let heading = 0;
  for (const match of html.matchAll(tag)) {
    if (skipping === null) out.push(decodeEntities(html.slice(last, match.index)).replace(/\s+/g, " "));
    last = match.index + match[0].length;
    const name = match[1]?.toLowerCase();
    if (!name || match[0].startsWith("<!")) continue;
    const closing = match[0][1] === "/";
    const selfClosing = VOID.has(name) || match[0].endsWith("/>");
    if (skipping !== null) {
      if (closing && name === skipping) skipping = null;
      continue;
    }
    if (!closing && !selfClosing) {
      depth++;
      if (depth > MAX_HTML_DEPTH) throw new RefusedFile("too_deeply_nested", `The document nests elements more than ${MAX_HTML_DEPTH} levels deep; it is not accepted.`);
      if (SKIPPED.has(name)) {
        skipping = name;
        depth--;
        continue;
      }
    } else if (closing) {
      depth = Math.max(0, depth - 1);
    }
    const level = /^h([1-6])$/.exec(name)?.[1];
    if (level) {
      if (closing) {
        heading = 0;
        out.push("\n\n");
      } else {
        heading = Number(level);
        out.push(`\n\n${"#".repeat(heading)} `);
      }
    } else if (BLOCK.has(name)) {
      out.push(heading ? " " : "\n\n");
    }
  }
  if (skipping === null) out.push(decodeEntities(html.slice(last)).replace(/\s+/g, " "));
  return out
    .join("")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
}

/** Parses HTML into blocks with their heading paths. */
export function parseHtml(html: string): Block[] {
  return blocksFromMarkdown(htmlToText(html));
}
