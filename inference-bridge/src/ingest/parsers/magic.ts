/**
 * The bridge re-checks the edge's type decision from the bytes: it never trusts a label, so a request
 * that says `pdf` for an executable is refused here too.
 */
import type { DocumentKind } from "@coach/contracts/knowledge";
import { RefusedFile } from "../parsed-document";

const EXECUTABLE = [
  [0x4d, 0x5a],
  [0x7f, 0x45, 0x4c, 0x46],
  [0xca, 0xfe, 0xba, 0xbe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0x23, 0x21],
];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

function contains(bytes: Uint8Array, needle: string, from = 0, to = bytes.length): boolean {
  const pattern = new TextEncoder().encode(needle);
  outer: for (let i = from; i <= Math.min(to, bytes.length) - pattern.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/** Refuses bytes that do not match `kind`, executables, and PDF/ZIP polyglots. */
export function checkMagic(kind: DocumentKind, bytes: Uint8Array): void {
  if (EXECUTABLE.some((signature) => startsWith(bytes, signature))) {
    throw new RefusedFile(
      "executable_file",
      "The file is a program, not a document; it is not accepted.",
      415,
    );
  }
  const isPdf = startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]);
  const isZip = startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
  if (kind === "pdf" && !isPdf)
    throw new RefusedFile("type_mismatch", "The file does not start like a PDF.", 415);
  if (kind === "docx" && !isZip)
    throw new RefusedFile("type_mismatch", "The file does not start like a Word document.", 415);
  // A file that is two formats at once is a classic way to smuggle one past a check on the other.
  if (isPdf && contains(bytes, "PK\x05\x06", Math.max(0, bytes.length - 65_600))) {
    throw new RefusedFile(
      "polyglot_file",
      "The file is both a PDF and a ZIP archive; it is not accepted.",
      415,
    );
  }
  if (isZip && contains(bytes, "%PDF-", 0, 1024)) {
    throw new RefusedFile(
      "polyglot_file",
      "The file is both a ZIP archive and a PDF; it is not accepted.",
      415,
    );
  }
}
