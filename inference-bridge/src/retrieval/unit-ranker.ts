/**
 * Scores every quotable piece (sentence, list item, table row, FAQ answer) of the best candidate chunks
 * for a question. Each piece gets a handful of general features — how much of the question's weighted
 * topic its own words cover, how much its heading or FAQ question and its neighbours add, how close its
 * meaning is, whether it holds the kind of fact asked for (a duration for "how long"), how well its chunk
 * ranked — and its score is a weighted sum of them, with weights fitted on questions written in clients'
 * own words (ranker-weights.ts, `npm run eval -- --fit`). The same features decide answerability.
 */
import { answerUnits, isQuotable, type AnswerUnit } from "../text/answer-units";
import { tokenize } from "../text/tokens";
import { holdsKind } from "./answer-kinds";
import type { IndexedChunk } from "./lexical-index";
import type { Question } from "./question";
import { RANKER_WEIGHTS, UNIT_FEATURES, type UnitFeatures } from "./ranker-weights";
import type { TermMatch } from "./term-expansion";

/** What the ranker knows of the collection and of meaning. */
export interface RankingContext {
  /** Chunks of the collection that use a stem, and how many chunks there are. */
  documentFrequency(stem: string): number;
  chunkCount: number;
  /** A unit vector for a text (word vectors), or null when there are none. */
  sentenceVector?(text: string): Float32Array | null;
}

/** A candidate chunk with its place in the fused ranking (0 = best) and its rankings' scores. */
export interface Candidate {
  chunk: IndexedChunk;
  rank: number;
  /** Its lexical and dense scores as shares of the best candidate's (0 when it was not in that ranking). */
  lexicalShare: number;
  denseShare: number;
  /** Its document's fused score (its best three chunks) as a share of the best document's. */
  documentShare: number;
}

/** A scored piece of a candidate chunk. */
export interface RankedUnit {
  unit: AnswerUnit;
  candidate: Candidate;
  /** Every unit of the same chunk, for neighbours and list completion. */
  siblings: AnswerUnit[];
  features: UnitFeatures;
  /** True when the piece holds every kind of fact the question asks for (none asked counts as true). */
  kindMatch: boolean;
  score: number;
}

function stems(text: string): Set<string> {
  return new Set(tokenize(text).map((t) => t.stem));
}

/** Best strength of a question word's matches in a set of stems. */
function found(matches: readonly TermMatch[], where: ReadonlySet<string>): number {
  let best = 0;
  for (const match of matches)
    if (match.strength > best && where.has(match.stem)) best = match.strength;
  return best;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

/** The question's words with two weights: general (rarity in English) and corpus (rarity here too). */
function termWeights(
  question: Question,
  expansions: ReadonlyMap<string, readonly TermMatch[]>,
  context: RankingContext,
) {
  const n = Math.max(1, context.chunkCount);
  return question.terms.map((term) => {
    const matches = expansions.get(term.stem) ?? [];
    const frequencies = matches.map((m) => context.documentFrequency(m.stem)).filter((f) => f > 0);
    const df = frequencies.length === 0 ? n : Math.min(...frequencies);
    // 1 for a word in a single chunk, towards 0 for a word in every chunk of the collection.
    const spread = Math.log(1 + n / df) / Math.log(1 + n);
    return { term, matches, general: term.weight, corpus: term.weight * spread };
  });
}

/** What scoring needs of a chunk, independent of the question. */
interface ChunkAnalysis {
  units: AnswerUnit[];
  unitStems: Set<string>[];
  aroundStems: Set<string>[];
  chunkStems: Set<string>;
  vectors: (Float32Array | null)[];
}

/** Analyses of recently scored chunks: the same chunks answer many questions, and chunks never change. */
const analyses = new Map<IndexedChunk, ChunkAnalysis>();
const MAX_ANALYSES = 512;

function analyse(chunk: IndexedChunk, context: RankingContext): ChunkAnalysis {
  const cached = analyses.get(chunk);
  if (cached) {
    analyses.delete(chunk);
    analyses.set(chunk, cached);
    return cached;
  }
  const units = answerUnits(chunk.text, chunk.section ?? "");
  const analysis: ChunkAnalysis = {
    units,
    unitStems: units.map((unit) => stems(unit.text)),
    aroundStems: units.map((unit) => stems(`${unit.context} ${unit.lead ?? ""}`)),
    chunkStems: stems(`${chunk.text}\n${chunk.section ?? ""}\n${chunk.title}`),
    vectors: units.map((unit) =>
      isQuotable(unit)
        ? (context.sentenceVector?.(`${unit.context}. ${unit.lead ?? ""} ${unit.text}`) ?? null)
        : null,
    ),
  };
  analyses.set(chunk, analysis);
  const oldest = analyses.keys().next();
  if (analyses.size > MAX_ANALYSES && !oldest.done) analyses.delete(oldest.value);
  return analysis;
}

/** Ranks the quotable pieces of `candidates` for `question`, best first. */
export function rankUnits(
  question: Question,
  expansions: ReadonlyMap<string, readonly TermMatch[]>,
  candidates: readonly Candidate[],
  context: RankingContext,
): RankedUnit[] {
  const terms = termWeights(question, expansions, context);
  const generalTotal = terms.reduce((sum, t) => sum + t.general, 0);
  const corpusTotal = terms.reduce((sum, t) => sum + t.corpus, 0) || 1;
  if (generalTotal === 0) return [];
  const questionVector = context.sentenceVector?.(question.text) ?? null;
  const askTotal = terms.reduce(
    (sum, t) => sum + (question.askStems.has(t.term.stem) ? t.general : 0),
    0,
  );
  const kinds = [...question.kinds].filter((kind) => kind !== "procedure" && kind !== "yes-no");
  const ranked: RankedUnit[] = [];
  for (const candidate of candidates) {
    const { chunk } = candidate;
    const { units, unitStems, aroundStems, chunkStems, vectors } = analyse(chunk, context);
    units.forEach((unit, i) => {
      if (!isQuotable(unit)) return;
      const own = unitStems[i] ?? new Set<string>();
      const around = aroundStems[i] ?? new Set<string>();
      const neighbours = new Set([...(unitStems[i - 1] ?? []), ...(unitStems[i + 1] ?? [])]);
      const sums = {
        own: 0,
        around: 0,
        neighbour: 0,
        chunk: 0,
        corpusOwn: 0,
        corpusAround: 0,
        exact: 0,
        askOwn: 0,
      };
      for (const t of terms) {
        const inOwn = found(t.matches, own);
        const inAround = Math.max(inOwn, found(t.matches, around));
        sums.own += t.general * inOwn;
        sums.around += t.general * inAround;
        sums.neighbour += t.general * Math.max(inAround, found(t.matches, neighbours));
        sums.chunk += t.general * found(t.matches, chunkStems);
        sums.corpusOwn += t.corpus * inOwn;
        sums.corpusAround += t.corpus * inAround;
        if (inOwn === 1) sums.exact++;
        if (question.askStems.has(t.term.stem)) sums.askOwn += t.general * inOwn;
      }
      const unitVector = vectors[i] ?? null;
      const words = unit.text.split(/\s+/).length;
      const kindMatch = kinds.every((kind) => holdsKind(unit.text, kind));
      const features: UnitFeatures = {
        coverOwn: sums.own / generalTotal,
        coverAround: sums.around / generalTotal,
        coverNeighbours: sums.neighbour / generalTotal,
        coverChunk: sums.chunk / generalTotal,
        corpusOwn: sums.corpusOwn / corpusTotal,
        corpusAround: sums.corpusAround / corpusTotal,
        exactShare: sums.exact / Math.max(1, terms.length),
        askOwn: askTotal === 0 ? 0 : sums.askOwn / askTotal,
        meaning: questionVector && unitVector ? dot(questionVector, unitVector) : 0,
        kindMatch: kinds.length > 0 && kindMatch ? 1 : 0,
        kindMissing: kinds.length > 0 && !kinds.some((kind) => holdsKind(unit.text, kind)) ? 1 : 0,
        chunkRank: 1 / (1 + candidate.rank),
        lexicalShare: candidate.lexicalShare,
        denseShare: candidate.denseShare,
        documentShare: candidate.documentShare,
        faqAnswer: unit.kind === "answer" ? 1 : 0,
        listOrRow: unit.kind === "item" || unit.kind === "row" ? 1 : 0,
        short: words < 5 ? 1 : 0,
        long: words > 45 ? 1 : 0,
      };
      ranked.push({ unit, candidate, siblings: units, features, kindMatch, score: 0 });
    });
  }
  standardiseMeaning(ranked);
  for (const r of ranked)
    r.score = UNIT_FEATURES.reduce((sum, name) => sum + RANKER_WEIGHTS[name] * r.features[name], 0);
  return ranked.sort((a, b) => b.score - a.score);
}

/**
 * Word-vector averages of any two English texts are similar (cosines of 0.8–0.95), so meaning only
 * tells pieces apart relative to each other: it is replaced by its z-score among this question's pieces.
 */
function standardiseMeaning(ranked: RankedUnit[]): void {
  if (ranked.length < 2) {
    for (const r of ranked) r.features.meaning = 0;
    return;
  }
  const values = ranked.map((r) => r.features.meaning);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length) || 1;
  for (const r of ranked) r.features.meaning = (r.features.meaning - mean) / sd;
}
