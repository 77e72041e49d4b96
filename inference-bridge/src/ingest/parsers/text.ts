/**
 * Plain text, Markdown and question-and-answer pairs to blocks. Text must be UTF-8; a NUL byte means
 * a binary file renamed to look like text, and is refused.
 */
import { QaPairSchema } from "@coach/contracts/knowledge";
import { z } from "zod";
import { assembleBlocks } from "../draft-blocks";
import { RefusedFile, type Block } from "../parsed-document";
import { markdownDrafts } from "./markdown";

/** Decodes UTF-8 text strictly. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.includes(0))
    throw new RefusedFile(
      "binary_content",
      "The file contains binary data, so it is not a text document.",
      415,
    );
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new RefusedFile(
      "invalid_encoding",
      "The text is not valid UTF-8. Save it as UTF-8 and re-upload.",
      415,
    );
  }
}

/** Most question-and-answer pairs in one entry. */
const MAX_QA_PAIRS = 2000;

/** Parses question-and-answer pairs (a JSON array); each pair is a question and its answer, a section of their own. */
export function parseQa(text: string): Block[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RefusedFile("qa_invalid", "The question-and-answer pairs are not valid JSON.", 400);
  }
  const parsed = z.array(QaPairSchema).min(1).max(MAX_QA_PAIRS).safeParse(value);
  if (!parsed.success)
    throw new RefusedFile("qa_invalid", "Each pair needs a non-empty question and answer.", 400);
  return parsed.data.flatMap((pair): Block[] => [
    { text: pair.question, kind: "question", headings: [pair.question] },
    { text: pair.answer, kind: "answer", headings: [pair.question] },
  ]);
}

/** Parses Markdown or plain text (headings in capitals, underlined or numbered are read as headings too). */
export function parseMarkdown(text: string): Block[] {
  return assembleBlocks(markdownDrafts(text));
}
