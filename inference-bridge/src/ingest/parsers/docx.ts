/**
 * DOCX to blocks: the container is checked and inflated by the zip guard first (caps on entries and
 * inflated size), then mammoth turns Word's heading styles into `h1`–`h6`, which the HTML reader keeps
 * as the blocks' heading paths.
 */
import mammoth from "mammoth";
import { RefusedFile, type Block } from "../parsed-document";
import { parseHtml } from "./html";
import { readZip } from "./zip-guard";

/** Parses a DOCX file. */
export async function parseDocx(bytes: Uint8Array): Promise<Block[]> {
  const entries = readZip(bytes);
  if (!entries.has("word/document.xml")) {
    throw new RefusedFile(
      "docx_invalid",
      "The ZIP file is not a Word document (it has no word/document.xml).",
    );
  }
  let html: string;
  try {
    html = (
      await mammoth.convertToHtml(
        { buffer: Buffer.from(bytes) },
        {
          ignoreEmptyParagraphs: true,
          // Images are not text; skipping them keeps mammoth from base64-encoding every picture in memory.
          convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })),
        },
      )
    ).value;
  } catch (error) {
    if (error instanceof RangeError)
      throw new RefusedFile(
        "too_deeply_nested",
        "The Word document nests its content too deeply to be read.",
      );
    throw new RefusedFile(
      "docx_corrupt",
      "The Word document is damaged and cannot be read. Save it again from Word and re-upload.",
    );
  }
  return parseHtml(html);
}
