/**
 * What a PDF's layout is measured against: the body size (the size most text is set in), heading
 * levels by size, the usual line spacing of each size, and the margins of the text column — per part
 * of a page, so a second column is measured against its own edges.
 */
import type { Row } from "./pdf-lines";

/** A page's rows, headers and footers already dropped. */
export interface PdfPageRows {
  page: number;
  height: number;
  rows: Row[];
}

/** A run of a page's rows in one column, with that column's margins. */
export interface Segment {
  rows: Row[];
  left: number;
  right: number;
}

/** Most words in a line set large that is still a heading rather than a large paragraph. */
export const MAX_HEADING_WORDS = 25;

/** Words in a text. */
export const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

function dominant(counts: Map<number, number>): number | undefined {
  let best: number | undefined;
  for (const [key, count] of counts)
    if (best === undefined || count > (counts.get(best) ?? 0)) best = key;
  return best;
}

const rowSizes = new WeakMap<Row, number>();

/** The size most of a row's characters are set in (asked several times per row, so remembered). */
export function rowSize(row: Row): number {
  const known = rowSizes.get(row);
  if (known !== undefined) return known;
  const sizes = new Map<number, number>();
  for (const f of row.cells.flat()) sizes.set(f.size, (sizes.get(f.size) ?? 0) + f.text.length);
  const size = dominant(sizes) ?? 0;
  rowSizes.set(row, size);
  return size;
}

/** The size most of the text is set in. */
export function bodySize(pages: readonly PdfPageRows[]): number {
  const chars = new Map<number, number>();
  for (const page of pages)
    for (const row of page.rows)
      if (row.cells.length === 1)
        for (const f of row.cells.flat())
          chars.set(f.size, (chars.get(f.size) ?? 0) + f.text.length);
  return dominant(chars) ?? 11;
}

/** The body size, heading levels by size (1 the largest), and the usual line spacing of a size. */
export function measure(pages: readonly PdfPageRows[]): {
  body: number;
  levels: Map<number, number>;
  pitch: (size: number) => number;
} {
  const body = bodySize(pages);
  const large = new Set<number>();
  const gaps = new Map<number, number[]>();
  for (const page of pages) {
    page.rows.forEach((row, i) => {
      const size = rowSize(row);
      const text = row.cells
        .flat()
        .map((f) => f.text)
        .join(" ");
      if (
        row.cells.length === 1 &&
        size >= body * 1.08 &&
        size - body >= 0.9 &&
        words(text) <= MAX_HEADING_WORDS
      )
        large.add(size);
      const before = page.rows[i - 1];
      const gap = before ? (before.cells[0]?.[0]?.y ?? 0) - (row.cells[0]?.[0]?.y ?? 0) : 0;
      if (!before || rowSize(before) !== size || gap <= 0.6 * size || gap >= 2.2 * size) return;
      const list = gaps.get(size) ?? [];
      list.push(gap);
      gaps.set(size, list);
    });
  }
  const levels = new Map(
    [...large].sort((a, b) => b - a).map((size, i) => [size, Math.min(6, i + 1)]),
  );
  // The lower quartile: line spacing inside paragraphs, not the gaps between them.
  for (const list of gaps.values()) list.sort((a, b) => a - b);
  const pitch = (size: number) => {
    const list = gaps.get(size) ?? [];
    return list[Math.floor(list.length / 4)] ?? size * 1.2;
  };
  return { body, levels, pitch };
}

/** The margins of body text: the left edge a fair share of its lines start at, and how far they reach. */
export function margins(
  rows: readonly Row[],
  body: number,
): { left: number; right: number } | null {
  const lines = rows
    .filter((row) => row.cells.length === 1 && Math.abs(rowSize(row) - body) < 0.6)
    .flatMap((row) => row.cells.flat());
  if (lines.length === 0) return null;
  const lefts = new Map<number, number>();
  for (const f of lines)
    lefts.set(Math.round(f.x0), (lefts.get(Math.round(f.x0)) ?? 0) + f.text.length);
  const rights = lines.map((f) => f.x1).sort((a, b) => a - b);
  // Not simply the commonest edge: in a handout of lists, more text may start at the lists' indent.
  const total = lines.reduce((sum, f) => sum + f.text.length, 0);
  const left = Math.min(...[...lefts].filter(([, chars]) => chars >= total * 0.1).map(([x]) => x));
  return {
    left: Number.isFinite(left) ? left : (dominant(lefts) ?? 0),
    right: rights[Math.floor(rights.length * 0.9)] ?? 0,
  };
}

/**
 * Splits a page's rows where the text jumps back up (the next column). A part that starts near the
 * text's margin uses it (a page of list items is still indented from it); another column its own,
 * and a column beside another ends where its own lines do.
 */
export function segments(
  rows: readonly Row[],
  body: number,
  text: { left: number; right: number },
): Segment[] {
  const parts: Row[][] = [];
  let lastY = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    const ys = row.cells.flat().map((f) => f.y);
    if (parts.length === 0 || Math.max(...ys) > lastY + 2 * body) parts.push([]);
    parts.at(-1)?.push(row);
    lastY = Math.min(...ys);
  }
  const extents = parts.map((part) => {
    const fragments = part.flatMap((row) => row.cells.flat());
    return {
      start: Math.min(...fragments.map((f) => f.x0)),
      end: Math.max(...fragments.map((f) => f.x1)),
    };
  });
  return parts.map((part, i) => {
    const { start, end } = extents[i] ?? { start: 0, end: 0 };
    const besideAnother = extents.some((other, j) => j !== i && other.start > end);
    const sameColumn = start >= text.left - body && start < text.left + 5 * body;
    if (sameColumn && parts.length === 1) return { rows: part, left: text.left, right: text.right };
    const own = margins(part, body) ?? text;
    return {
      rows: part,
      left: sameColumn ? text.left : own.left,
      right: sameColumn && !besideAnother ? Math.max(text.right, own.right) : own.right,
    };
  });
}
