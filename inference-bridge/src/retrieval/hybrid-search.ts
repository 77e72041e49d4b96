/**
 * Hybrid retrieval: a lexical ranking (BM25 over the tenant's own statistics, with the question's words
 * expanded to the material's synonyms and typo repairs) fused with a dense one (the embedder's vectors in
 * Chroma) by reciprocal rank fusion, then the best chunks' pieces scored for the question. Lexical
 * ranking finds exact terms and names a vector average blurs; the dense ranking finds paraphrases that
 * share no word. Either can fail alone (no vectors when the model server is gone): the other still ranks.
 */
import type { SearchHit } from "@coach/contracts/bridge";
import { chunkFromHit, type IndexedChunk, type LexicalIndex } from "./lexical-index";
import { analyseQuestion, type Question } from "./question";
import type { TermExpander, TermMatch } from "./term-expansion";
import { rankUnits, type Candidate, type RankedUnit } from "./unit-ranker";
import type { WordVectors } from "../text/word-vectors";

/** Chunks each ranking contributes to the fusion. */
export const RANKING_DEPTH = 30;
/** Chunks whose pieces are scored. */
const CANDIDATES = 8;
/** Reciprocal rank fusion constant, as in Cormack et al. (2009). */
const RRF_K = 60;
/** Weight of the dense ranking in the fusion: word-vector averages of any two texts are close, so the
 * dense order is a weak signal beside the lexical one (0.1 measured best of 0, 0.1, 0.3 and 1 on the eval
 * coaches). */
const DENSE_WEIGHT = 0.1;

/** Everything retrieval learned about one question. */
export interface SearchResult {
  question: Question;
  expansions: Map<string, TermMatch[]>;
  /** Fused ranking of chunks, best first, with the dense similarity of each when known. */
  chunks: { chunk: IndexedChunk; fused: number; dense: number | null; lexical: number | null }[];
  ranked: RankedUnit[];
}

/** Inputs of one search: the tenant's lexical side and the dense hits already fetched from Chroma. */
export interface SearchInputs {
  index: LexicalIndex;
  expander: TermExpander;
  vectors: WordVectors | null;
  denseHits: SearchHit[] | null;
  /** A unit vector for a text from the word vectors, to score pieces by meaning. */
  sentenceVector?(text: string): Float32Array | null;
}

/** Runs the lexical side, fuses it with the dense hits and scores the best chunks' pieces. */
export function hybridSearch(text: string, inputs: SearchInputs): SearchResult {
  const question = analyseQuestion(text, inputs.vectors);
  const expansions = new Map<string, TermMatch[]>();
  for (const term of question.terms) expansions.set(term.stem, inputs.expander.expand(term));
  const lexicalTerms = question.terms.map((term) => ({
    weight: term.weight,
    matches: expansions.get(term.stem) ?? [],
  }));
  const lexical = inputs.index.search(lexicalTerms, RANKING_DEPTH);
  const fused = new Map<
    string,
    { chunk: IndexedChunk; fused: number; dense: number | null; lexical: number | null }
  >();
  lexical.forEach((hit, rank) =>
    fused.set(hit.chunk.chunkId, {
      chunk: hit.chunk,
      fused: 1 / (RRF_K + rank + 1),
      dense: null,
      lexical: hit.score,
    }),
  );
  (inputs.denseHits ?? []).forEach((hit, rank) => {
    const entry = fused.get(hit.chunk_id);
    if (entry) {
      entry.fused += DENSE_WEIGHT / (RRF_K + rank + 1);
      entry.dense = hit.score;
    } else {
      fused.set(hit.chunk_id, {
        chunk: inputs.index.chunk(hit.chunk_id) ?? chunkFromHit(hit),
        fused: DENSE_WEIGHT / (RRF_K + rank + 1),
        dense: hit.score,
        lexical: null,
      });
    }
  });
  const chunks = [...fused.values()].sort((a, b) => b.fused - a.fused);
  const top = chunks.slice(0, CANDIDATES);
  const bestLexical = Math.max(0, ...top.map((c) => c.lexical ?? 0)) || 1;
  const bestDense = Math.max(0, ...top.map((c) => c.dense ?? 0)) || 1;
  // A document whose several chunks match is more likely the one the question is about.
  const documentScores = new Map<string, number[]>();
  for (const entry of chunks) {
    const scores = documentScores.get(entry.chunk.documentId) ?? [];
    scores.push(entry.fused);
    documentScores.set(entry.chunk.documentId, scores);
  }
  const documentScore = (id: string) =>
    (documentScores.get(id) ?? []).slice(0, 3).reduce((sum, v) => sum + v, 0);
  const bestDocument = Math.max(...top.map((c) => documentScore(c.chunk.documentId))) || 1;
  const candidates: Candidate[] = top.map((entry, rank) => ({
    chunk: entry.chunk,
    rank,
    lexicalShare: (entry.lexical ?? 0) / bestLexical,
    denseShare: Math.max(0, entry.dense ?? 0) / bestDense,
    documentShare: documentScore(entry.chunk.documentId) / bestDocument,
  }));
  const context = {
    documentFrequency: (stem: string) => inputs.index.documentFrequency(stem),
    chunkCount: inputs.index.size,
    ...(inputs.sentenceVector ? { sentenceVector: inputs.sentenceVector } : {}),
  };
  return {
    question,
    expansions,
    chunks,
    ranked: rankUnits(question, expansions, candidates, context),
  };
}
