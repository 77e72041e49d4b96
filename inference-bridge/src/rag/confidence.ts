/**
 * The confidence score of an answer, from the similarity of the passages it rests on.
 *
 * With cosine scores s1 ≥ s2 ≥ … of the passages kept (all at or above the threshold t), each is
 * rescaled to how far it clears the threshold, n(s) = clamp((s − t) / (1 − t), 0, 1), and
 *   confidence = 0.7 · n(s1) + 0.3 · mean(n(s1), n(s2), n(s3))
 * so the best passage dominates and agreement among the next ones adds to it. No passage (the fallback,
 * or a general-knowledge answer in adaptive mode) gives 0.
 */

/** Confidence in [0, 1], rounded to 3 decimals. */
export function confidenceOf(scores: readonly number[], threshold: number): number {
  if (scores.length === 0) return 0;
  const span = Math.max(1e-6, 1 - threshold);
  const normalised = [...scores].sort((a, b) => b - a).map((s) => Math.min(1, Math.max(0, (s - threshold) / span)));
  const top = normalised[0] ?? 0;
  const support = normalised.slice(0, 3);
  const mean = support.reduce((sum, n) => sum + n, 0) / support.length;
  return Math.round((0.7 * top + 0.3 * mean) * 1000) / 1000;
}
