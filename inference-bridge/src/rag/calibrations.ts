/**
 * Answerability rules per embedder (answerability.ts). Each embedder's similarity scores live on their
 * own scale, so each gets its own fit; the figures below come from `npm run eval -- --fit` on the
 * evaluation coaches (eval/coaches), with the held-out result of each fit written beside it.
 */
import type { EmbedderIdentity } from "../backends/types";
import type { AnswerabilityCalibration } from "./answerability";

/** The built-in embedder (GloVe SIF); fitted on 8 coaches' questions, checked leaving one coach out. */
const BUILTIN: AnswerabilityCalibration = {
  bias: 1.096,
  means: { score: 10.102, coverAround: 0.364, coverChunk: 0.504, corpusAround: 0.389, unmatchedShare: 0.128, maxUnmatched: 0.214, terms: 0.539, dense: 0.923 },
  scales: { score: 1.586, coverAround: 0.216, coverChunk: 0.23, corpusAround: 0.226, unmatchedShare: 0.221, maxUnmatched: 0.309, terms: 0.19, dense: 0.06 },
  weights: { score: 1.234, coverAround: 0.203, coverChunk: 0.432, corpusAround: -0.093, unmatchedShare: -0.232, maxUnmatched: 0.202, terms: 0.178, dense: 2.254 },
  threshold: 0.877,
  source: "fitted on the eval coaches with the built-in embedder",
};

/**
 * nomic-embed-text: never measured here (no model weights can be fetched on these machines). Its dense
 * similarity is left out until `npm run eval -- --fit` is run against a real Ollama; the lexical part of
 * the built-in fit applies meanwhile.
 */
const NOMIC: AnswerabilityCalibration = {
  ...BUILTIN,
  weights: { ...BUILTIN.weights, dense: 0 },
  source: "not measured with nomic-embed-text: the built-in fit without its dense feature; measure with `npm run eval -- --fit` where Ollama runs",
};

/** The rule for an embedder; unknown embedders get the lexical-only rule. */
export function calibrationFor(identity: EmbedderIdentity): AnswerabilityCalibration {
  return identity.name === "builtin" ? BUILTIN : NOMIC;
}
