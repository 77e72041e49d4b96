/**
 * The Ollama stand-in's embeddings in place of nomic-embed-text's (no weights can be fetched here):
 * signed feature hashing of words and adjacent word pairs into 768 dimensions, nomic-embed-text's size,
 * with sublinear term weights and L2 normalisation, so similar texts get similar vectors and identical
 * texts identical ones. Deterministic, so tests can rely on it.
 */

/** Vector size shared with nomic-embed-text. */
export const BUILTIN_DIMENSIONS = 768;
const PAIR_WEIGHT = 0.5;

/** Lower-cased words (letters and digits of any script). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** 32-bit FNV-1a: fast, stable across runs and platforms. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Embeds one text; an empty text gives the zero vector. */
export function embedLexical(text: string): number[] {
  const counts = new Map<string, number>();
  const words = tokenize(text);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    counts.set(word, (counts.get(word) ?? 0) + 1);
    const next = words[i + 1];
    if (next !== undefined) {
      const pair = `${word} ${next}`;
      counts.set(pair, (counts.get(pair) ?? 0) + PAIR_WEIGHT);
    }
  }
  const vector = new Array<number>(BUILTIN_DIMENSIONS).fill(0);
  for (const [feature, count] of counts) {
    const hash = fnv1a(feature);
    // The top bit picks the sign so colliding features cancel rather than pile up.
    const sign = hash & 0x80000000 ? -1 : 1;
    const slot = hash % BUILTIN_DIMENSIONS;
    vector[slot] = (vector[slot] ?? 0) + sign * (1 + Math.log(count));
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}
