/**
 * Chooses what the built-in answerer quotes: the best-scoring piece, completed the way a reader needs it
 * (the items of a list it introduces, the rest of a short FAQ answer, the sentence right after it when
 * that one holds the fact asked for), then further pieces that score nearly as well, as many as the
 * persona's answer length allows. Pieces of one chunk are quoted in document order.
 */
import type { RankedUnit } from "../retrieval/unit-ranker";
import type { AnswerUnit } from "../text/answer-units";
import { isQuotable } from "../text/answer-units";
import { holdsKind } from "../retrieval/answer-kinds";
import type { Question } from "../retrieval/question";

/** One quoted piece and the chunk it comes from. */
export interface Quote {
  unit: AnswerUnit;
  ranked: RankedUnit;
}

const PIECES = { short: 1, medium: 3, long: 5 } as const;
/** A further piece is quoted only when it scores at least this share of the best one. */
const RUNNER_UP = 0.8;
const MAX_LIST_ITEMS = 5;

/** The pieces that complete `best`: list items it introduces or shares a lead with, a FAQ answer's rest. */
function completion(best: RankedUnit, question: Question): AnswerUnit[] {
  const { unit, siblings } = best;
  const after = siblings.slice(unit.index + 1);
  if (unit.text.endsWith(":"))
    return after.filter(
      (u, i) =>
        u.kind === "item" &&
        i < MAX_LIST_ITEMS &&
        after.slice(0, i).every((p) => p.kind === "item"),
    );
  if (unit.kind === "item" && unit.lead) {
    const items = siblings.filter((u) => u.kind === "item" && u.lead === unit.lead);
    return items.length <= MAX_LIST_ITEMS ? items.filter((u) => u !== unit) : [];
  }
  const next = after[0];
  if (!next || !isQuotable(next)) return [];
  if (unit.kind === "answer" && next.kind === "answer" && next.context === unit.context)
    return [next];
  // A fact often sits in the sentence after the one that names the topic ("The Nudge stage … During it …").
  const kinds = [...question.kinds].filter((k) => k !== "procedure" && k !== "yes-no");
  if (kinds.length > 0 && !best.kindMatch && kinds.every((k) => holdsKind(next.text, k)))
    return [next];
  return [];
}

/** The pieces to quote, in the order they are written. */
export function selectQuotes(
  ranked: readonly RankedUnit[],
  question: Question,
  length: keyof typeof PIECES = "medium",
): Quote[] {
  const best = ranked[0];
  if (!best) return [];
  const chosen: Quote[] = [{ unit: best.unit, ranked: best }];
  const taken = new Set([`${best.candidate.chunk.chunkId}#${best.unit.index}`]);
  const take = (unit: AnswerUnit, from: RankedUnit) => {
    const key = `${from.candidate.chunk.chunkId}#${unit.index}`;
    if (taken.has(key)) return;
    taken.add(key);
    chosen.push({ unit, ranked: from });
  };
  if (best.unit.kind === "item" && best.unit.lead) {
    // The sentence that introduces the list reads before its first item.
    const first =
      best.siblings.find((u) => u.kind === "item" && u.lead === best.unit.lead) ?? best.unit;
    chosen.unshift({
      unit: { ...best.unit, text: best.unit.lead, kind: "sentence", index: first.index - 0.5 },
      ranked: best,
    });
  }
  for (const unit of completion(best, question)) take(unit, best);
  let pieces = 1;
  for (const other of ranked.slice(1)) {
    if (pieces >= PIECES[length] || other.score < best.score * RUNNER_UP) break;
    const key = `${other.candidate.chunk.chunkId}#${other.unit.index}`;
    if (taken.has(key) || chosen.some((q) => q.unit.text === other.unit.text)) continue;
    take(other.unit, other);
    pieces++;
  }
  // Chunks in the order they were first chosen; within one chunk, the material's own order.
  const chunkOrder = [...new Set(chosen.map((q) => q.ranked.candidate.chunk.chunkId))];
  return chosen
    .map((quote, i) => ({ quote, i }))
    .sort((a, b) => {
      const byChunk =
        chunkOrder.indexOf(a.quote.ranked.candidate.chunk.chunkId) -
        chunkOrder.indexOf(b.quote.ranked.candidate.chunk.chunkId);
      return byChunk !== 0 ? byChunk : a.quote.unit.index - b.quote.unit.index || a.i - b.i;
    })
    .map(({ quote }) => quote);
}
