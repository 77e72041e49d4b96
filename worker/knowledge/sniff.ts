// Decides a file's type from its bytes (magic numbers), never from its name or declared type, and
// refuses programs, polyglots and binaries posing as text. The edge only sniffs; the bridge parses.
import type { DocumentKind } from "@coach/contracts/knowledge";
import { AppError } from "../lib/errors";

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x4d, 0x5a], what: "a Windows program" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: "a Linux program" },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], what: "a macOS program" },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], what: "a macOS or Java program" },
  { bytes: [0x23, 0x21], what: "a script" },
];

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, i) => bytes[at + i] === byte);
}

function indexOf(bytes: Uint8Array, needle: string, from = 0, to = bytes.length): number {
  const pattern = new TextEncoder().encode(needle);
  const first = pattern[0];
  outer: for (
    let i = bytes.indexOf(first ?? 0, from);
    i !== -1 && i <= Math.min(to, bytes.length) - pattern.length;
    i = bytes.indexOf(first ?? 0, i + 1)
  ) {
    for (let j = 1; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

function unsupported(message: string): AppError {
  return new AppError(415, "unsupported_file_type", message);
}

function textKind(text: string): DocumentKind {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (
    /^<!doctype html|^<html[\s>]|^<head[\s>]|^<body[\s>]/.test(head) ||
    /<(p|h[1-6]|div|article)[\s>][\s\S]*<\/\1>/.test(head.slice(0, 2048))
  )
    return "html";
  if (
    /^#{1,6}\s+\S/m.test(text) ||
    /^\s*([-*+]|\d+\.)\s+\S/m.test(text) ||
    /\[[^\]]+\]\([^)]+\)|^```/m.test(text)
  )
    return "md";
  return "txt";
}

/** The kind of an uploaded file, from its bytes; a 415 names what the file really is when refused. */
export function sniffKind(bytes: Uint8Array): DocumentKind {
  const program = SIGNATURES.find((signature) => startsWith(bytes, signature.bytes));
  if (program)
    throw unsupported(
      `The file is ${program.what}, not a document. Upload a PDF, DOCX, TXT, Markdown or HTML file.`,
    );
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    // A PDF that also ends like a ZIP archive is a polyglot: two files in one, built to slip past checks.
    if (indexOf(bytes, "PK\x05\x06", Math.max(0, bytes.length - 65_600)) !== -1)
      throw unsupported("The file is both a PDF and a ZIP archive; it is not accepted.");
    return "pdf";
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (indexOf(bytes, "%PDF-", 0, 1024) !== -1)
      throw unsupported("The file is both a ZIP archive and a PDF; it is not accepted.");
    // Every DOCX names its main part in the ZIP directory; other archives (XLSX, JAR, plain ZIP) do not.
    if (indexOf(bytes, "word/document.xml") === -1)
      throw unsupported(
        "The ZIP archive is not a Word document. Upload a DOCX, PDF, TXT, Markdown or HTML file.",
      );
    return "docx";
  }
  if (bytes.includes(0))
    throw unsupported(
      "The file is binary and not a supported document. Upload a PDF, DOCX, TXT, Markdown or HTML file.",
    );
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw unsupported(
      "The file is neither a known document format nor UTF-8 text. Save text files as UTF-8.",
    );
  }
  return textKind(text);
}
