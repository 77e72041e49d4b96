/**
 * The checks every original passes in the parser process before its parser runs: the size an upload may
 * have, the magic number, then per kind the guard that bounds what the parser will unpack (PDF streams
 * and strings; the DOCX container, which is rebuilt from what was verified). Text formats are read as
 * they are: their size is their limit.
 */
import { MAX_DOCUMENT_BYTES, type DocumentKind } from "@coach/contracts/knowledge";
import { RefusedFile } from "../parsed-document";
import { checkMagic } from "../parsers/magic";
import { cleanDocx } from "./docx-container";
import { checkPdf } from "./pdf-guard";

/** Checks `bytes` as `kind` and returns the bytes the parser may read. */
export async function guardOriginal(kind: DocumentKind, bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes.length > MAX_DOCUMENT_BYTES)
    throw new RefusedFile(
      "file_too_large",
      `Files may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`,
      413,
    );
  checkMagic(kind, bytes);
  if (kind === "pdf") {
    await checkPdf(bytes);
    return bytes;
  }
  if (kind === "docx") return cleanDocx(bytes);
  return bytes;
}
