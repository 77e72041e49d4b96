/**
 * Curated answers: a creator's correction is stored as a question-and-answer chunk marked `curated`.
 * When the best passage for a question is such a chunk and matches closely enough to be the same or a
 * near-identical question, its answer is given verbatim instead of a generated one.
 */
import type { Passage } from "../backends/types";

/**
 * Cosine similarity from which a curated question counts as the same question. Set high on purpose: a
 * verbatim answer to a merely related question would be worse than a generated one.
 */
export const CURATED_MIN_SCORE = 0.8;

/** The curated passage that answers this turn, if any, and its answer text. */
export function curatedAnswer(passages: Passage[]): { passage: Passage; answer: string } | null {
  const best = passages[0];
  if (!best?.curated || best.score < CURATED_MIN_SCORE) return null;
  const split = best.text.indexOf("\nA: ");
  return { passage: best, answer: split === -1 ? best.text : best.text.slice(split + 4).trim() };
}
