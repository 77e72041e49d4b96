/**
 * Parses an original into blocks by kind, after re-checking its magic number. Runs inside the parse
 * worker (parse-in-worker.ts), which bounds its time and memory.
 */
import type { DocumentKind } from "@coach/contracts/knowledge";
import { MAX_TEXT_CHARS, RefusedFile, type ParsedDocument } from "./parsed-document";
import { parseDocx } from "./parsers/docx";
import { parseHtml } from "./parsers/html";
import { checkMagic } from "./parsers/magic";
import { parsePdf } from "./parsers/pdf";
import { decodeText, parseMarkdown, parseQa } from "./parsers/text";

/** Parses `bytes` as `kind`; throws {@link RefusedFile} for anything hostile or unreadable. */
export async function parseDocument(
  kind: DocumentKind,
  bytes: Uint8Array,
): Promise<ParsedDocument> {
  checkMagic(kind, bytes);
  let parsed: ParsedDocument;
  switch (kind) {
    case "pdf":
      parsed = await parsePdf(bytes);
      break;
    case "docx":
      parsed = { blocks: await parseDocx(bytes), pageCount: null };
      break;
    case "html":
      parsed = { blocks: parseHtml(decodeText(bytes)), pageCount: null };
      break;
    case "qa":
    case "correction":
      parsed = { blocks: parseQa(decodeText(bytes)), pageCount: null };
      break;
    default:
      parsed = { blocks: parseMarkdown(decodeText(bytes)), pageCount: null };
  }
  const chars = parsed.blocks.reduce((sum, block) => sum + block.text.length, 0);
  if (chars === 0)
    throw new RefusedFile(
      "no_text",
      "No text could be found in the file (a scanned PDF needs OCR first).",
    );
  if (chars > MAX_TEXT_CHARS)
    throw new RefusedFile(
      "too_much_text",
      "The document holds more text than one upload may; split it into parts.",
      413,
    );
  return parsed;
}
