/**
 * HTML to blocks without a DOM: one linear pass over the tags. Headings (`h1`–`h6`) become headings,
 * `li` list items (numbered inside `ol`), each table row (`tr` with `td`/`th`) one line that reads on
 * its own, `br` a line break, bold (`strong`/`b`) is noted so a bold line standing alone can be read as
 * a heading or a question; scripts, styles and other non-text content are dropped, and documents
 * nested deeper than any real page are refused before that depth can hurt anything. Word files reach
 * this reader through mammoth.
 */
import { assembleBlocks, tableRowText, type DraftBlock } from "../draft-blocks";
import { RefusedFile, type Block } from "../parsed-document";

/** Deepest element nesting accepted. */
export const MAX_HTML_DEPTH = 256;

const SKIPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "iframe",
  "object",
  "head",
]);
const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "blockquote",
  "pre",
  "header",
  "footer",
  "main",
  "aside",
  "nav",
  "dd",
  "dt",
  "hr",
  "figure",
  "figcaption",
  "caption",
  "dl",
]);
const VOID = new Set([
  "br",
  "hr",
  "img",
  "input",
  "meta",
  "link",
  "area",
  "base",
  "col",
  "embed",
  "source",
  "track",
  "wbr",
]);
const BOLD = new Set(["strong", "b"]);
const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
  bull: "•",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code =
        name[1] === "x" || name[1] === "X"
          ? Number.parseInt(name.slice(2), 16)
          : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : "";
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** A line of text being read, and whether every word of it was bold. */
interface Line {
  text: string;
  bold: boolean;
}

/** The text being collected for the current block, line by line. */
class TextBuffer {
  lines: Line[] = [{ text: "", bold: true }];

  add(text: string, bold: boolean): void {
    const line = this.lines.at(-1);
    if (!line) return;
    if (text.trim() && !bold) line.bold = false;
    line.text += text;
  }

  breakLine(): void {
    this.lines.push({ text: "", bold: true });
  }

  /** The lines with text, whitespace collapsed. */
  take(): Line[] {
    const lines = this.lines
      .map((l) => ({ text: l.text.replace(/\s+/g, " ").trim(), bold: l.bold }))
      .filter((l) => l.text);
    this.lines = [{ text: "", bold: true }];
    return lines;
  }
}

interface TableRow {
  cells: string[];
  /** Cells written as `th`: a row of them only is a header row (a `th` first cell heads its row only). */
  headerCells: number;
  bold: boolean;
}

interface Table {
  rows: TableRow[];
  row: TableRow | null;
  cell: TextBuffer | null;
}

/** Reads HTML into drafts. */
function htmlDrafts(html: string): DraftBlock[] {
  const drafts: DraftBlock[] = [];
  const buffer = new TextBuffer();
  const lists: { ordered: boolean; count: number }[] = [];
  let mode:
    { kind: "paragraph" } | { kind: "heading"; level: number } | { kind: "item"; marker: string } =
    { kind: "paragraph" };
  let table: Table | null = null;
  // Tables inside a table cell are read as text of that cell.
  let innerTables = 0;
  let bold = 0;
  const flush = () => {
    const lines = buffer.take();
    const text = lines.map((l) => l.text);
    if (mode.kind === "heading" && text.length > 0)
      drafts.push({ kind: "heading", text: text.join(" "), level: mode.level });
    else if (mode.kind === "item" && text.length > 0)
      drafts.push({ kind: "list-item", text: `${mode.marker}${text.join(" ")}` });
    else if (lines.length > 0) {
      // A bold first line over more text stands alone: a pseudo-heading or a question over its answer.
      const head = lines[0];
      if (head && head.bold && lines.length > 1) {
        drafts.push({ kind: "paragraph", text: head.text, bold: true });
        lines.shift();
      }
      const allBold = lines.every((l) => l.bold);
      drafts.push({
        kind: "paragraph",
        text: lines.map((l) => l.text).join("\n"),
        ...(allBold ? { bold: true } : {}),
      });
    }
    mode = { kind: "paragraph" };
  };
  const endTable = (done: Table) => {
    const [first, ...rest] = done.rows;
    const headed =
      first !== undefined &&
      rest.length > 0 &&
      (first.headerCells === first.cells.length || first.bold);
    const header = headed ? first.cells : null;
    for (const row of headed ? rest : done.rows) {
      const text = tableRowText(row.cells, header);
      if (text) drafts.push({ kind: "table-row", text });
    }
  };
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!?\/?([a-zA-Z][a-zA-Z0-9:-]*)?[^>]*>/g;
  let last = 0;
  let depth = 0;
  let skipping: string | null = null;
  const addText = (raw: string) => {
    const text = decodeEntities(raw).replace(/\s+/g, " ");
    (table?.cell ?? buffer).add(text, bold > 0);
  };
  for (const match of html.matchAll(tag)) {
    if (skipping === null) addText(html.slice(last, match.index));
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
      if (depth > MAX_HTML_DEPTH)
        throw new RefusedFile(
          "too_deeply_nested",
          `The document nests elements more than ${MAX_HTML_DEPTH} levels deep; it is not accepted.`,
        );
      if (SKIPPED.has(name)) {
        skipping = name;
        depth--;
        continue;
      }
    } else if (closing) {
      depth = Math.max(0, depth - 1);
    }
    if (BOLD.has(name) && !selfClosing) {
      bold = Math.max(0, bold + (closing ? -1 : 1));
      continue;
    }
    if (table && (table.cell || innerTables > 0 || name !== "table")) {
      // Inside a table: cells, rows and the table's end; anything else is a space within a cell.
      if (name === "table") innerTables += closing ? -1 : 1;
      else if (innerTables === 0 && (name === "td" || name === "th")) {
        if (!closing) table.cell = new TextBuffer();
        else if (table.cell && table.row) {
          const lines = table.cell.take();
          table.row.cells.push(lines.map((l) => l.text).join(" "));
          if (name === "th") table.row.headerCells++;
          if (lines.some((l) => !l.bold)) table.row.bold = false;
          table.cell = null;
        }
      } else if (innerTables === 0 && name === "tr") {
        if (!closing) table.row = { cells: [], headerCells: 0, bold: true };
        else if (table.row) {
          table.rows.push(table.row);
          table.row = null;
        }
      } else table.cell?.add(" ", bold > 0);
      continue;
    }
    if (name === "table") {
      if (closing) {
        if (table) endTable(table);
        table = null;
      } else {
        flush();
        table = { rows: [], row: null, cell: null };
      }
      continue;
    }
    const level = /^h([1-6])$/.exec(name)?.[1];
    if (level) {
      flush();
      if (!closing) mode = { kind: "heading", level: Number(level) };
    } else if (name === "ul" || name === "ol") {
      flush();
      if (closing) lists.pop();
      else lists.push({ ordered: name === "ol", count: 0 });
    } else if (name === "li") {
      flush();
      const list = lists.at(-1);
      if (!closing && list) {
        list.count++;
        mode = { kind: "item", marker: list.ordered ? `${list.count}. ` : "" };
      } else if (!closing) mode = { kind: "item", marker: "" };
    } else if (name === "br") {
      buffer.breakLine();
    } else if (BLOCK.has(name) || name === "tr" || name === "td" || name === "th") {
      if (mode.kind === "item" && !closing) buffer.add(" ", bold > 0);
      else if (mode.kind !== "item") flush();
    }
  }
  if (skipping === null) addText(html.slice(last));
  if (table) endTable(table);
  flush();
  return drafts;
}

/** Parses HTML into blocks with their heading paths. */
export function parseHtml(html: string): Block[] {
  return assembleBlocks(htmlDrafts(html));
}
