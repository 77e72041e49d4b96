/**
 * Smooth-inverse-frequency (SIF) sentence vectors: the average of a text's word vectors, each word
 * weighted a / (a + p(word)) so rare words count more than common ones (Arora, Liang and Ma, 2017).
 * Word probabilities come from GloVe's frequency ranks through Zipf's law, so no corpus is needed.
 */
import { tokenize } from "./tokens";
import type { WordVectors } from "./word-vectors";

/** SIF's smoothing constant a. */
const SIF_A = 1e-3;
/** Zipf normaliser for GloVe's 400,000-word vocabulary: p(rank) ≈ 1 / ((rank + 1) · H). */
const ZIPF_H = Math.log(400_000) + 0.5772;

/** SIF weight of a word from its frequency rank; 0 for a word without a vector. */
export function sifWeight(vectors: WordVectors, word: string): number {
  const rank = vectors.rank(word);
  if (rank === undefined) return 0;
  const p = 1 / ((rank + 1) * ZIPF_H);
  return SIF_A / (SIF_A + p);
}

/** The text's SIF vector, unit length; all zeros when no word has a vector. */
export function sifVector(vectors: WordVectors, text: string): Float32Array {
  const sum = new Float32Array(vectors.dimensions);
  for (const { word } of tokenize(text)) vectors.addTo(sum, word, sifWeight(vectors, word));
  let norm = 0;
  for (const value of sum) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] ?? 0) / norm;
  return sum;
}
