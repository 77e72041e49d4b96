/**
 * Splits a chunk into the pieces an extractive answer may quote: sentences of paragraphs, list items,
 * table rows and the answers of question-and-answer pairs. Headings and FAQ questions are kept as the
 * context of what follows them — never quoted alone, since a heading ("What the ledger is") or a
 * question line ("Q: Can I sleep in?") says nothing by itself.
 */

import { instructsTheAssistant } from "./injected-instructions";

/** What a unit is; only `sentence`, `item`, `row` and `answer` can be quoted. */
export type UnitKind = "heading" | "question" | "sentence" | "item" | "row" | "answer";

/** One piece of a chunk. */
export interface AnswerUnit {
  text: string;
  kind: UnitKind;
  /** The heading or FAQ question this unit sits under, within the chunk ("" when none). */
  context: string;
  /** Position in the chunk, for neighbours. */
  index: number;
  /** For a list item: the sentence that introduces the list (ends with ":"), if any. */
  lead?: string;
}

const LIST_ITEM = /^\s*(?:[-*•·▪◦–]|\d{1,2}[.)]|[a-z][.)])\s+/u;
const QUESTION_PREFIX = /^\s*(?:q|question)\s*[:.)-]\s*/i;
const ANSWER_PREFIX = /^\s*(?:a|answer)\s*[:.)-]\s*/i;
const MARKDOWN_HEADING = /^\s*#{1,6}\s+/;
/** Words whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  "e.g",
  "i.e",
  "etc",
  "vs",
  "approx",
  "incl",
  "min",
  "mins",
  "max",
  "no",
  "dr",
  "mr",
  "mrs",
  "ms",
  "st",
  "fig",
]);

/** Splits a paragraph into sentences at ., ! or ? followed by a space and a capital, digit or quote. */
export function splitSentences(paragraph: string): string[] {
  const flat = paragraph.replace(/\s+/g, " ").trim();
  if (flat === "") return [];
  const out: string[] = [];
  let start = 0;
  for (const match of flat.matchAll(/([.!?])["'”’)]*\s+(?=["'“‘(]?[\p{Lu}\p{N}])/gu)) {
    const end = match.index + match[0].trimEnd().length;
    if (match[1] === ".") {
      const before = flat.slice(start, match.index).split(" ").pop()?.toLowerCase() ?? "";
      // One-letter initials ("J. Smith") and common abbreviations do not end a sentence.
      if (/^\p{L}$/u.test(before) || ABBREVIATIONS.has(before)) continue;
    }
    out.push(flat.slice(start, end).trim());
    start = match.index + match[0].length;
  }
  const rest = flat.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

function stripMarkup(line: string): string {
  return line
    .replace(/\*\*([^*]+)\*\*|__([^_]+)__/g, "$1$2")
    .replace(/(?<![\w*])\*([^*\n]+)\*(?!\w)|(?<![\w_])_([^_\n]+)_(?!\w)/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .trim();
}

/**
 * True for a line that reads as a heading: Markdown `#`, or a short line with no closing punctuation —
 * alone in its paragraph (how parsed PDF and DOCX headings arrive), or in capitals or title case at the
 * top of one (how text files write them).
 */
function looksLikeHeading(line: string, alone: boolean): boolean {
  if (MARKDOWN_HEADING.test(line)) return true;
  if (LIST_ITEM.test(line) || line.includes("|")) return false;
  const words = line.split(/\s+/);
  if (words.length > 10 || /[.!?:;,"”)]$/.test(line) || !/^[\p{Lu}\p{N}]/u.test(line)) return false;
  const capitalised = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length / words.length;
  return alone || line === line.toUpperCase() || capitalised >= 0.6;
}

/** True for a line that starts a new piece rather than continuing a wrapped one. */
function startsPiece(line: string): boolean {
  return (
    LIST_ITEM.test(line) ||
    QUESTION_PREFIX.test(line) ||
    ANSWER_PREFIX.test(line) ||
    MARKDOWN_HEADING.test(line) ||
    isTableRow(line)
  );
}

/** Paragraphs as lists of logical lines: hard-wrapped lines joined, list items and rows kept apart. */
function paragraphs(text: string): string[][] {
  const out: string[][] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines: string[] = [];
    const raw = block
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    raw.forEach((line, i) => {
      const previous = lines[lines.length - 1];
      const headingFirst = i === 1 && previous !== undefined && looksLikeHeading(previous, false);
      if (previous === undefined || startsPiece(line) || headingFirst || isTableRow(previous))
        lines.push(line);
      else lines[lines.length - 1] = `${previous} ${line}`;
    });
    if (lines.length > 0) out.push(lines);
  }
  return out;
}

function isTableRow(line: string): boolean {
  return (
    (line.match(/\|/g)?.length ?? 0) >= 2 ||
    /^[^:]{1,40}: [^;]+(?:; [^:;]{1,40}: [^;]+)+$/.test(line)
  );
}

function cells(line: string): string[] {
  return line
    .replace(/^\s*\||\|\s*$/g, "")
    .split("|")
    .map((cell) => stripMarkup(cell));
}

/** The units of a chunk, in order. `section` is the chunk's heading path, the context of its first lines. */
export function answerUnits(text: string, section = ""): AnswerUnit[] {
  const units: AnswerUnit[] = [];
  let heading = section.split(" > ").pop() ?? "";
  let context = heading;
  const push = (unitText: string, kind: UnitKind, extra: Partial<AnswerUnit> = {}) => {
    const clean = stripMarkup(unitText);
    if (clean) units.push({ text: clean, kind, context, index: units.length, ...extra });
  };
  for (const lines of paragraphs(text)) {
    let lead: string | undefined;
    let question: string | null = null;
    let header: string[] | null = null;
    // What follows a question's answer belongs to the heading again.
    context = heading;
    lines.forEach((line, i) => {
      const next = lines[i + 1];
      if (isTableRow(line)) {
        if (/^\|?\s*:?-{2,}/.test(line)) return;
        const row = cells(line);
        if (header === null && next !== undefined && /^\|?\s*:?-{2,}/.test(next)) {
          header = row;
          return;
        }
        // Each row labelled with its column names, so it reads alone: "Day: Monday; Session: Easy run".
        const labels = header;
        const labelled =
          labels && labels.length === row.length
            ? row.map((cell, j) => (labels[j] ? `${labels[j]}: ${cell}` : cell))
            : row;
        push(labelled.filter(Boolean).join("; "), "row");
        return;
      }
      if (
        QUESTION_PREFIX.test(line) ||
        (line.endsWith("?") && !LIST_ITEM.test(line) && line.split(/\s+/).length <= 25)
      ) {
        question = stripMarkup(line.replace(QUESTION_PREFIX, "").replace(MARKDOWN_HEADING, ""));
        context = question;
        push(question, "question");
        return;
      }
      if (ANSWER_PREFIX.test(line) || question !== null) {
        for (const sentence of splitSentences(line.replace(ANSWER_PREFIX, "")))
          push(sentence, "answer");
        question = null;
        return;
      }
      if (looksLikeHeading(line, lines.length === 1)) {
        heading = stripMarkup(line.replace(MARKDOWN_HEADING, ""));
        context = heading;
        push(heading, "heading");
        return;
      }
      if (LIST_ITEM.test(line)) {
        push(line.replace(LIST_ITEM, ""), "item", lead ? { lead } : {});
        return;
      }
      const sentences = splitSentences(line);
      for (const sentence of sentences) push(sentence, "sentence");
      const last = sentences[sentences.length - 1];
      lead = last?.endsWith(":") ? stripMarkup(last) : undefined;
    });
  }
  return units;
}

/** True for units an answer may quote: never a heading, a question line, or words aimed at the assistant. */
export function isQuotable(unit: AnswerUnit): boolean {
  return unit.kind !== "heading" && unit.kind !== "question" && !instructsTheAssistant(unit.text);
}
