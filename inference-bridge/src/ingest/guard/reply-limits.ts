/**
 * Caps what a parse may send back from the parser process: the reply is cloned into the bridge's own
 * heap, so it must stay small whatever the file was, however many blocks and headings it fanned out into.
 */
import { MAX_TEXT_CHARS, RefusedFile, type ParsedDocument } from "../parsed-document";

/** Most characters (text and heading paths together) one reply may carry. */
export const MAX_REPLY_CHARS = MAX_TEXT_CHARS + 4_000_000;
/** Most blocks one reply may carry; a 3000-page book has a few tens of thousands of paragraphs. */
export const MAX_REPLY_BLOCKS = 200_000;

/** Refuses a parsed document too large to hand back to the bridge. */
export function checkReply(document: ParsedDocument): void {
  if (document.blocks.length > MAX_REPLY_BLOCKS) {
    throw new RefusedFile(
      "too_many_blocks",
      `The document breaks into more than ${MAX_REPLY_BLOCKS} paragraphs; split it into parts.`,
      413,
    );
  }
  let chars = 0;
  for (const block of document.blocks) {
    chars += block.text.length;
    for (const heading of block.headings) chars += heading.length;
    if (chars > MAX_REPLY_CHARS)
      throw new RefusedFile(
        "too_much_text",
        "The document holds more text than one upload may; split it into parts.",
        413,
      );
  }
}
