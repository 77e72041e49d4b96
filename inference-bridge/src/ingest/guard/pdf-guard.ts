/**
 * Checks a PDF before pdf.js sees it: every stream pdf.js could decode to extract text is decoded here
 * first, filter by filter, with a cap per stream and a cap on the whole file, and every string pdf.js
 * would lex is measured. A 30 KB file whose content stream inflates to 30 MiB, Flate inside Flate, an
 * object stream that inflates to hundreds of MB, a single string of millions of characters: each is
 * refused after at most a cap's worth of work, before pdf.js allocates anything for it. Encrypted PDFs
 * are refused here too, since their streams cannot be checked.
 */
import { Buffer } from "node:buffer";
import { RefusedFile } from "../parsed-document";
import { decodeFilter, flate, OverCap } from "./pdf-filters";
import { FormDraws } from "./pdf-forms";
import {
  checkStrings,
  isSpace,
  PdfName,
  PdfReader,
  PdfRef,
  type PdfDict,
  type PdfValue,
} from "./pdf-syntax";

/** Most bytes one stream may decode to (fonts included; images are never decoded to extract text). */
export const MAX_PDF_STREAM_BYTES = 32 * 1024 * 1024;
/** Most bytes all streams of one PDF may decode to together. */
export const MAX_PDF_INFLATED_BYTES = 256 * 1024 * 1024;
/** Longest chain of filters on one stream; real files use one or two. */
export const MAX_PDF_FILTERS = 4;
/** Most objects one object stream may hold (pdf.js parses all of them to reach one); writers use about a hundred. */
export const MAX_PDF_OBJECT_STREAM_OBJECTS = 10_000;

const OBJECT = /(\d{1,10})[\0\t\n\f\r ]+\d{1,5}[\0\t\n\f\r ]+obj(?![^\0\t\n\f\r ()<>[\]{}/%])/g;
const TRAILER = /trailer[\0\t\n\f\r ]*<</g;
/** Keys whose streams pdf.js lexes as PDF syntax (page content, Type 3 glyphs, CMaps). */
const LEXED_KEYS = new Set(["Contents", "CharProcs", "ToUnicode", "Encoding", "UseCMap"]);

interface StreamObject {
  dict: PdfDict;
  /** Offset of the first data byte, after `stream` and its end of line. */
  start: number;
  num: number;
}

const streamTooLarge = () =>
  new RefusedFile(
    "pdf_too_large_inflated",
    `A stream in the PDF expands to more than ${MAX_PDF_STREAM_BYTES / 1024 / 1024} MB when unpacked; it looks like a decompression bomb.`,
    413,
  );
const fileTooLarge = () =>
  new RefusedFile(
    "pdf_too_large_inflated",
    `The PDF expands to more than ${MAX_PDF_INFLATED_BYTES / 1024 / 1024} MB when unpacked; it looks like a decompression bomb.`,
    413,
  );
const tooComplex = (what: string) =>
  new RefusedFile(
    "pdf_too_complex",
    `The PDF ${what}, which no real document needs; it is not accepted.`,
  );
const encrypted = () =>
  new RefusedFile(
    "pdf_encrypted",
    "The PDF is encrypted or password-protected; upload a copy saved without a password.",
  );

class PdfFile {
  readonly objects = new Map<number, PdfValue>();
  readonly streams: StreamObject[] = [];
  private inflated = 0;

  constructor(readonly bytes: Uint8Array) {}

  resolve(value: PdfValue | undefined): PdfValue | undefined {
    let current = value;
    // A chain of references longer than this is a loop.
    for (let hops = 0; current instanceof PdfRef && hops < 8; hops++)
      current = this.objects.get(current.num);
    return current instanceof PdfRef ? undefined : current;
  }

  nameOf(dict: PdfDict, key: string): string | undefined {
    const value = this.resolve(dict.get(key));
    return value instanceof PdfName ? value.name : undefined;
  }

  /** Records one parsed object and, when it has one, its stream. */
  add(num: number, value: PdfValue, streamStart: number | null): void {
    if (!this.objects.has(num) || streamStart !== null) this.objects.set(num, value);
    if (value instanceof Map && streamStart !== null)
      this.streams.push({ dict: value, start: streamStart, num });
  }

  /** Every dictionary of the file, nested ones included. */
  *dictionaries(): Generator<PdfDict> {
    const pending: PdfValue[] = [...this.objects.values()];
    for (let value = pending.pop(); value !== undefined; value = pending.pop()) {
      if (value instanceof Map) yield value;
      if (value instanceof Map || Array.isArray(value))
        for (const item of value.values()) pending.push(item);
    }
  }

  /** Object numbers of the streams pdf.js lexes as PDF syntax: named under a lexed key by any dictionary. */
  lexedStreams(): Set<number> {
    const lexed = new Set<number>();
    const mark = (value: PdfValue | undefined, depth: number): void => {
      if (value instanceof PdfRef) {
        lexed.add(value.num);
        // `/Contents 12 0 R` may name an array of streams.
        const target = this.objects.get(value.num);
        if (depth === 0 && Array.isArray(target)) mark(target, 1);
      } else if (Array.isArray(value) || value instanceof Map) {
        for (const item of value.values()) if (item instanceof PdfRef) mark(item, depth + 1);
      }
    };
    for (const value of this.objects.values()) {
      if (!(value instanceof Map)) continue;
      for (const key of LEXED_KEYS) mark(value.get(key), 0);
    }
    return lexed;
  }

  /** Decodes a stream through its filters within the caps; null when pdf.js would not decode it for text. */
  async decode(stream: StreamObject): Promise<Uint8Array | null> {
    // pdf.js reads `/F` before `/Filter`.
    const named = stream.dict.get("F") ?? stream.dict.get("Filter");
    const declared = this.resolve(named);
    // A reference the guard cannot follow may still lead pdf.js to Flate, the one filter that can be probed.
    if (named !== undefined && declared === undefined)
      return this.stage(() => flate(this.bytes.subarray(stream.start), this.cap()));
    const filters =
      declared instanceof PdfName
        ? [declared]
        : Array.isArray(declared)
          ? declared.map((f) => this.resolve(f))
          : [];
    if (filters.length > MAX_PDF_FILTERS)
      throw tooComplex(`chains ${filters.length} filters on one stream`);
    if (filters.length === 0) return this.bytes.subarray(stream.start, this.rawEnd(stream));
    let data: Uint8Array = this.bytes.subarray(stream.start);
    for (const filter of filters) {
      // pdf.js refuses a filter that is not a name.
      if (!(filter instanceof PdfName)) return null;
      const input = data;
      const output = await this.stage(() => decodeFilter(filter.name, input, this.cap()));
      if (output === null) return null;
      data = output;
    }
    return data;
  }

  private cap(): number {
    return Math.min(MAX_PDF_STREAM_BYTES, MAX_PDF_INFLATED_BYTES - this.inflated);
  }

  private async stage<T extends Uint8Array | null>(run: () => Promise<T> | T): Promise<T> {
    const fileWide = MAX_PDF_INFLATED_BYTES - this.inflated < MAX_PDF_STREAM_BYTES;
    try {
      const output = await run();
      this.inflated += output?.length ?? 0;
      return output;
    } catch (error) {
      if (error instanceof OverCap) throw fileWide ? fileTooLarge() : streamTooLarge();
      throw error;
    }
  }

  /** Where unfiltered data ends: at `/Length` when `endstream` follows it, else at the next `endstream`. */
  private rawEnd(stream: StreamObject): number {
    const length = this.resolve(stream.dict.get("Length"));
    const text = latin1(this.bytes);
    if (typeof length === "number" && Number.isInteger(length) && length >= 0) {
      let at = stream.start + length;
      while (isSpace(this.bytes[at])) at++;
      if (text.startsWith("endstream", at)) return stream.start + length;
    }
    const end = text.indexOf("endstream", stream.start);
    return end < 0 ? this.bytes.length : end;
  }
}

const latin1Cache = new WeakMap<Uint8Array, string>();
function latin1(bytes: Uint8Array): string {
  let text = latin1Cache.get(bytes);
  if (text === undefined) {
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
    latin1Cache.set(bytes, text);
  }
  return text;
}

/** Every `n g obj` of the file, as pdf.js finds them when it rebuilds a damaged cross-reference table. */
function readObjects(file: PdfFile): void {
  const text = latin1(file.bytes);
  for (const match of text.matchAll(OBJECT)) {
    const reader = new PdfReader(file.bytes, match.index + match[0].length);
    const value = reader.value();
    reader.skipSpace();
    let start: number | null = null;
    if (value instanceof Map && text.startsWith("stream", reader.at)) {
      start = reader.at + 6;
      if (file.bytes[start] === 0x0d) start++;
      if (file.bytes[start] === 0x0a) start++;
    }
    file.add(Number(match[1]), value, start);
  }
}

/** Refuses encrypted files: their streams (object streams included) can only be checked once decrypted. */
function checkEncryption(file: PdfFile): void {
  const text = latin1(file.bytes);
  for (const match of text.matchAll(TRAILER)) {
    const trailer = new PdfReader(file.bytes, match.index + match[0].length - 2).value();
    if (trailer instanceof Map && trailer.has("Encrypt")) throw encrypted();
  }
  for (const { dict } of file.streams)
    if (file.nameOf(dict, "Type") === "XRef" && dict.has("Encrypt")) throw encrypted();
}

/** Adds the objects of an object stream to the file, as pdf.js reads them. */
function readObjectStream(file: PdfFile, stream: StreamObject, data: Uint8Array): void {
  const count = file.resolve(stream.dict.get("N"));
  const first = file.resolve(stream.dict.get("First"));
  if (typeof count !== "number" || typeof first !== "number") return;
  if (count > MAX_PDF_OBJECT_STREAM_OBJECTS)
    throw tooComplex(`packs ${count} objects into one object stream`);
  const header = new PdfReader(data);
  const entries: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const num = header.value();
    const offset = header.value();
    if (typeof num !== "number" || typeof offset !== "number") break;
    entries.push([num, offset]);
  }
  for (const [num, offset] of entries)
    file.add(num, new PdfReader(data, first + offset).value(), null);
}

/** Refuses a PDF whose streams or strings would make pdf.js exhaust its memory; see the module comment. */
export async function checkPdf(bytes: Uint8Array): Promise<void> {
  const file = new PdfFile(bytes);
  readObjects(file);
  checkEncryption(file);
  const isObjectStream = (stream: StreamObject) => file.nameOf(stream.dict, "Type") === "ObjStm";
  for (const stream of file.streams.filter(isObjectStream)) {
    const data = await file.decode(stream);
    if (data) readObjectStream(file, stream, data);
  }
  const lexed = file.lexedStreams();
  const isForm = (stream: StreamObject) => file.nameOf(stream.dict, "Subtype") === "Form";
  const draws = new FormDraws();
  for (const stream of file.streams) {
    // pdf.js skips image XObjects when it extracts text, so their data is never decoded.
    if (isObjectStream(stream) || file.nameOf(stream.dict, "Subtype") === "Image") continue;
    const data = await file.decode(stream);
    if (
      !data ||
      !(lexed.has(stream.num) || isForm(stream) || file.nameOf(stream.dict, "Type") === "CMap")
    )
      continue;
    checkStrings(data);
    draws.record(stream.num, data);
  }
  const forms = new Set(file.streams.filter(isForm).map((stream) => stream.num));
  for (const dict of file.dictionaries()) {
    const xobjects = file.resolve(dict.get("XObject"));
    if (!(xobjects instanceof Map)) continue;
    for (const [name, target] of xobjects)
      if (target instanceof PdfRef && forms.has(target.num)) draws.name(name, target.num);
  }
  draws.check();
}
