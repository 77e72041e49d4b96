// Answers are written in Markdown (the model writes it; the widget renders it), but a messaging app
// shows what it is sent: Telegram renders its own HTML subset, WhatsApp its own `*bold*` markers.
// This reads the Markdown an answer uses — headings, lists, code, bold, italics, strikethrough, links —
// line by line into a small tree, and renders it in a platform's style (telegram/format-html.ts,
// whatsapp/format-text.ts).
// Anything it does not recognise (an unclosed `**`, a bare `*`) stays literal text.

type Inline =
  | { kind: "text"; text: string }
  | { kind: "bold" | "italic" | "strike"; children: Inline[] }
  | { kind: "code"; text: string }
  | { kind: "link"; children: Inline[]; url: string };

type Line =
  | { kind: "text"; content: Inline[] }
  | { kind: "heading"; content: Inline[] }
  | { kind: "item"; marker: string; content: Inline[] }
  | { kind: "code"; text: string };

type Span = { open: string; close: string; kind: "bold" | "italic" | "strike" };

// Longest markers first, so `**` is not read as two `*`.
const SPANS: Span[] = [
  { open: "**", close: "**", kind: "bold" },
  { open: "__", close: "__", kind: "bold" },
  { open: "~~", close: "~~", kind: "strike" },
  { open: "*", close: "*", kind: "italic" },
  { open: "_", close: "_", kind: "italic" },
];

const LINK = /^\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether an underscore marker at `at` stands inside a word (snake_case), where it is not a marker. */
function insideWord(text: string, at: number, length: number): boolean {
  return WORD_CHAR.test(text[at - 1] ?? "") && WORD_CHAR.test(text[at + length] ?? "");
}

/** The spans of one line of text. */
function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = "";
  const flush = () => {
    if (plain) out.push({ kind: "text", text: plain });
    plain = "";
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    if (rest.startsWith("`")) {
      const end = text.indexOf("`", i + 1);
      if (end > i + 1) {
        flush();
        out.push({ kind: "code", text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    const link = LINK.exec(rest);
    if (link?.[1] && link[2]) {
      flush();
      out.push({ kind: "link", children: parseInline(link[1]), url: link[2] });
      i += link[0].length;
      continue;
    }
    const span = SPANS.find((s) => rest.startsWith(s.open));
    if (span && !(span.open.startsWith("_") && insideWord(text, i, span.open.length))) {
      const end = text.indexOf(span.close, i + span.open.length);
      const inner = end > i + span.open.length ? text.slice(i + span.open.length, end) : "";
      // `* item` and `2 * 3` are not emphasis: the marked text must hug its markers.
      if (
        inner &&
        inner.trim() === inner &&
        !(span.close.startsWith("_") && insideWord(text, end, span.close.length))
      ) {
        flush();
        out.push({ kind: span.kind, children: parseInline(inner) });
        i = end + span.close.length;
        continue;
      }
    }
    plain += text[i];
    i += 1;
  }
  flush();
  return out;
}

/** The lines of `markdown`, fenced code blocks kept whole; blank lines stay (as empty text lines). */
function parseMarkdown(markdown: string): Line[] {
  const lines: Line[] = [];
  const source = markdown.replace(/\r\n?/g, "\n").split("\n");
  for (let i = 0; i < source.length; i += 1) {
    const line = source[i] ?? "";
    if (line.trimStart().startsWith("```")) {
      const end = source.findIndex((l, at) => at > i && l.trimStart().startsWith("```"));
      if (end !== -1) {
        lines.push({ kind: "code", text: source.slice(i + 1, end).join("\n") });
        i = end;
        continue;
      }
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*(\d{1,3})[.)]\s+(.*)$/.exec(line);
    if (heading) lines.push({ kind: "heading", content: parseInline(heading[1] ?? "") });
    else if (bullet)
      lines.push({ kind: "item", marker: "•", content: parseInline(bullet[1] ?? "") });
    else if (numbered)
      lines.push({
        kind: "item",
        marker: `${numbered[1]}.`,
        content: parseInline(numbered[2] ?? ""),
      });
    else lines.push({ kind: "text", content: parseInline(line) });
  }
  return lines;
}

/** How a platform writes each piece; every function gets its content already rendered. */
export type MarkdownStyle = {
  text(text: string): string;
  code(text: string): string;
  link(label: string, url: string): string;
  span(kind: "bold" | "italic" | "strike", inner: string): string;
  codeBlock(text: string): string;
  heading(inner: string): string;
};

function renderInline(spans: Inline[], style: MarkdownStyle): string {
  return spans
    .map((span) => {
      if (span.kind === "text") return style.text(span.text);
      if (span.kind === "code") return style.code(span.text);
      if (span.kind === "link") return style.link(renderInline(span.children, style), span.url);
      return style.span(span.kind, renderInline(span.children, style));
    })
    .join("");
}

/** `markdown` written in `style`, line for line. */
export function renderMarkdown(markdown: string, style: MarkdownStyle): string {
  return parseMarkdown(markdown)
    .map((line) => {
      if (line.kind === "code") return style.codeBlock(line.text);
      if (line.kind === "heading") return style.heading(renderInline(line.content, style));
      if (line.kind === "item") return `${line.marker} ${renderInline(line.content, style)}`;
      return renderInline(line.content, style);
    })
    .join("\n");
}
