/**
 * Turns what a parser saw (drafts: headings with a level, paragraphs with their line breaks and
 * whether they were bold, list items, table rows) into blocks: bold lines standing alone become
 * headings, question-and-answer pairs are found and marked, and every block gets its section path.
 * Shared by every format so a FAQ reads the same from a PDF, a Word file or Markdown.
 */
import type { Block } from "./parsed-document";

/** A block as a parser saw it, before questions and section paths are worked out. */
export interface DraftBlock {
  kind: "heading" | "paragraph" | "list-item" | "table-row";
  /** Paragraphs keep "\n" where the author broke a line on purpose (a "Q:" line above its "A:"). */
  text: string;
  /** Headings: 1 is outermost. */
  level?: number;
  /** The whole draft is set in bold: a pseudo-heading, or a question, in many handouts. */
  bold?: boolean;
  page?: number;
}

const Q_LABEL = /^(?:Q|Question)(?:\s*\d{1,3})?\s*[:.)]\s*/i;
const A_LABEL = /^(?:A|Answer)\s*:\s*/i;
/** Words in a bold line that can still be a heading rather than a sentence set in bold. */
const MAX_BOLD_HEADING_WORDS = 12;
/** Words in a line ending in "?" that can still be a question heading its answer. */
const MAX_QUESTION_WORDS = 40;

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Splits paragraphs at lines that start a question or an answer ("Q: …" above "A: …" in one paragraph). */
function splitLabelledLines(drafts: DraftBlock[]): DraftBlock[] {
  const out: DraftBlock[] = [];
  for (const draft of drafts) {
    if (draft.kind !== "paragraph" || !draft.text.includes("\n")) {
      out.push(draft);
      continue;
    }
    let current: string[] = [];
    const flush = () => {
      if (current.length > 0) out.push({ ...draft, text: current.join("\n") });
      current = [];
    };
    draft.text.split("\n").forEach((line, i, lines) => {
      if ((Q_LABEL.test(line) || A_LABEL.test(line)) && current.length > 0) flush();
      current.push(line);
      // A first line asking a question, with the rest of the paragraph below it, is that question.
      if (i === 0 && lines.length > 1 && line.trimEnd().endsWith("?")) flush();
    });
    flush();
  }
  return out;
}

type Role = "heading" | "question" | "body";

interface Classified {
  draft: DraftBlock;
  role: Role;
  /** For a question: does its answer run to the next heading or question (true), or one paragraph? */
  explicit?: boolean;
  level?: number;
}

function isQuestionLine(draft: DraftBlock): boolean {
  return (
    !draft.text.includes("\n") &&
    draft.text.trimEnd().endsWith("?") &&
    wordCount(draft.text) <= MAX_QUESTION_WORDS
  );
}

function classify(drafts: DraftBlock[]): Classified[] {
  const out: Classified[] = [];
  let lastLevel = 0;
  drafts.forEach((draft, i) => {
    const next = drafts[i + 1];
    if (draft.kind === "heading") {
      const question = Q_LABEL.test(draft.text) || draft.text.trimEnd().endsWith("?");
      lastLevel = draft.level ?? 1;
      out.push({
        draft,
        role: question ? "question" : "heading",
        explicit: true,
        level: lastLevel,
      });
      return;
    }
    if (draft.kind !== "paragraph") {
      out.push({ draft, role: "body" });
      return;
    }
    if (Q_LABEL.test(draft.text) || (draft.bold && isQuestionLine(draft))) {
      out.push({ draft, role: "question", explicit: true });
      return;
    }
    const followed = next !== undefined && next.kind !== "heading";
    if (
      draft.bold &&
      followed &&
      !/[.,;:!]$/.test(draft.text.trimEnd()) &&
      wordCount(draft.text) <= MAX_BOLD_HEADING_WORDS
    ) {
      // A bold line standing alone over text is how many Word users write a heading.
      out.push({ draft, role: "heading", level: Math.min(6, lastLevel + 1) });
      return;
    }
    if (
      isQuestionLine(draft) &&
      next?.kind === "paragraph" &&
      !isQuestionLine(next) &&
      !Q_LABEL.test(next.text)
    ) {
      out.push({ draft, role: "question", explicit: false });
      return;
    }
    out.push({ draft, role: "body" });
  });
  return out;
}

/** Works out headings, questions, answers and section paths from a parser's drafts. */
export function assembleBlocks(drafts: DraftBlock[]): Block[] {
  const blocks: Block[] = [];
  const headings: { text: string; level: number }[] = [];
  let question: string | null = null;
  // What is left of a question's answer: "open" until the next heading or question, or one paragraph
  // (and the list or table right under it) for a line that merely ends in "?".
  let answer: "open" | "one" | "list" | "none" = "none";
  const path = () => [...headings.map((h) => h.text), ...(question === null ? [] : [question])];
  const push = ({ text, kind, page }: Omit<Block, "headings">) =>
    blocks.push(
      page === undefined
        ? { text, kind, headings: path() }
        : { text, kind, headings: path(), page },
    );
  for (const { draft, role, explicit, level } of classify(splitLabelledLines(drafts))) {
    const page = draft.page;
    let text = draft.text.trim();
    if (role === "question") text = text.replace(Q_LABEL, "").trim();
    if (!text) continue;
    if (role === "heading" || (role === "question" && level !== undefined)) {
      const depth = level ?? 1;
      while ((headings.at(-1)?.level ?? 0) >= depth) headings.pop();
      question = null;
      if (role === "heading") headings.push({ text, level: depth });
      else question = text;
      answer = role === "question" ? "open" : "none";
      push({ text, kind: role, page });
    } else if (role === "question") {
      question = text;
      answer = explicit ? "open" : "one";
      push({ text, kind: "question", page });
    } else if (draft.kind === "paragraph") {
      if (answer === "list") {
        question = null;
        answer = "none";
      }
      if (answer === "one") answer = "list";
      if (question === null) push({ text, kind: "paragraph", page });
      else push({ text: text.replace(A_LABEL, ""), kind: "answer", page });
    } else {
      if (answer === "one") answer = "list";
      push({ text, kind: draft.kind === "table-row" ? "table-row" : "list-item", page });
    }
  }
  return blocks;
}

/** Cells that say nothing ("", "-", "—") are left out of a row's text. */
const EMPTY_CELL = /^[\s\-–—]*$/;

/**
 * One table row as a line that reads on its own, so an extractive answer can quote it alone: with a
 * header row, "Day: Monday; Session: Easy run; Time: 30 minutes" (the header says what each value is;
 * "Monday — Easy run — 30 minutes" would leave "30 minutes" of what unsaid); without one, the cells
 * joined with " — ".
 */
export function tableRowText(cells: string[], header: string[] | null): string {
  const parts: string[] = [];
  cells.forEach((cell, i) => {
    if (EMPTY_CELL.test(cell)) return;
    const name = header?.[i]?.trim();
    parts.push(name && !EMPTY_CELL.test(name) ? `${name}: ${cell}` : cell);
  });
  return parts.join(header ? "; " : " — ");
}
