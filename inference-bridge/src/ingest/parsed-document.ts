/**
 * What every parser produces: the document as a sequence of blocks that know what they are (heading,
 * paragraph, list item, table row, question, answer), the headings above them and, for PDFs, their
 * page. Parsers write drafts (draft-blocks.ts turns them into blocks); the chunker packs blocks and
 * never parses.
 */
import { AppError } from "../errors";

/**
 * What a block is, so chunking and answering can treat structure as structure:
 * - `heading`: a section title; it opens a section and is never a chunk on its own.
 * - `paragraph`: running text, lines joined (a PDF's line-end hyphens undone).
 * - `list-item`: one item of a bulleted or numbered list; an ordered item keeps its number ("2. …").
 * - `table-row`: one row of a table written to read on its own: "Day: Monday; Session: Rest" when the
 *   table has a header row, else its cells joined with " — ".
 * - `question`: a question of a question-and-answer pair ("Q: …" lines, headings or bold lines that
 *   end in "?", a line ending in "?" followed by its answer). It opens a section of its own, so the
 *   pair is chunked together.
 * - `answer`: a paragraph answering the question before it.
 */
export type BlockKind = "heading" | "paragraph" | "list-item" | "table-row" | "question" | "answer";

/** One unit of text with its place in the document. */
export interface Block {
  /** The text, without Markdown markers, bullets or "Q:"/"A:" labels (the chunker writes those). */
  text: string;
  kind: BlockKind;
  /**
   * Section path, outermost first: the headings above the block and, inside a question-and-answer
   * pair, the question last. A heading or question block ends its own path.
   */
  headings: string[];
  /** 1-based page, for PDFs. */
  page?: number;
}

/** A parsed document. */
export interface ParsedDocument {
  blocks: Block[];
  /** Pages, for PDFs; null for formats without pages. */
  pageCount: number | null;
}

/** A file refused while checking or parsing it; always a 4xx with a sentence the creator can act on. */
export class RefusedFile extends AppError {
  constructor(code: string, message: string, status = 422) {
    super(status, code, message, { retryable: false });
    this.name = "RefusedFile";
  }
}

/** Text of a parsed document cut at this many characters: beyond it a file is not coaching material. */
export const MAX_TEXT_CHARS = 20_000_000;
