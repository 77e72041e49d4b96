/**
 * Text-level helpers for reading PDFs: joining the lines of a paragraph (undoing hyphens that only
 * split a word at a line end, keeping real ones such as "two-minute"), dropping running headers,
 * footers and page numbers, and writing a table's rows as lines that read on their own.
 */
import { tableRowText } from "../draft-blocks";
import type { Fragment, Row } from "./pdf-lines";

const WORD = /\p{L}+(?:['’-]\p{L}+)*/gu;

/** The document's words, worked out on first use: most documents never break a word at a line end. */
export type Vocabulary = () => Set<string>;

/**
 * The words a document uses, to decide what a hyphen at a line end was. A word cut by such a hyphen
 * is left out (its halves are not words), the rest counts.
 */
export function vocabulary(pages: readonly { rows: Row[] }[]): Vocabulary {
  let words: Set<string> | null = null;
  return () => (words ??= collect(pages));
}

function collect(pages: readonly { rows: Row[] }[]): Set<string> {
  const words = new Set<string>();
  let cutBefore = false;
  for (const page of pages) {
    for (const row of page.rows) {
      for (const cell of row.cells) {
        for (const fragment of cell) {
          const tokens = [...fragment.text.matchAll(WORD)];
          const cutAfter = /\p{L}-$/u.test(fragment.text);
          tokens.forEach((token, i) => {
            if ((i === 0 && cutBefore) || (i === tokens.length - 1 && cutAfter)) return;
            words.add(token[0].toLowerCase());
          });
          cutBefore = cutAfter;
        }
      }
    }
  }
  return words;
}

function known(words: Set<string>, word: string): boolean {
  const w = word.toLowerCase();
  return words.has(w) || words.has(`${w}s`) || (w.endsWith("s") && words.has(w.slice(0, -1)));
}

/** Joins the next line of a paragraph to its text so far. */
export function joinLine(text: string, next: string, vocabulary: Vocabulary): string {
  if (!text) return next;
  if (text.endsWith("\u00ad")) return text.slice(0, -1) + next;
  // Only the end of the text matters; matching the whole paragraph at every line would be quadratic.
  const cut = /(\p{L}+(?:-\p{L}+)*)-$/u.exec(text.slice(-80));
  const following = /^\p{L}+/u.exec(next)?.[0];
  if (!cut?.[1] || !following) return `${text} ${next}`;
  if (!/^\p{Ll}/u.test(following)) return text + next;
  const stem = cut[1];
  const lastPart = stem.split("-").at(-1) ?? stem;
  const hyphenated = `${stem}-${following}`;
  const whole = `${stem}${following}`;
  // "two-" + "minute": a compound the text uses, or two words it knows, keeps its hyphen.
  const words = vocabulary();
  const keep =
    known(words, hyphenated) ||
    (!known(words, whole) && known(words, lastPart) && known(words, following));
  return keep ? text + next : text.slice(0, -1) + next;
}

/** The text of a table cell or a run of fragments, top to bottom. */
function fragmentText(fragments: readonly Fragment[], words: Vocabulary): string {
  return fragments.reduce((text, fragment) => joinLine(text, fragment.text, words), "");
}

const PAGE_NUMBER =
  /^(?:page|p\.|seite|pagina)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:of|\/|von|de)\s*\d{1,4})?$/i;
/** Share of the page height at the top and bottom where running headers and footers live. */
const MARGIN = 0.08;

function rowText(row: Row): string {
  return row.cells.map((cell) => cell.map((f) => f.text).join(" ")).join(" ");
}

function inMargin(row: Row, height: number): boolean {
  const y = row.cells[0]?.[0]?.y ?? 0;
  return y < height * MARGIN || y > height * (1 - MARGIN);
}

/**
 * Drops running headers and footers — lines in the top or bottom margin, no larger than the body
 * text, that repeat on at least half of the pages either word for word or with the page's own number
 * in them ("Handout — page 3 of 4") — and bare page numbers. A heading such as "Week 3" is larger
 * than the body, so a plan with one week per page keeps its headings.
 */
export function dropRunningLines(
  pages: { page: number; rows: Row[]; height: number }[],
  body: number,
): void {
  const key = (row: Row) =>
    rowText(row).toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
  const small = (row: Row) => row.cells.flat().every((f) => f.size <= body + 0.5);
  const seen = new Map<string, { pages: number; texts: Set<string>; numbered: number }>();
  for (const page of pages) {
    for (const row of page.rows.filter((r) => inMargin(r, page.height) && small(r))) {
      const entry = seen.get(key(row)) ?? { pages: 0, texts: new Set<string>(), numbered: 0 };
      entry.pages++;
      entry.texts.add(rowText(row));
      if (rowText(row).match(/\d+/g)?.includes(String(page.page))) entry.numbered++;
      seen.set(key(row), entry);
    }
  }
  const repeats = Math.max(2, Math.ceil(pages.length / 2));
  const running = (row: Row) => {
    const entry = seen.get(key(row));
    return (
      entry !== undefined &&
      entry.pages >= repeats &&
      (entry.texts.size === 1 || entry.numbered >= repeats)
    );
  };
  for (const page of pages) {
    page.rows = page.rows.filter(
      (row) =>
        !inMargin(row, page.height) ||
        (!PAGE_NUMBER.test(rowText(row).trim()) && !(small(row) && running(row))),
    );
  }
}

/** Column spans of a table: the x-ranges its cells cover, merged where they overlap. */
function columns(rows: readonly Row[]): [number, number][] {
  // A row whose cells ran together into one line would span every column.
  const split = rows.filter((row) => row.cells.length > 1);
  const spans = (split.length > 0 ? split : rows).flatMap((row) =>
    row.cells.map((cell): [number, number] => [
      Math.min(...cell.map((f) => f.x0)),
      Math.max(...cell.map((f) => f.x1)),
    ]),
  );
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/**
 * A table's rows as lines that read on their own; the first row is the header when it is set in bold
 * (as `th` cells and Word's header rows are) and more rows follow. Cells are placed by column, so an
 * empty cell does not shift the values after it under the wrong header.
 */
export function tableLines(
  rows: readonly Row[],
  words: Vocabulary,
  isBold: (fragment: Fragment) => boolean,
): string[] {
  const spans = columns(rows);
  const place = (row: Row) => {
    const cells = spans.map(() => "");
    for (const cell of row.cells) {
      const x = Math.min(...cell.map((f) => f.x0));
      const index = Math.max(
        0,
        spans.findIndex(([from, to]) => x >= from - 0.5 && x <= to),
      );
      cells[index] = [cells[index], fragmentText(cell, words)].filter(Boolean).join(" ");
    }
    return cells;
  };
  const [first, ...rest] = rows;
  if (!first) return [];
  const headed = rest.length > 0 && first.cells.every((cell) => cell.every(isBold));
  const header = headed ? place(first) : null;
  // A table running over pages repeats its header row on each (Chromium does, as Word can).
  const body = (headed ? rest : rows)
    .map(place)
    .filter((cells) => !header || cells.join("\u0000") !== header.join("\u0000"));
  return body.map((cells) => tableRowText(cells, header)).filter(Boolean);
}
