/**
 * Markdown and plain text to draft blocks, line by line. Headings are read the ways people write them:
 * Markdown `#` headings, lines underlined with `===` or `---`, lines in CAPITALS standing alone, and
 * numbered ones ("1. GETTING STARTED", "2.3 Night feeds"). Markdown tables become one row per line,
 * list items stay one per line, and the lines of a hard-wrapped paragraph are joined again while lines
 * an author broke on purpose (a schedule, "Q:" above "A:") stay apart.
 */
import { tableRowText, type DraftBlock } from "../draft-blocks";

const FENCE = /^\s{0,3}(```|~~~)/;
const ATX = /^\s{0,3}(#{1,6})\s+(.+?)(?:\s+#+)?\s*$/;
const UNDERLINE = /^\s{0,3}(=+|-{3,})\s*$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const LIST_ITEM = /^(\s*)([-*+•·▪‣◦]|\d{1,3}[.)]|[a-z][.)])\s+(.*)$/;
const NUMBERED_HEADING = /^\s*(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)$/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const BOLD_LINE = /^\s*(\*\*|__)(?=\S)(.+?)(?<=\S)\1\s*$/;
const LABEL = /^\s*(?:\*\*)?(?:Q|Question|A|Answer)\s*[:.]\s/i;

const indent = (line: string) => /^\s*/.exec(line)?.[0].length ?? 0;

/** Markdown inline markup removed: the words are what gets embedded and quoted. */
function plainInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
    .replace(/(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])/g, "$1")
    .replace(/(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, "$1")
    .replace(/[ \t]+/g, " ")
    .trim();
}

function isCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return (
    letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
  );
}

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "")
    .split(/(?<!\\)\|/)
    .map((cell) => plainInline(cell));
}

/** The width a hard-wrapped text was wrapped at: nearly its longest lines (a stray long URL aside). */
function wrapWidth(lines: string[]): number {
  const lengths = lines
    .map((line) => line.trimEnd().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.95)] ?? 80;
}

/** A heading written in plain text: a standalone line in capitals, or a numbered line of few words. */
function plainHeadingLevel(line: string): number | null {
  const words = line.trim().split(/\s+/).length;
  if (words > 12 || /[.;,]$/.test(line.trim())) return null;
  const numbered = NUMBERED_HEADING.exec(line);
  if (numbered?.[1] && numbered[2]) {
    const depth = numbered[1].split(".").length;
    // "1. Buy shoes" is a list item; "1. GETTING STARTED" and "2.3 Night feeds" are headings.
    if (isCapitals(numbered[2]) || (depth > 1 && /^\p{Lu}/u.test(numbered[2])))
      return Math.min(6, depth + 1);
    return null;
  }
  return isCapitals(line) ? 2 : null;
}

/** Reads Markdown or plain text into drafts. */
export function markdownDrafts(text: string): DraftBlock[] {
  const lines = text.split(/\r?\n/);
  const width = wrapWidth(lines);
  const drafts: DraftBlock[] = [];
  let paragraph: string[] = [];
  let raw: string[] = [];
  let item: { text: string } | null = null;
  const flush = () => {
    if (item) drafts.push({ kind: "list-item", text: plainInline(item.text) });
    item = null;
    if (paragraph.length > 0) {
      const bold = raw.every((line) => BOLD_LINE.test(line));
      drafts.push({ kind: "paragraph", text: paragraph.join(""), ...(bold ? { bold } : {}) });
    }
    paragraph = [];
    raw = [];
  };
  const addLine = (line: string) => {
    const previous = raw.at(-1);
    if (previous !== undefined) {
      const firstWord = line.trim().split(/\s/)[0] ?? "";
      // Wrapped: the next word would not have fitted, or a sentence simply goes on in lower case.
      const wrapped =
        previous.trimEnd().length + 1 + firstWord.length > width - 2 ||
        (/^\p{Ll}/u.test(line.trim()) && !/[.!?:]$/.test(previous.trim()));
      const aligned = /\S\s{2,}\S/.test(previous.trim()) || /\S\s{2,}\S/.test(line.trim());
      const hardBreak = / {2,}$|\\$/.test(previous) || LABEL.test(line);
      // A hanging indent continues the line above it ("A: Slow down…" / "   and stop if…").
      const hanging = indent(line) > indent(raw[0] ?? "");
      paragraph.push((wrapped || hanging) && !aligned && !hardBreak ? " " : "\n");
    }
    raw.push(line);
    paragraph.push(plainInline(line.replace(/\\$/, "")));
  };
  let fenced = false;
  let previousBlank = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const next = lines[i + 1] ?? "";
    const blank = line.trim() === "";
    const standalone = previousBlank && paragraph.length === 0 && item === null;
    previousBlank = blank;
    if (FENCE.test(line)) {
      flush();
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      raw.push(line);
      paragraph.push(paragraph.length > 0 ? "\n" : "", line);
      continue;
    }
    const atx = ATX.exec(line);
    if (blank || atx || RULE.test(line)) {
      flush();
      if (atx?.[1] && atx[2])
        drafts.push({ kind: "heading", text: plainInline(atx[2]), level: atx[1].length });
      previousBlank = blank || Boolean(atx);
      continue;
    }
    const underline = UNDERLINE.exec(next);
    if (underline?.[1] && paragraph.length === 0 && item === null) {
      drafts.push({
        kind: "heading",
        text: plainInline(line),
        level: underline[1].startsWith("=") ? 1 : 2,
      });
      i++;
      previousBlank = true;
      continue;
    }
    if (line.includes("|") && TABLE_RULE.test(next)) {
      flush();
      const header = cells(line);
      for (i += 2; i < lines.length && (lines[i] ?? "").includes("|"); i++)
        drafts.push({ kind: "table-row", text: tableRowText(cells(lines[i] ?? ""), header) });
      i--;
      previousBlank = true;
      continue;
    }
    // The first line of a text file, short and alone over a blank line, is its title.
    const title =
      drafts.length === 0 &&
      standalone &&
      next.trim() === "" &&
      line.trim().split(/\s+/).length <= 10 &&
      !/[.,;:!?]$/.test(line.trim());
    const level = title ? 1 : standalone ? plainHeadingLevel(line) : null;
    if (level !== null) {
      drafts.push({ kind: "heading", text: plainInline(line), level });
      previousBlank = true;
      continue;
    }
    const marker = LIST_ITEM.exec(line);
    if (marker?.[2] && marker[3] !== undefined) {
      flush();
      const ordinal = /[.)]$/.test(marker[2]) ? `${marker[2]} ` : "";
      item = { text: `${ordinal}${marker[3]}` };
      continue;
    }
    if (item) {
      item.text += ` ${line.trim()}`;
      continue;
    }
    // A bold line on top of a paragraph stands alone: a pseudo-heading or a question over its answer.
    if (paragraph.length > 0 && raw.length === 1 && BOLD_LINE.test(raw[0] ?? "")) flush();
    addLine(line);
  }
  flush();
  return drafts;
}
