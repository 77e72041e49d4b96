/**
 * Curated answers: a creator's correction is stored as a question-and-answer chunk marked `curated`.
 * When a client asks the same or a near-identical question — each question's weighted words covered by
 * the other's, through stems and synonyms — its answer is given word for word instead of a composed
 * one. Both directions count, so a short curated question does not capture every longer question that
 * happens to contain its words.
 */
import { analyseQuestion } from "../retrieval/question";
import type { SearchResult } from "../retrieval/hybrid-search";
import type { IndexedChunk } from "../retrieval/lexical-index";
import { stemOf, tokenize } from "../text/tokens";
import type { WordVectors } from "../text/word-vectors";

/** Share of each question's weight the other must cover: high, a verbatim answer to a merely related question would be wrong. */
export const CURATED_MIN_COVERAGE = 0.75;

/** The curated question and answer of a correction chunk ("Q: …\nA: …"). */
export function splitCorrection(text: string): { question: string; answer: string } {
  const split = text.indexOf("\nA: ");
  if (split === -1) return { question: "", answer: text };
  return {
    question: text
      .slice(0, split)
      .replace(/^Q:\s*/, "")
      .trim(),
    answer: text.slice(split + 4).trim(),
  };
}

/** The correction that answers this turn, if any, and its answer text. */
export function curatedAnswer(
  result: SearchResult,
  vectors: WordVectors | null,
): { chunk: IndexedChunk; answer: string } | null {
  for (const { chunk } of result.chunks.slice(0, 5)) {
    if (!chunk.curated) continue;
    const { question, answer } = splitCorrection(chunk.text);
    const curated = analyseQuestion(question || chunk.section || "", vectors);
    const curatedStems = new Set(tokenize(question || chunk.section || "").map((t) => t.stem));
    const asked = result.question;
    const askedTotal = asked.terms.reduce((sum, t) => sum + t.weight, 0);
    const askedCovered = asked.terms.reduce((sum, t) => {
      const matches = result.expansions.get(t.stem) ?? [];
      const best = Math.max(
        0,
        ...matches.filter((m) => curatedStems.has(m.stem)).map((m) => m.strength),
      );
      return sum + t.weight * best;
    }, 0);
    const askedStems = new Set(
      asked.terms.flatMap((t) => [
        t.stem,
        ...(result.expansions.get(t.stem) ?? []).map((m) => m.stem),
      ]),
    );
    const curatedTotal = curated.terms.reduce((sum, t) => sum + t.weight, 0);
    const curatedCovered = curated.terms.reduce(
      (sum, t) => sum + (askedStems.has(stemOf(t.word)) ? t.weight : 0),
      0,
    );
    if (
      askedTotal > 0 &&
      curatedTotal > 0 &&
      askedCovered / askedTotal >= CURATED_MIN_COVERAGE &&
      curatedCovered / curatedTotal >= CURATED_MIN_COVERAGE
    ) {
      return { chunk, answer };
    }
  }
  return null;
}
