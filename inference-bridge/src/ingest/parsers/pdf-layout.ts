/**
 * The second half of reading a PDF's layout: rows become draft blocks from their geometry. Lines
 * noticeably larger than the body text are headings, levelled by size; a new paragraph starts
 * (pdf-breaks.ts) where the vertical gap grows, the indent changes, the line before ended short of the
 * margin, a list marker, a "Q:"/"A:" label or a bold lead-in ("Breakfast: …") begins a line, or a bold
 * line stands alone; lines of a paragraph are joined and their line-end hyphens undone; indented runs
 * of paragraphs are list items (Chromium draws bullets as shapes, not text); table rows become lines
 * that read alone. A paragraph cut by a page or column break goes on when its sentence plainly does.
 */
import type { DraftBlock } from "../draft-blocks";
import { LIST_MARKER, startsNew, type Line } from "./pdf-breaks";
import type { Fragment, Row } from "./pdf-lines";
import {
  MAX_HEADING_WORDS,
  margins,
  measure,
  rowSize,
  segments,
  words,
  type PdfPageRows,
  type Segment,
} from "./pdf-measure";
import { joinLine, tableLines, vocabulary, type Vocabulary } from "./pdf-text";

interface Open {
  kind: "heading" | "paragraph";
  level: number;
  lines: Line[];
  text: string;
  marker: boolean;
}

const BULLET = /^(?:[•·▪◦‣●○■□*\uF0B7\uF0A7]\s*|[-–—]\s+)/u;
const SHORT_HEADING = /^[\p{Lu}\d][^.!?,;:]{0,70}$/u;

/** Lays out one document's pages; see {@link layoutPdf}. */
class Layout {
  readonly drafts: DraftBlock[] = [];
  /** Whether a paragraph draft was indented from its column's margin, and how many lines it had. */
  readonly shapes = new Map<DraftBlock, { indented: boolean; lines: number }>();
  private open: Open | null = null;
  private table: { rows: Row[]; lines: Line[]; page: number } | null = null;
  private readonly measured: ReturnType<typeof measure>;
  private readonly vocabulary: Vocabulary;

  constructor(
    pages: readonly PdfPageRows[],
    private readonly isBoldFont: (font: string) => boolean,
  ) {
    this.measured = measure(pages);
    this.vocabulary = vocabulary(pages);
  }

  get sized(): boolean {
    return this.measured.levels.size > 0;
  }

  isBold = (fragment: Fragment): boolean =>
    fragment.runs.every((run) => !run.text.trim() || this.isBoldFont(run.font));

  read(pages: readonly PdfPageRows[]): void {
    const { body } = this.measured;
    const text = margins(
      pages.flatMap((p) => p.rows),
      body,
    ) ?? { left: 0, right: 0 };
    for (const page of pages) {
      for (const segment of segments(page.rows, body, text)) {
        segment.rows.forEach((row, i) =>
          this.row(row, this.line(row, page.page, segment, i === 0), page.page),
        );
      }
    }
    this.flush();
    this.flushTable();
    this.flush();
  }

  private line(row: Row, page: number, segment: Segment, fresh: boolean): Line {
    const fragments = row.cells[0] ?? [];
    const [lead, ...rest] = fragments[0]?.runs ?? [];
    return {
      text: fragments.map((f) => f.text).join(" "),
      x0: Math.min(...fragments.map((f) => f.x0)),
      x1: Math.max(...fragments.map((f) => f.x1)),
      y: Math.max(...fragments.map((f) => f.y)),
      size: rowSize(row),
      bold: fragments.every(this.isBold),
      page,
      left: segment.left,
      right: segment.right,
      fresh,
      leadIn:
        lead !== undefined &&
        rest.length > 0 &&
        this.isBoldFont(lead.font) &&
        /[:.]$/.test(lead.text.trim()) &&
        words(lead.text) <= 8,
      boldEnd: this.isBoldFont(fragments.at(-1)?.runs.at(-1)?.font ?? ""),
    };
  }

  private row(row: Row, line: Line, page: number): void {
    if (row.cells.length > 1 || this.continuesTable(line)) {
      this.flush();
      this.table ??= { rows: [], lines: [], page };
      this.table.rows.push(row);
      this.table.lines.push(line);
      return;
    }
    this.flushTable();
    const level = this.measured.levels.get(line.size);
    const open = this.open;
    const previous = open?.lines.at(-1);
    if (level !== undefined) {
      // A heading set over two lines is one heading.
      const same =
        open?.kind === "heading" &&
        open.level === level &&
        previous &&
        !line.fresh &&
        previous.y - line.y <= 1.6 * line.size;
      if (!same) this.start("heading", level, line);
    } else if (
      !open ||
      open.kind === "heading" ||
      !previous ||
      startsNew(open, previous, line, this.measured.pitch)
    ) {
      this.start("paragraph", 0, line);
    }
    if (!this.open) return;
    this.open.text =
      this.open.kind === "heading"
        ? `${this.open.text} ${line.text}`.trim()
        : joinLine(this.open.text, line.text, this.vocabulary);
    this.open.lines.push(line);
  }

  /**
   * A line right under a table's rows, starting in its first column and reaching past it, is a row
   * whose cells ran together (too little padding between them to tell them apart).
   */
  private continuesTable(line: Line): boolean {
    const rows = this.table?.rows;
    const last = rows?.at(-1);
    if (!rows || !last) return false;
    const cells = rows.filter((r) => r.cells.length > 1);
    const firstColumn = Math.min(...cells.flatMap((r) => r.cells[0] ?? []).map((f) => f.x0));
    const secondColumn = Math.min(...cells.flatMap((r) => r.cells[1] ?? []).map((f) => f.x0));
    const lastBottom = Math.min(...last.cells.flat().map((f) => f.y));
    return (
      Math.abs(line.x0 - firstColumn) < line.size &&
      line.x1 > secondColumn &&
      lastBottom - line.y < 2.2 * line.size
    );
  }

  private start(kind: Open["kind"], level: number, line: Line): void {
    this.flush();
    this.open = {
      kind,
      level,
      lines: [],
      text: "",
      marker: kind === "paragraph" && LIST_MARKER.test(line.text),
    };
  }

  private flush(): void {
    const open = this.open;
    const first = open?.lines[0];
    this.open = null;
    if (!open || !first) return;
    if (open.kind === "heading" && words(open.text) <= MAX_HEADING_WORDS) {
      this.drafts.push({ kind: "heading", text: open.text, level: open.level, page: first.page });
      return;
    }
    const bold = open.kind === "paragraph" && open.lines.every((line) => line.bold);
    const text = open.marker ? open.text.replace(BULLET, "") : open.text;
    const draft: DraftBlock = {
      kind: open.marker ? "list-item" : "paragraph",
      text,
      page: first.page,
      ...(bold ? { bold } : {}),
    };
    this.drafts.push(draft);
    this.shapes.set(draft, {
      indented: open.lines.every((l) => l.x0 - l.left >= 1.2 * l.size),
      lines: open.lines.length,
    });
  }

  private flushTable(): void {
    const table = this.table;
    this.table = null;
    if (!table) return;
    // Lines taken for rows whose cells ran together, with no real row after them, were text after it.
    const after: { row: Row; line: Line }[] = [];
    while (table.rows.length > 0 && table.rows.at(-1)?.cells.length === 1) {
      const row = table.rows.pop();
      const line = table.lines.pop();
      if (row && line) after.unshift({ row, line });
    }
    this.tableDrafts(table);
    for (const { row, line } of after) this.row(row, line, line.page);
  }

  private tableDrafts(table: { rows: Row[]; page: number }): void {
    if (table.rows.length === 0) return;
    if (table.rows.length === 1) {
      // One row of text with wide gaps ("Name   Date") is a line, not a table.
      const text = table.rows[0]?.cells
        .map((cell) => cell.map((f) => f.text).join(" "))
        .join(" — ");
      if (text) this.drafts.push({ kind: "paragraph", text, page: table.page });
      return;
    }
    for (const text of tableLines(table.rows, this.vocabulary, this.isBold))
      this.drafts.push({ kind: "table-row", text, page: table.page });
  }
}

/**
 * Indented paragraphs in a run (or next to a list) are list items; in a document set in one size, a
 * short line standing alone over a paragraph is a heading, as it was typed.
 */
function refine(layout: Layout): DraftBlock[] {
  const { drafts, shapes } = layout;
  return drafts.map((draft, i) => {
    const shape = shapes.get(draft);
    if (!shape) return draft;
    const listy = [drafts[i - 1], drafts[i + 1]].some(
      (d) => d !== undefined && (shapes.get(d)?.indented || d.kind === "list-item"),
    );
    if (shape.indented && listy) return { ...draft, kind: "list-item" };
    const next = drafts[i + 1];
    if (
      !layout.sized &&
      !draft.bold &&
      shape.lines === 1 &&
      next?.kind === "paragraph" &&
      words(draft.text) <= 8 &&
      SHORT_HEADING.test(draft.text)
    ) {
      return { kind: "heading", text: draft.text, level: 1, page: draft.page };
    }
    return draft;
  });
}

/** Reads the rows of every page into draft blocks; `isBoldFont` tells a bold font by its pdf.js name. */
export function layoutPdf(
  pages: readonly PdfPageRows[],
  isBoldFont: (font: string) => boolean,
): DraftBlock[] {
  const layout = new Layout(pages, isBoldFont);
  layout.read(pages);
  return refine(layout);
}
