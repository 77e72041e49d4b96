/**
 * Just enough PDF syntax for the PDF guard: objects (dictionaries, arrays, names, numbers, references)
 * parsed without recursion limits of their own, and every string measured but never built. pdf.js's
 * lexer keeps one array slot per character of a string, so a single string of millions of characters
 * costs it hundreds of megabytes: the guard refuses any string longer than {@link MAX_PDF_STRING_BYTES}.
 */
import { RefusedFile } from "../parsed-document";

/** Longest string (literal or hex, in bytes) accepted anywhere in a PDF: a page holds a few thousand characters. */
export const MAX_PDF_STRING_BYTES = 1024 * 1024;
/** Most string bytes one content stream may hold: a dense page has some tens of kilobytes of text. */
export const MAX_PDF_STREAM_TEXT_BYTES = 4 * 1024 * 1024;
/** Deepest nesting of arrays and dictionaries accepted. */
export const MAX_PDF_NESTING = 64;

/** A `/Name`. */
export class PdfName {
  constructor(readonly name: string) {}
}

/** An indirect reference `n g R`. */
export class PdfRef {
  constructor(readonly num: number) {}
}

/** A string, known only by its length. */
export class PdfString {
  constructor(readonly length: number) {}
}

/** A PDF value as the guard sees it. */
export type PdfValue =
  | number
  | boolean
  | null
  | PdfName
  | PdfRef
  | PdfString
  | PdfValue[]
  | PdfDict
  | { keyword: string };
/** A dictionary. */
export type PdfDict = Map<string, PdfValue>;

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

/** True for PDF whitespace. */
export const isSpace = (byte: number | undefined): boolean =>
  byte !== undefined && WHITESPACE.has(byte);
const isRegular = (byte: number | undefined): boolean =>
  byte !== undefined && !WHITESPACE.has(byte) && !DELIMITERS.has(byte);

function tooLong(): RefusedFile {
  return new RefusedFile(
    "pdf_text_too_long",
    `The PDF holds a single piece of text longer than ${MAX_PDF_STRING_BYTES / 1024 / 1024} MB, which no real page has; it is not accepted.`,
    413,
  );
}

/** End (exclusive) of the literal string opening at `at`, nesting and escapes included; refuses overlong strings. */
export function literalStringEnd(bytes: Uint8Array, at: number): number {
  let depth = 0;
  let i = at;
  for (; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === 0x5c) i++;
    else if (byte === 0x28) depth++;
    else if (byte === 0x29 && --depth === 0) break;
    if (i - at > MAX_PDF_STRING_BYTES) throw tooLong();
  }
  return i + 1;
}

/** End (exclusive) of the hex string opening at `at`; refuses overlong strings. */
export function hexStringEnd(bytes: Uint8Array, at: number): number {
  let i = at + 1;
  while (i < bytes.length && bytes[i] !== 0x3e) i++;
  if ((i - at) / 2 > MAX_PDF_STRING_BYTES) throw tooLong();
  return i + 1;
}

/** A cursor over PDF bytes. */
export class PdfReader {
  constructor(
    readonly bytes: Uint8Array,
    public at = 0,
  ) {}

  /** Skips whitespace and comments. */
  skipSpace(): void {
    const { bytes } = this;
    while (this.at < bytes.length) {
      const byte = bytes[this.at];
      if (byte === 0x25) {
        while (this.at < bytes.length && bytes[this.at] !== 0x0a && bytes[this.at] !== 0x0d)
          this.at++;
      } else if (isSpace(byte)) {
        this.at++;
      } else {
        return;
      }
    }
  }

  private word(): string {
    const start = this.at;
    while (isRegular(this.bytes[this.at])) this.at++;
    return String.fromCharCode(...this.bytes.subarray(start, Math.min(this.at, start + 128)));
  }

  /** Reads one value; `n g R` becomes a {@link PdfRef}. Nesting is tracked on an explicit stack. */
  value(): PdfValue {
    const stack: (PdfValue[] | { dict: PdfDict; key: string | null })[] = [];
    for (;;) {
      this.skipSpace();
      let item: PdfValue;
      const byte = this.bytes[this.at];
      if (byte === undefined) {
        return null;
      } else if (byte === 0x3c && this.bytes[this.at + 1] === 0x3c) {
        this.at += 2;
        if (stack.length >= MAX_PDF_NESTING)
          throw new RefusedFile(
            "too_deeply_nested",
            "The PDF nests its objects too deeply to be read.",
          );
        stack.push({ dict: new Map(), key: null });
        continue;
      } else if (byte === 0x5b) {
        this.at++;
        if (stack.length >= MAX_PDF_NESTING)
          throw new RefusedFile(
            "too_deeply_nested",
            "The PDF nests its objects too deeply to be read.",
          );
        stack.push([]);
        continue;
      } else if (byte === 0x3e && this.bytes[this.at + 1] === 0x3e) {
        this.at += 2;
        const closed = stack.pop();
        item = closed && !Array.isArray(closed) ? closed.dict : null;
      } else if (byte === 0x5d) {
        this.at++;
        const closed = stack.pop();
        item = Array.isArray(closed) ? closed : null;
      } else if (byte === 0x28) {
        const end = literalStringEnd(this.bytes, this.at);
        item = new PdfString(end - this.at - 2);
        this.at = end;
      } else if (byte === 0x3c) {
        const end = hexStringEnd(this.bytes, this.at);
        item = new PdfString(Math.ceil((end - this.at - 2) / 2));
        this.at = end;
      } else if (byte === 0x2f) {
        this.at++;
        item = new PdfName(
          this.word().replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) =>
            String.fromCharCode(Number.parseInt(hex, 16)),
          ),
        );
      } else if (isRegular(byte)) {
        item = this.atom(this.word());
      } else {
        // A stray delimiter (`)`, `>`, `{`, `}`): skipped, as pdf.js does.
        this.at++;
        continue;
      }
      const top = stack[stack.length - 1];
      if (!top) return item;
      if (Array.isArray(top)) {
        if (item instanceof PdfKeywordR && top.length >= 2) {
          const generation = top.pop();
          const num = top.pop();
          top.push(
            typeof num === "number" && typeof generation === "number" ? new PdfRef(num) : null,
          );
        } else {
          top.push(item);
        }
      } else if (top.key === null) {
        top.key = item instanceof PdfName ? item.name : null;
        // A key that is not a name ends the dictionary's sense; pdf.js skips such entries too.
        if (top.key === null) continue;
      } else {
        top.dict.set(top.key, this.refAfter(item));
        top.key = null;
      }
    }
  }

  private atom(word: string): PdfValue {
    if (word === "true") return true;
    if (word === "false") return false;
    if (word === "null") return null;
    if (word === "R") return R;
    const number = Number(word);
    return Number.isFinite(number) ? number : { keyword: word };
  }

  /** In a dictionary, `n g R` arrives as three items; this reads ahead for the last two after a number. */
  private refAfter(item: PdfValue): PdfValue {
    if (typeof item !== "number" || !Number.isInteger(item)) return item;
    const saved = this.at;
    this.skipSpace();
    const generation = isRegular(this.bytes[this.at]) ? Number(this.word()) : Number.NaN;
    this.skipSpace();
    if (
      Number.isInteger(generation) &&
      this.bytes[this.at] === 0x52 &&
      !isRegular(this.bytes[this.at + 1])
    ) {
      this.at++;
      return new PdfRef(item);
    }
    this.at = saved;
    return item;
  }
}

class PdfKeywordR {
  readonly keyword = "R";
}
const R = new PdfKeywordR();

/**
 * Checks every string of a content stream (or any stream pdf.js lexes) without parsing its operators,
 * skipping the binary data of inline images (`ID … EI`): none may be overlong, nor may they add up to
 * more text than a page holds.
 */
export function checkStrings(bytes: Uint8Array): void {
  let text = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    const start = i;
    if (byte === 0x28) i = literalStringEnd(bytes, i) - 1;
    else if (byte === 0x3c) {
      if (bytes[i + 1] === 0x3c) i++;
      else i = hexStringEnd(bytes, i) - 1;
    } else if (byte === 0x25) {
      while (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
    } else if (
      byte === 0x49 &&
      bytes[i + 1] === 0x44 &&
      !isRegular(bytes[i - 1]) &&
      isSpace(bytes[i + 2])
    ) {
      i = inlineImageEnd(bytes, i + 3);
    }
    if (byte === 0x28) text += i - start;
    else if (byte === 0x3c && bytes[start + 1] !== 0x3c) text += (i - start) / 2;
    if (text > MAX_PDF_STREAM_TEXT_BYTES) {
      throw new RefusedFile(
        "pdf_text_too_long",
        `A page of the PDF holds more than ${MAX_PDF_STREAM_TEXT_BYTES / 1024 / 1024} MB of text, which no real page has; it is not accepted.`,
        413,
      );
    }
  }
}

function inlineImageEnd(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length - 1; i++) {
    if (
      bytes[i] === 0x45 &&
      bytes[i + 1] === 0x49 &&
      isSpace(bytes[i - 1]) &&
      (i + 2 >= bytes.length || isSpace(bytes[i + 2]))
    )
      return i + 1;
  }
  return bytes.length;
}
