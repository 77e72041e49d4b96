/**
 * Fits the two learned parts of answering on the evaluation's outcomes, and says how well each fit does
 * on coaches it has not seen (leave one coach out), since a rule that only fits its own questions is
 * worthless for the next creator:
 *  - the piece ranker's weights (a conditional logit: the piece holding the expected fact should win
 *    among its question's pieces), printed for retrieval/ranker-weights.ts;
 *  - the answerability rule (a logistic regression of answerable against off-topic and near-domain
 *    questions, thresholded so that 95 % of the training coaches' off-topic questions fall back, and
 *    the topic coverage from which a question is answerable in any case: the lowest step of 0.05 above
 *    every off-topic question the regression declines), printed for rag/calibrations.ts.
 */
import { ANSWERABILITY_FEATURES } from "../inference-bridge/src/rag/answerability";
import { UNIT_FEATURES } from "../inference-bridge/src/retrieval/ranker-weights";
import type { QuestionOutcome } from "./answer-quality";

const round = (x: number) => Math.round(x * 1000) / 1000;
/** Share of the fit's off-topic questions the threshold sends to the fallback. */
const OFF_TOPIC_FALLBACK = 0.95;

/** Conditional-logit weights for the pieces of `questions` (those whose pieces include a fact). */
export function fitRanker(
  questions: readonly QuestionOutcome[],
  l2 = 0.001,
  iterations = 3000,
  rate = 3,
): number[] {
  const groups = questions.filter((q) => q.pieces.some((p) => p.holdsFact));
  const w = new Array<number>(UNIT_FEATURES.length).fill(0);
  for (let it = 0; it < iterations; it++) {
    const gradient = new Array<number>(w.length).fill(0);
    for (const { pieces } of groups) {
      const scores = pieces.map((p) => p.features.reduce((sum, v, j) => sum + v * (w[j] ?? 0), 0));
      const max = Math.max(...scores);
      const exps = scores.map((s) => Math.exp(s - max));
      const z = exps.reduce((a, b) => a + b, 0);
      const probability = exps.map((e) => e / z);
      const positive = pieces.reduce(
        (sum, p, i) => sum + (p.holdsFact ? (probability[i] ?? 0) : 0),
        0,
      );
      for (let j = 0; j < w.length; j++) {
        let expected = 0;
        let expectedPositive = 0;
        pieces.forEach((p, i) => {
          const v = p.features[j] ?? 0;
          expected += (probability[i] ?? 0) * v;
          if (p.holdsFact) expectedPositive += ((probability[i] ?? 0) / positive) * v;
        });
        gradient[j] = (gradient[j] ?? 0) + expectedPositive - expected;
      }
    }
    for (let j = 0; j < w.length; j++)
      w[j] =
        (w[j] ?? 0) + rate * ((gradient[j] ?? 0) / Math.max(1, groups.length) - l2 * (w[j] ?? 0));
  }
  return w.map(round);
}

/** Share of `questions` whose best piece under `w` holds an expected fact. */
export function rankerTop1(questions: readonly QuestionOutcome[], w: readonly number[]): number {
  const answerable = questions.filter((q) => q.kind === "answerable");
  const hits = answerable.filter((q) => {
    const scores = q.pieces.map((p) => p.features.reduce((sum, v, j) => sum + v * (w[j] ?? 0), 0));
    return q.pieces[scores.indexOf(Math.max(...scores))]?.holdsFact === true;
  });
  return answerable.length === 0 ? 0 : hits.length / answerable.length;
}

/** A fitted answerability rule, on standardised features. */
export interface FittedRule {
  bias: number;
  means: number[];
  scales: number[];
  weights: number[];
  threshold: number;
  coveredAt: number;
}

const raw = (q: QuestionOutcome) => ANSWERABILITY_FEATURES.map((name) => q.answerability[name]);
const probability = (rule: Omit<FittedRule, "threshold" | "coveredAt">, q: QuestionOutcome) =>
  1 /
  (1 +
    Math.exp(
      -(
        rule.bias +
        raw(q).reduce(
          (sum, v, j) =>
            sum + (rule.weights[j] ?? 0) * ((v - (rule.means[j] ?? 0)) / (rule.scales[j] || 1)),
          0,
        )
      ),
    ));

/** Whether `rule` answers `q` from the material. */
const answers = (rule: FittedRule, q: QuestionOutcome) =>
  probability(rule, q) >= rule.threshold || q.answerability.coverAround >= rule.coveredAt;

/** Logistic regression of answerable (1) against off-topic (0), thresholded at 95 % off-topic fallback. */
export function fitAnswerability(
  questions: readonly QuestionOutcome[],
  l2 = 0.001,
  iterations = 3000,
  rate = 0.1,
): FittedRule {
  const columns = ANSWERABILITY_FEATURES.map((_, j) => questions.map((q) => raw(q)[j] ?? 0));
  const means = columns.map((c) => c.reduce((a, b) => a + b, 0) / Math.max(1, c.length));
  const scales = columns.map(
    (c, j) =>
      Math.sqrt(c.reduce((a, b) => a + (b - (means[j] ?? 0)) ** 2, 0) / Math.max(1, c.length)) || 1,
  );
  const vector = (q: QuestionOutcome) =>
    raw(q).map((v, j) => (v - (means[j] ?? 0)) / (scales[j] ?? 1));
  let bias = 0;
  const weights = new Array<number>(ANSWERABILITY_FEATURES.length).fill(0);
  for (let it = 0; it < iterations; it++) {
    let gBias = 0;
    const g = new Array<number>(weights.length).fill(0);
    for (const q of questions) {
      const error =
        (q.kind === "answerable" ? 1 : 0) - probability({ bias, weights, means, scales }, q);
      gBias += error;
      vector(q).forEach((v, j) => (g[j] = (g[j] ?? 0) + error * v));
    }
    bias += (rate * gBias) / questions.length;
    for (let j = 0; j < weights.length; j++)
      weights[j] =
        (weights[j] ?? 0) + rate * ((g[j] ?? 0) / questions.length - l2 * (weights[j] ?? 0));
  }
  const offTopic = questions.filter((q) => q.kind !== "answerable");
  const off = offTopic
    .map((q) => probability({ bias, weights, means, scales }, q))
    .sort((a, b) => a - b);
  const threshold =
    off[Math.min(off.length - 1, Math.floor(off.length * OFF_TOPIC_FALLBACK))] ?? 0.5;
  const declinedCover = offTopic
    .filter((q) => probability({ bias, weights, means, scales }, q) < threshold)
    .map((q) => q.answerability.coverAround);
  const coveredAt = Math.floor(Math.max(0, ...declinedCover) * 20 + 1) / 20;
  return {
    bias: round(bias),
    means: means.map(round),
    scales: scales.map(round),
    weights: weights.map(round),
    threshold: round(threshold),
    coveredAt: round(coveredAt),
  };
}

/** Fits on all coaches but one, in turn, and reports each held-out coach. */
export function leaveOneCoachOut(outcomes: readonly QuestionOutcome[]) {
  const coaches = [...new Set(outcomes.map((q) => q.coach))];
  return coaches.map((coach) => {
    const train = outcomes.filter((q) => q.coach !== coach);
    const test = outcomes.filter((q) => q.coach === coach);
    const rule = fitAnswerability(train);
    const answered = test.filter((q) => q.kind === "answerable" && answers(rule, q)).length;
    const declined = test.filter((q) => q.kind !== "answerable" && !answers(rule, q)).length;
    return {
      coach,
      best_piece_holds_fact: round(rankerTop1(test, fitRanker(train))),
      answerable_answered: round(
        answered / Math.max(1, test.filter((q) => q.kind === "answerable").length),
      ),
      off_topic_fallback: round(
        declined / Math.max(1, test.filter((q) => q.kind !== "answerable").length),
      ),
    };
  });
}

/** The fitted values, as code to paste. */
export function formatFits(outcomes: readonly QuestionOutcome[]): string {
  const ranker = fitRanker(outcomes);
  const rule = fitAnswerability(outcomes);
  const rankerText = UNIT_FEATURES.map((name, j) => `  ${name}: ${ranker[j]},`).join("\n");
  const record = (values: number[]) =>
    `{ ${ANSWERABILITY_FEATURES.map((name, j) => `${name}: ${values[j]}`).join(", ")} }`;
  return `RANKER_WEIGHTS = {\n${rankerText}\n}\nanswerability: bias ${rule.bias}, threshold ${rule.threshold}, coveredAt ${rule.coveredAt}\n  means ${record(rule.means)}\n  scales ${record(rule.scales)}\n  weights ${record(rule.weights)}`;
}
