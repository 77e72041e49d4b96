/**
 * Where one block of a PDF's text ends and the next begins: the tests pdf-layout.ts puts to every line
 * that is neither a heading nor a table row, from the geometry and type of that line and the one before
 * it. They live apart from the layout's bookkeeping (the open block, tables, drafts) because they are
 * pure functions of two lines, read and changed on their own.
 */

export interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  bold: boolean;
  page: number;
  left: number;
  right: number;
  /** First line of a page or a column: a paragraph before it may continue here. */
  fresh: boolean;
  /** Starts with a few words in bold ending in ":" or ".", then regular text: a run-in head. */
  leadIn: boolean;
  /** Ends in bold type (then a bold start of the next line continues the same bold words). */
  boldEnd: boolean;
}

export const LIST_MARKER = /^(?:[•·▪◦‣●○■□*\uF0B7\uF0A7]\s*|[-–—]\s+|\d{1,3}[.)]\s+|[a-z][.)]\s+)/u;
const LABEL = /^(?:Q|Question|A|Answer)\s*[:.]\s/i;
const SENTENCE_END = /[.!?:;…"”’')\]]$/;

/** Room left at the end of `previous` after the first word of `line` would have been set there. */
function slack(previous: Line, line: Line): number {
  const first = line.text.split(" ")[0] ?? "";
  const firstWidth = ((line.x1 - line.x0) * first.length) / Math.max(1, line.text.length);
  return line.right - previous.x1 - firstWidth - 0.5 * line.size;
}

/** Whether `line` starts a new block rather than going on with `block`, whose last line is `previous`. */
export function startsNew(
  block: { marker: boolean; lines: readonly Line[] },
  previous: Line,
  line: Line,
  pitch: (size: number) => number,
): boolean {
  // A dash at the start of a line after a full one is a dash in the sentence, wrapped: not a bullet.
  const marker =
    LIST_MARKER.test(line.text) &&
    !(
      /^[-–—]\s/.test(line.text) &&
      slack(previous, line) <= 0 &&
      !SENTENCE_END.test(previous.text)
    );
  if (marker || LABEL.test(line.text) || (line.leadIn && !previous.boldEnd)) return true;
  if (Math.abs(line.size - previous.size) > 0.5) return true;
  // Over a page or column break a paragraph goes on only from a full line, at the margin, with a
  // sentence plainly unfinished (a lower-case word next, or a comma or hyphen before the break).
  if (line.fresh) {
    const unfinished = /^\p{Ll}/u.test(line.text) || /[,\-–]$/.test(previous.text);
    return (
      !unfinished ||
      SENTENCE_END.test(previous.text) ||
      previous.x1 < previous.right - 3 * previous.size ||
      Math.abs(line.x0 - line.left) > 0.8 * line.size
    );
  }
  const gap = previous.y - line.y;
  if (line.y > previous.y + 0.3 * line.size || gap > 1.3 * pitch(line.size)) return true;
  // In an indented list a little extra space above a line is the space between two items.
  if (line.x0 - line.left >= 1.2 * line.size && gap > pitch(line.size) + 0.15 * line.size)
    return true;
  if (!block.marker && line.x0 > previous.x0 + 0.8 * line.size) return true;
  if (line.x0 < previous.x0 - 0.8 * line.size && (block.marker || block.lines.length > 1))
    return true;
  // A line that ended short of the margin though the next line's first word would have fitted was
  // ended on purpose. Unless it is plainly short, a lower-case start says the sentence goes on (the
  // width of that word is only estimated).
  const room = slack(previous, line);
  const boldChange = line.bold !== previous.bold;
  const plainlyShort = room > 2.5 * line.size && !previous.text.endsWith("-");
  if (room > 0 && (boldChange || plainlyShort || /^[\p{Lu}\d"“‘(]/u.test(line.text))) return true;
  // A bold sentence standing alone over regular text (or the reverse) is a block of its own.
  return boldChange && /[.!?]$/.test(previous.text);
}
