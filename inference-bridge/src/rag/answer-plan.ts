/**
 * Decides how a turn is answered, from what retrieval found: the creator's curated answer when the same
 * question was corrected before; the creator's referral line for a question outside their scope of
 * practice (scope-of-practice.ts); the persona's fallback line when the material does not answer it
 * (answerability.ts) — or, for an adaptive persona with a model, a labelled general-knowledge answer;
 * otherwise an answer from the material: the pieces to quote for the built-in answerer, or the best
 * passages for a model's prompt.
 */
import type { ChatRequest } from "@coach/contracts/bridge";
import type { Passage } from "../backends/types";
import type { SearchResult } from "../retrieval/hybrid-search";
import type { IndexedChunk } from "../retrieval/lexical-index";
import type { BridgeServices } from "../services";
import { selectQuotes, type Quote } from "./answer-selection";
import { judgeAnswerability } from "./answerability";
import { calibrationFor } from "./calibrations";
import { curatedAnswer } from "./curated";
import {
  materialOutOfScope,
  outOfScope,
  referralLine,
  withoutOutOfScope,
  type ScopeTopic,
} from "./scope-of-practice";

/** A passage is given to a model only when its relevance is at least this share of the best one's. */
const PASSAGE_FLOOR = 0.5;

/** What a turn's answer rests on, and what it may use. */
export interface AnswerPlan {
  grounding: "material" | "curated" | "general" | "fallback";
  /** Passages the answer may cite, numbered from 1 in the order given. */
  passages: Passage[];
  /** For the built-in answerer: the pieces to quote. */
  quotes: Quote[];
  /** For a curated answer: the creator's text. */
  curatedText: string;
  /** Probability that the material answers the question (0–1), reported as the answer's confidence. */
  confidence: number;
  /** For a question outside the coach's scope: the topic, answered with the referral line. */
  referral: ScopeTopic | null;
}

function toPassage(chunk: IndexedChunk, index: number, score: number, text = chunk.text): Passage {
  return {
    index,
    chunkId: chunk.chunkId,
    documentId: chunk.documentId,
    title: chunk.title,
    text,
    score,
    ...(chunk.section ? { section: chunk.section } : {}),
    ...(chunk.page !== undefined ? { page: chunk.page } : {}),
    ...(chunk.curated ? { curated: true } : {}),
  };
}

/** Plans the answer to `request` from `result`. */
export function planAnswer(
  services: Pick<BridgeServices, "embedder" | "language" | "generator">,
  request: ChatRequest,
  result: SearchResult,
): AnswerPlan {
  const judgement = judgeAnswerability(result, calibrationFor(services.embedder.identity));
  const none: AnswerPlan = {
    grounding: "fallback",
    passages: [],
    quotes: [],
    curatedText: "",
    confidence: judgement.probability,
    referral: null,
  };
  const curated = curatedAnswer(result, services.language.vectors);
  if (curated)
    return {
      ...none,
      grounding: "curated",
      passages: [toPassage(curated.chunk, 1, 1)],
      curatedText: curated.answer,
      confidence: 1,
    };
  // Outside the coach's scope (medication, diagnosis, legal, financial, the creator's own topics): the
  // referral line, in every mode, whatever the material holds. Shown as the creator's own words. The
  // material is read too: when what best matches the question is a dose, the question is one for a
  // doctor however it was worded.
  const { persona } = request;
  const best = result.ranked[0];
  const scope =
    outOfScope(request.question, persona) ??
    (best && judgement.answerable ? materialOutOfScope(best.unit.text, persona) : null);
  if (scope)
    return {
      ...none,
      grounding: "curated",
      curatedText: referralLine(scope, persona),
      confidence: 1,
      referral: scope,
    };
  const builtin = services.generator.model === "builtin";
  // A caller that names a similarity floor decides answerability by it instead of the calibrated rule
  // (load tests use 0 to always answer from the material) — when there are vector scores to apply it to.
  const floor = request.retrieval.min_score;
  const dense = result.chunks.flatMap((c) => (c.dense === null ? [] : [c.dense]));
  const answerable =
    floor === undefined || (dense.length === 0 && floor > 0)
      ? judgement.answerable
      : result.ranked.length > 0 && (floor <= 0 || Math.max(...dense) >= floor);
  if (!answerable) {
    const general = persona.answer_mode === "adaptive" && !builtin;
    return general ? { ...none, grounding: "general" } : none;
  }
  const relevance = (chunkId: string) => {
    const candidate = result.ranked.find((r) => r.candidate.chunk.chunkId === chunkId)?.candidate;
    return candidate
      ? Math.round((0.7 * candidate.lexicalShare + 0.3 * candidate.denseShare) * 1000) / 1000
      : 0;
  };
  if (builtin) {
    const quotes = selectQuotes(
      result.ranked,
      result.question,
      persona.answer_length ?? "medium",
    ).filter((quote) => materialOutOfScope(quote.unit.text, persona) === null);
    const chunks = [
      ...new Map(
        quotes.map((q) => [q.ranked.candidate.chunk.chunkId, q.ranked.candidate.chunk]),
      ).values(),
    ];
    return {
      ...none,
      grounding: "material",
      quotes,
      passages: chunks.map((chunk, i) => toPassage(chunk, i + 1, relevance(chunk.chunkId))),
    };
  }
  // A model reads whole passages: the chunks of the best-ranked pieces, best first, leaving out chunks
  // far weaker than the best (a model cites whatever it is given) and any sentence outside the coach's
  // scope (a model repeats whatever it is given).
  const bestRelevance = Math.max(
    0,
    ...result.ranked.map((r) => relevance(r.candidate.chunk.chunkId)),
  );
  const chunks = [
    ...new Map(result.ranked.map((r) => [r.candidate.chunk.chunkId, r.candidate.chunk])).values(),
  ]
    .filter((chunk) => relevance(chunk.chunkId) >= bestRelevance * PASSAGE_FLOOR)
    .slice(0, request.retrieval.k);
  return {
    ...none,
    grounding: "material",
    passages: chunks.map((chunk, i) =>
      toPassage(chunk, i + 1, relevance(chunk.chunkId), withoutOutOfScope(chunk.text, persona)),
    ),
  };
}
