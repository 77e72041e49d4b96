/**
 * The first half of reading a PDF's layout: pdf.js text items (each a run of glyphs with a transform,
 * a width and a font) become fragments (words on one baseline with no wide gap), and fragments become
 * rows — a line of text, or a table row whose cells sit side by side. Content order is kept, which is
 * how Chromium, Word and LaTeX write pages: column after column, and a table row after row, cell after
 * cell, a cell's wrapped lines one under the other.
 */

/** The fields of a pdf.js text item this reader uses. */
export interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  fontName?: string;
}

/** Words on one baseline with no wide gap, in one size. */
export interface Fragment {
  text: string;
  x0: number;
  x1: number;
  /** Baseline, in PDF units from the bottom of the page. */
  y: number;
  /** Font size in points, rounded to half a point. */
  size: number;
  /** The text in runs of one pdf.js font each, to tell bold lines and bold lead-ins ("Breakfast: …"). */
  runs: { text: string; font: string }[];
}

/** A line of text (one cell) or a table row (several cells, each its fragments top to bottom). */
export interface Row {
  cells: Fragment[][];
}

/** A list marker written as text, alone before the item's words. */
const MARKER = /^(?:[•·▪◦‣●○■□–—\-*\uF0B7\uF0A7]|\d{1,3}[.)]|[a-zA-Z][.)])$/;

/** Gap between words, in font sizes, beyond which text on one baseline is in another cell. */
const CELL_GAP = 1.2;

function addText(fragment: Fragment, text: string, font: string): void {
  fragment.text += text;
  const last = fragment.runs.at(-1);
  if (last && (last.font === font || !text.trim())) last.text += text;
  else fragment.runs.push({ text, font });
}

/** Groups a page's text items into fragments, in content order. */
export function fragmentsOf(items: readonly TextItemLike[]): Fragment[] {
  const fragments: Fragment[] = [];
  // Characters per size in each fragment: its size is the one most of its text is set in (a bullet
  // glyph in a smaller font must not make its line look small).
  const sizes = new Map<Fragment, Map<number, number>>();
  const count = (fragment: Fragment, size: number, text: string) => {
    const bySize = sizes.get(fragment) ?? new Map<number, number>();
    bySize.set(size, (bySize.get(size) ?? 0) + text.trim().length);
    sizes.set(fragment, bySize);
  };
  let spaced = false;
  let gutter = false;
  for (const item of items) {
    const t = item.transform;
    if (typeof item.str !== "string" || !t || t.length < 6) continue;
    const text = item.str.replace(/[\u00a0\u2002-\u200a]/g, " ");
    if (!text.trim()) {
      // A space item says there is a word gap; one wider than a word space spans a table's gutter.
      spaced = true;
      gutter ||= (item.width ?? 0) > 1.2 * Math.hypot(t[2] ?? 0, t[3] ?? 0);
      continue;
    }
    const size = Math.round((Math.hypot(t[2] ?? 0, t[3] ?? 0) || item.height || 0) * 2) / 2;
    const x0 = t[4] ?? 0;
    const y = t[5] ?? 0;
    const x1 = x0 + (item.width ?? 0);
    const font = item.fontName ?? "";
    const last = fragments.at(-1);
    const unit = Math.max(1, Math.min(size, last?.size ?? size));
    // A superscript or subscript (a footnote mark, "m²") belongs to the line it is raised above.
    const script =
      last !== undefined &&
      size < 0.85 * last.size &&
      y - last.y > -0.35 * last.size &&
      y - last.y < 0.65 * last.size;
    if (
      last &&
      !gutter &&
      (Math.abs(y - last.y) < 0.3 * unit || script) &&
      x0 >= last.x1 - 0.5 * unit &&
      x0 - last.x1 < CELL_GAP * unit
    ) {
      const gap = spaced || x0 - last.x1 > 0.15 * unit;
      addText(
        last,
        gap && !last.text.endsWith(" ") && !text.startsWith(" ") ? ` ${text}` : text,
        font,
      );
      if (!script) count(last, size, text);
      last.x1 = Math.max(last.x1, x1);
    } else {
      const fragment: Fragment = { text: "", x0, x1, y, size, runs: [] };
      addText(fragment, text, font);
      count(fragment, size, text);
      fragments.push(fragment);
    }
    spaced = false;
    gutter = false;
  }
  for (const fragment of fragments) {
    fragment.text = fragment.text.replace(/\s+/g, " ").trim();
    let most = 0;
    for (const [size, chars] of sizes.get(fragment) ?? []) {
      if (chars > most) [most, fragment.size] = [chars, size];
    }
  }
  return fragments.filter((fragment) => fragment.text);
}

const top = (cell: Fragment[]) => Math.max(...cell.map((f) => f.y));
const bottom = (cell: Fragment[]) => Math.min(...cell.map((f) => f.y));
const left = (cell: Fragment[]) => Math.min(...cell.map((f) => f.x0));
const right = (cell: Fragment[]) => Math.max(...cell.map((f) => f.x1));

/** Is `next` the start of the next cell of `row` (to the right, on the row's baselines or above)? */
function nextCell(row: Row, previous: Fragment, next: Fragment): boolean {
  const unit = Math.max(1, Math.min(previous.size, next.size));
  const cell = row.cells.at(-1) ?? [];
  if (next.x0 < previous.x0 + CELL_GAP * unit) return false;
  if (Math.abs(next.y - previous.y) < 0.3 * unit) return next.x0 >= right(cell) - unit;
  if (next.x0 < right(cell) + 0.5 * unit) return false;
  // Up and to the right, a few lines at most: a cell beside one that wrapped (further is a new column).
  const rowBottom = Math.min(...row.cells.map(bottom));
  return next.y > previous.y && next.y - rowBottom <= 6 * unit;
}

/** Is `next` a wrapped line of the row's last cell (just below it, inside its column)? */
function wrapsInCell(row: Row, next: Fragment): boolean {
  const cell = row.cells.at(-1);
  if (!cell || row.cells.length < 2) return false;
  const unit = Math.max(1, next.size);
  const below = bottom(cell) - next.y;
  return (
    below > 0.5 * unit &&
    below <= 1.9 * unit &&
    next.x0 >= left(cell) - 2 * unit &&
    next.x1 <= right(cell) + 2 * unit &&
    next.x0 < right(cell)
  );
}

/** Lines of a cell that wrapped before its neighbour cell started, read as rows of their own so far. */
function pullWrappedLines(rows: Row[], row: Row, next: Fragment): void {
  const first = row.cells[0];
  if (!first || row.cells.length !== 1) return;
  const unit = Math.max(1, next.size);
  // A vertically centred neighbour sits mid-cell: the cell reaches as far above it as below it.
  const reach = next.y + Math.max(0, next.y - bottom(first)) + 0.5 * unit;
  let upper = top(first);
  while (rows.length > 0) {
    const previous = rows.at(-1);
    const cell = previous?.cells[0];
    if (!previous || !cell || previous.cells.length !== 1) break;
    const y = top(cell);
    if (
      y > reach ||
      y - upper > 1.9 * unit ||
      y <= upper ||
      Math.abs(left(cell) - left(first)) > 0.5 * unit
    )
      break;
    first.unshift(...cell);
    upper = y;
    rows.pop();
  }
}

/** Groups a page's fragments into rows: lines of text, and table rows of side-by-side cells. */
export function rowsOf(fragments: readonly Fragment[]): Row[] {
  const rows: Row[] = [];
  let row: Row | null = null;
  let previous: Fragment | null = null;
  for (const fragment of fragments) {
    if (row && previous && nextCell(row, previous, fragment)) {
      pullWrappedLines(rows, row, fragment);
      row.cells.push([fragment]);
    } else if (row && wrapsInCell(row, fragment)) {
      row.cells.at(-1)?.push(fragment);
    } else {
      if (row) rows.push(row);
      row = { cells: [[fragment]] };
    }
    previous = fragment;
  }
  if (row) rows.push(row);
  // A bullet or number written apart from its words ("•", a tab, the text) is one cell with them.
  for (const r of rows) {
    const [marker, words] = r.cells;
    if (marker?.length === 1 && words && MARKER.test(marker[0]?.text ?? ""))
      r.cells.splice(0, 2, [...marker, ...words]);
  }
  return rows;
}
