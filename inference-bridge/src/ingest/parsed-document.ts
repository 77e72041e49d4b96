/**
 * What every parser produces: the document as a sequence of blocks (paragraphs) that know the
 * headings above them and, for PDFs, their page. The chunker packs blocks; it never parses.
 */
import { AppError } from "../errors";

/** One paragraph of text with its place in the document. */
export interface Block {
  text: string;
  /** Headings above the block, outermost first. A heading itself is a block with `heading: true`. */
  headings: string[];
  heading?: boolean;
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

/** Builds blocks from lines of text with Markdown-style `#` headings; used by Markdown, TXT and HTML. */
export function blocksFromMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  const headings: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const joined = paragraph.join("\n").trim();
    if (joined) blocks.push({ text: joined, headings: [...headings] });
    paragraph = [];
  };
  let fenced = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const match = fenced ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (match?.[1] && match[2]) {
      flush();
      headings.length = Math.min(headings.length, match[1].length - 1);
      headings.push(match[2]);
      blocks.push({ text: match[2], headings: [...headings], heading: true });
    } else if (!fenced && line.trim() === "") {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
