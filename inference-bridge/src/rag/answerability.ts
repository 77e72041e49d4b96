/**
 * Whether the creator's material answers a question at all, decided per question from what retrieval
 * found — how much of the question's weighted topic the best piece and its chunk cover, how much of the
 * question the material has no word for, how close the best chunk's vector is — by a logistic rule whose
 * weights are fitted per embedder on answerable, off-topic and near-domain questions (`npm run eval --
 * --fit`). The threshold is set so that 95 % of the off-topic questions of the fit fall back: a
 * coach's assistant that quotes unrelated material is worse than one that says it does not know.
 *
 * A question whose weighted topic the best piece and its neighbours cover almost whole is answerable
 * whatever the vectors say ("What time is the caffeine cutoff?" beside "The caffeine cutoff is 2 pm"):
 * a word-vector average of a short question sits far from any chunk's, so the fitted rule, learnt
 * mostly on long chatty questions, would send short direct ones to the fallback.
 */
import type { SearchResult } from "../retrieval/hybrid-search";

/** The features of the rule, in order. */
export const ANSWERABILITY_FEATURES = [
  "score",
  "coverAround",
  "coverChunk",
  "corpusAround",
  "unmatchedShare",
  "maxUnmatched",
  "terms",
  "dense",
] as const;
export type AnswerabilityFeature = (typeof ANSWERABILITY_FEATURES)[number];

/**
 * A fitted rule: each feature standardised by the mean and spread it had in the fit, then weighted;
 * with a bias and the probability from which a question counts as answerable.
 */
export interface AnswerabilityCalibration {
  bias: number;
  means: Record<AnswerabilityFeature, number>;
  scales: Record<AnswerabilityFeature, number>;
  weights: Record<AnswerabilityFeature, number>;
  threshold: number;
  /** Share of the question's weighted topic (`coverAround`) from which it is answerable in any case. */
  coveredAt: number;
  /** How the figures were obtained, shown in logs and the README. */
  source: string;
}

/** The decision for one question. */
export interface Answerability {
  answerable: boolean;
  /** Probability that the material answers the question, 0–1; reported as the answer's confidence. */
  probability: number;
  features: Record<AnswerabilityFeature, number>;
}

/** The rule's inputs for a search result. */
export function answerabilityFeatures(result: SearchResult): Record<AnswerabilityFeature, number> {
  const { question, expansions, ranked, chunks } = result;
  const total = question.terms.reduce((sum, t) => sum + t.weight, 0) || 1;
  const unmatched = question.terms.filter((t) => (expansions.get(t.stem) ?? []).length === 0);
  const best = ranked[0];
  return {
    score: best?.score ?? 0,
    coverAround: best?.features.coverAround ?? 0,
    coverChunk: best?.features.coverChunk ?? 0,
    corpusAround: best?.features.corpusAround ?? 0,
    unmatchedShare: unmatched.reduce((sum, t) => sum + t.weight, 0) / total,
    maxUnmatched: Math.max(0, ...unmatched.map((t) => t.weight)) / 8,
    terms: Math.min(12, question.terms.length) / 12,
    dense: chunks.reduce((max, c) => Math.max(max, c.dense ?? 0), 0),
  };
}

/** Decides whether `result` answers its question under `calibration`. */
export function judgeAnswerability(
  result: SearchResult,
  calibration: AnswerabilityCalibration,
): Answerability {
  const features = answerabilityFeatures(result);
  if (result.question.terms.length === 0 || result.ranked.length === 0)
    return { answerable: false, probability: 0, features };
  const z = ANSWERABILITY_FEATURES.reduce(
    (sum, name) =>
      sum +
      calibration.weights[name] *
        ((features[name] - calibration.means[name]) / (calibration.scales[name] || 1)),
    calibration.bias,
  );
  const probability = 1 / (1 + Math.exp(-z));
  return {
    answerable:
      probability >= calibration.threshold || features.coverAround >= calibration.coveredAt,
    probability: Math.round(probability * 1000) / 1000,
    features,
  };
}
