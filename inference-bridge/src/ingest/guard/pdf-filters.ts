/**
 * The PDF stream filters that pdf.js decodes for text, re-implemented with an output cap so the PDF
 * guard can learn what a stream expands to without ever holding more than the cap: Flate (zlib),
 * Brotli, LZW, run-length, ASCII hex and ASCII85. Every one of them ends at its own end-of-data marker,
 * so each decoder is handed everything from the start of the stream to the end of the file and stops
 * where pdf.js would (or later), whatever `/Length` claims.
 */
import { brotliDecompressSync, constants, createInflate, inflateSync } from "node:zlib";

/** Thrown when a decoder would produce more than its cap. */
export class OverCap extends Error {
  override name = "OverCap";
}

/** What a filter chain step gives: the bytes, or null when pdf.js would not decode the filter for text. */
export type Decoded = Uint8Array | null;

function tooLarge(error: unknown): boolean {
  return (
    error instanceof RangeError ||
    (error as NodeJS.ErrnoException | null)?.code === "ERR_BUFFER_TOO_LARGE"
  );
}

/**
 * A one-shot zlib decode held to `cap` bytes of output: past the cap it throws OverCap, and any other
 * failure (a damaged stream) gives what `damaged` gives.
 */
function capped<T>(
  cap: number,
  decode: (maxOutputLength: number) => Uint8Array,
  damaged: () => T,
): Uint8Array | T {
  try {
    // zlib takes no limit below one byte.
    return decode(Math.max(1, cap));
  } catch (error) {
    if (tooLarge(error)) throw new OverCap();
    return damaged();
  }
}

/** zlib's output up to the first error, counted as it arrives (for damaged streams pdf.js still reads in part). */
function inflatePartial(data: Uint8Array, cap: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let total = 0;
    const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH });
    const finish = () => resolve(new Uint8Array(Buffer.concat(parts, total)));
    inflate.on("data", (part: Buffer) => {
      total += part.length;
      if (total > cap) {
        inflate.destroy();
        reject(new OverCap());
        return;
      }
      parts.push(part);
    });
    inflate.on("error", finish);
    inflate.on("end", finish);
    inflate.end(data);
  });
}

/** FlateDecode: pdf.js refuses a stream without a valid zlib header, so such a stream gives nothing. */
export async function flate(data: Uint8Array, cap: number): Promise<Uint8Array> {
  const cmf = data[0] ?? 0;
  const flg = data[1] ?? 0;
  if ((cmf & 0x0f) !== 8 || ((cmf << 8) + flg) % 31 !== 0 || flg & 0x20) return new Uint8Array(0);
  return capped(
    cap,
    (maxOutputLength) =>
      inflateSync(data, { maxOutputLength, finishFlush: constants.Z_SYNC_FLUSH }),
    () => inflatePartial(data, cap),
  );
}

/** BrotliDecode (pdf.js 5): the format with the largest expansion of all. */
export function brotli(data: Uint8Array, cap: number): Uint8Array {
  return capped(
    cap,
    (maxOutputLength) =>
      brotliDecompressSync(data, {
        maxOutputLength,
        finishFlush: constants.BROTLI_OPERATION_FLUSH,
      }),
    () => new Uint8Array(0),
  );
}

/** A byte sink that refuses to grow past its cap. */
class Output {
  private bytes = new Uint8Array(4096);
  length = 0;
  constructor(private readonly cap: number) {}

  reserve(count: number): void {
    if (this.length + count > this.cap) throw new OverCap();
    if (this.length + count <= this.bytes.length) return;
    const grown = new Uint8Array(
      Math.min(this.cap, Math.max(this.bytes.length * 2, this.length + count)),
    );
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  push(byte: number): void {
    this.reserve(1);
    this.bytes[this.length++] = byte;
  }

  result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** LZWDecode with pdf.js's defaults (early change 1, codes of 9 to 12 bits). */
export function lzw(data: Uint8Array, cap: number, earlyChange = 1): Uint8Array {
  const out = new Output(cap);
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const first = new Uint8Array(4096);
  const size = new Uint32Array(4096);
  for (let i = 0; i < 256; i++) {
    prefix[i] = -1;
    suffix[i] = i;
    first[i] = i;
    size[i] = 1;
  }
  let next = 258;
  let width = 9;
  let previous = -1;
  let bits = 0;
  let held = 0;
  let at = 0;
  const emit = (code: number) => {
    const length = size[code] ?? 0;
    out.reserve(length);
    const start = out.length;
    out.length += length;
    const bytes = out.result();
    for (let c = code, i = start + length - 1; c >= 0; c = prefix[c] ?? -1, i--)
      bytes[i] = suffix[c] ?? 0;
  };
  for (;;) {
    while (bits < width && at < data.length) {
      held = ((held << 8) | (data[at++] ?? 0)) >>> 0;
      bits += 8;
    }
    if (bits < width) break;
    bits -= width;
    const code = (held >>> bits) & ((1 << width) - 1);
    if (code === 256) {
      next = 258;
      width = 9;
      previous = -1;
      continue;
    }
    if (code === 257) break;
    if (previous < 0) {
      if (code > 255) break;
      emit(code);
      previous = code;
      continue;
    }
    if (code > next) break;
    if (next < 4096) {
      prefix[next] = previous;
      suffix[next] = code < next ? (first[code] ?? 0) : (first[previous] ?? 0);
      first[next] = first[previous] ?? 0;
      size[next] = (size[previous] ?? 0) + 1;
      next++;
    }
    emit(code);
    if (next + earlyChange >= 1 << width && width < 12) width++;
    previous = code;
  }
  return out.result();
}

/** RunLengthDecode: a length byte, then that many bytes or one byte repeated; 128 ends the data. */
export function runLength(data: Uint8Array, cap: number): Uint8Array {
  const out = new Output(cap);
  for (let at = 0; at < data.length;) {
    const length = data[at++] ?? 128;
    if (length === 128) break;
    if (length < 128) {
      const run = data.subarray(at, at + length + 1);
      for (const byte of run) out.push(byte);
      at += length + 1;
    } else {
      const byte = data[at++] ?? 0;
      for (let i = 0; i < 257 - length; i++) out.push(byte);
    }
  }
  return out.result();
}

/** ASCIIHexDecode: hex digits up to `>`, whitespace ignored. */
export function asciiHex(data: Uint8Array, cap: number): Uint8Array {
  const out = new Output(cap);
  let high = -1;
  for (const byte of data) {
    if (byte === 0x3e) break;
    const digit =
      byte >= 0x30 && byte <= 0x39
        ? byte - 0x30
        : (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66
          ? (byte | 0x20) - 0x57
          : -1;
    if (digit < 0) continue;
    if (high < 0) high = digit;
    else {
      out.push((high << 4) | digit);
      high = -1;
    }
  }
  if (high >= 0) out.push(high << 4);
  return out.result();
}

/** ASCII85Decode: groups of five characters to four bytes, `z` for four zeros, `~>` at the end. */
export function ascii85(data: Uint8Array, cap: number): Uint8Array {
  const out = new Output(cap);
  let group = 0;
  let count = 0;
  for (const byte of data) {
    if (byte === 0x7e) break;
    if (byte === 0x7a && count === 0) {
      for (let i = 0; i < 4; i++) out.push(0);
      continue;
    }
    if (byte < 0x21 || byte > 0x75) continue;
    group = group * 85 + (byte - 0x21);
    if (++count === 5) {
      for (let shift = 24; shift >= 0; shift -= 8) out.push((group >>> shift) & 0xff);
      group = 0;
      count = 0;
    }
  }
  if (count > 1) {
    for (let i = count; i < 5; i++) group = group * 85 + 84;
    for (let i = 0; i < count - 1; i++) out.push((group >>> (24 - i * 8)) & 0xff);
  }
  return out.result();
}

type Decoder = (data: Uint8Array, cap: number) => Uint8Array | Promise<Uint8Array>;

/** The decoders pdf.js applies to extract text, by each filter's PDF name and its abbreviation. */
const DECODERS: Record<string, Decoder> = {
  FlateDecode: flate,
  Fl: flate,
  BrotliDecode: brotli,
  LZWDecode: lzw,
  LZW: lzw,
  RunLengthDecode: runLength,
  RL: runLength,
  ASCIIHexDecode: asciiHex,
  AHx: asciiHex,
  ASCII85Decode: ascii85,
  A85: ascii85,
};

/**
 * Decodes one filter by its PDF name (or abbreviation), within `cap` bytes. Image codecs and unknown
 * filters give null: pdf.js does not decode them to extract text.
 */
export async function decodeFilter(name: string, data: Uint8Array, cap: number): Promise<Decoded> {
  const decode = Object.hasOwn(DECODERS, name) ? DECODERS[name] : undefined;
  return decode ? decode(data, cap) : null;
}
