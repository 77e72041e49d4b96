/**
 * Retrieval metrics for the evaluation: hit@k, mean reciprocal rank, and the share of questions that
 * fall back (no passage at or above the similarity threshold).
 */

/** The 1-based rank of the first relevant result, or null when none of the results is relevant. */
export function firstRelevantRank(relevant: readonly boolean[]): number | null {
  const index = relevant.indexOf(true);
  return index === -1 ? null : index + 1;
}

/** Aggregates ranks (null = not found in the top k) into hit@1, hit@3, hit@k and MRR@k. */
export function summarise(ranks: readonly (number | null)[], k: number): { hit_at_1: number; hit_at_3: number; hit_at_k: number; mrr: number } {
  const n = Math.max(1, ranks.length);
  const share = (predicate: (rank: number) => boolean) => ranks.filter((r) => r !== null && predicate(r)).length / n;
  const mrr = ranks.reduce<number>((sum, r) => sum + (r === null || r > k ? 0 : 1 / r), 0) / n;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { hit_at_1: round(share((r) => r === 1)), hit_at_3: round(share((r) => r <= 3)), hit_at_k: round(share((r) => r <= k)), mrr: round(mrr) };
}

/** Okapi BM25 scores of `documents` for `query` (k1 = 1.2, b = 0.75), over their own statistics. */
export function bm25(query: string, documents: readonly string[]): number[] {
  const tokenize = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const docs = documents.map(tokenize);
  const avg = docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, docs.length);
  const terms = [...new Set(tokenize(query))];
  return docs.map((doc) => {
    let score = 0;
    for (const term of terms) {
      const df = docs.filter((d) => d.includes(term)).length;
      if (df === 0) continue;
      const tf = doc.filter((t) => t === term).length;
      const idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
      score += (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * doc.length) / avg));
    }
    return score;
  });
}

/** Reciprocal rank fusion of two rankings (indices, best first), constant 60 as in the original paper. */
export function reciprocalRankFusion(a: readonly number[], b: readonly number[]): number[] {
  const scores = new Map<number, number>();
  for (const ranking of [a, b]) ranking.forEach((item, rank) => scores.set(item, (scores.get(item) ?? 0) + 1 / (60 + rank + 1)));
  return [...scores.entries()].sort((x, y) => y[1] - x[1]).map(([item]) => item);
}
