// A small, safe Markdown renderer: paragraphs, line breaks, lists, fenced and inline code, emphasis,
// links and source markers (`[2]`), built as DOM nodes (text always via text nodes). Links keep only
// http(s) and mailto URLs; images become their alt text, so no external image ever loads; raw HTML
// stays literal text.
import { h } from "../shared/dom";

/** Makes the node that stands for source marker `[n]`, or null to leave the marker as text. */
export type CiteRenderer = (n: number) => Node | null;

const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);
// Order matters: code first (its content is literal), then images (so `![x](u)` is not a link), links,
// autolinks, source markers, strong, emphasis.
const INLINE =
  /`([^`\n]+)`|!\[([^\]\n]*)\]\(([^)\s]*)\)|\[([^\]\n]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])|\[(\d{1,3})\]|\*\*([^*\n]+)\*\*|__([^_\n]+)__|\*([^*\n]+)\*|\b_([^_\n]+)_\b/g;

/** The URL if it is absolute and uses a safe protocol, else null. */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function link(text: string, href: string): Node {
  const safe = safeHref(href);
  if (!safe) return document.createTextNode(text);
  return h("a", { href: safe, target: "_blank", rel: "noopener noreferrer nofollow ugc" }, text);
}

/** Inline Markdown of one block, appended to `parent`. */
function inline(parent: Node, text: string, cite?: CiteRenderer): void {
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) parent.appendChild(document.createTextNode(text.slice(last, at)));
    last = at + m[0].length;
    const [, code, alt, , linkText, linkHref, bare, marker, strong1, strong2, em1, em2] = m;
    if (code !== undefined) parent.appendChild(h("code", {}, code));
    else if (alt !== undefined) parent.appendChild(document.createTextNode(alt));
    else if (linkText !== undefined && linkHref !== undefined)
      parent.appendChild(link(linkText, linkHref));
    else if (bare !== undefined) parent.appendChild(link(bare, bare));
    else if (marker !== undefined)
      parent.appendChild(cite?.(Number(marker)) ?? document.createTextNode(m[0]));
    else if (strong1 !== undefined || strong2 !== undefined) {
      const el = h("strong");
      inline(el, strong1 ?? strong2 ?? "", cite);
      parent.appendChild(el);
    } else {
      const el = h("em");
      inline(el, em1 ?? em2 ?? "", cite);
      parent.appendChild(el);
    }
  }
  if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
}

function paragraph(lines: string[], cite?: CiteRenderer): HTMLElement {
  const p = h("p");
  lines.forEach((line, i) => {
    if (i > 0) p.appendChild(h("br"));
    inline(p, line, cite);
  });
  return p;
}

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;
const HEADING = /^#{1,6}\s+(.*)$/;

/** Renders Markdown `source` into a fragment of safe DOM nodes; `cite` draws the source markers. */
export function renderMarkdown(source: string, cite?: CiteRenderer): DocumentFragment {
  const out = document.createDocumentFragment();
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  let para: string[] = [];
  const flush = () => {
    if (para.length) out.appendChild(paragraph(para, cite));
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.startsWith("```")) {
      flush();
      const code: string[] = [];
      while (++i < lines.length && !(lines[i] ?? "").startsWith("```")) code.push(lines[i] ?? "");
      out.appendChild(h("pre", {}, h("code", {}, code.join("\n"))));
      continue;
    }
    const list = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : null;
    if (list) {
      flush();
      const el = h(list === BULLET ? "ul" : "ol");
      while (i < lines.length && list.test(lines[i] ?? "")) {
        const item = h("li");
        inline(item, list.exec(lines[i] ?? "")?.[1] ?? "", cite);
        el.appendChild(item);
        i++;
      }
      i--;
      out.appendChild(el);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      const p = h("p");
      const strong = h("strong");
      inline(strong, heading[1] ?? "", cite);
      p.appendChild(strong);
      out.appendChild(p);
    } else if (line.trim() === "") flush();
    else para.push(line);
  }
  flush();
  return out;
}
