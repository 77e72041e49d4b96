/**
 * Finds, for each word of a question, the words of the creator's material that mean nearly the same:
 * the same stem ("naps" → "nap"), a close spelling when the client made a typo ("shoud", "runing"),
 * WordNet synonyms and derived words ("snooze" → "nap", "crib" → "cot"), and neighbours in word-vector
 * space ("ache" → "pain"). Clients rarely use the
 * material's own words, so this is what lets paraphrases find their passage without a model server.
 */
import type { WordVectors } from "../text/word-vectors";
import type { Synonyms } from "../text/wordnet-synonyms";
import { normaliseWord, stemOf } from "../text/tokens";
import type { LexicalIndex } from "./lexical-index";
import type { QuestionTerm } from "./question";

/** A word of the material standing in for a question word, with how close it is (0–1]. */
export interface TermMatch {
  stem: string;
  word: string;
  strength: number;
}

/** Vector neighbours kept per question word. */
const NEIGHBOURS = 4;
/** Below this cosine similarity two words are only related, not interchangeable. */
const MIN_SIMILARITY = 0.55;
/** Closest a neighbour can count: a different word never counts as much as the word itself. */
const MAX_NEIGHBOUR_STRENGTH = 0.5;
/**
 * Words so common (GloVe frequency rank) that their vector neighbours are other common words ("get" →
 * "go", "take"): such words are matched by their stem only.
 */
const COMMON_RANK = 800;
// Members of closed sets sit closest to each other in vector space, yet "Monday" never means "Tuesday".
const CONTRASTIVE = new Set(
  "monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night noon midnight january february march april may june july august september october november december spring summer autumn winter fall first second third last next previous before after early late left right up down black white red blue green yellow".split(
    " ",
  ),
);

/** How strongly a vector similarity lets one word stand for another. */
export function neighbourStrength(similarity: number): number {
  return Math.min(
    MAX_NEIGHBOUR_STRENGTH,
    Math.max(0, (similarity - 0.45) / 0.4) * MAX_NEIGHBOUR_STRENGTH,
  );
}

function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  // Damerau–Levenshtein with an early exit once every cell of a row passes the limit.
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (prev2[j - 2] ?? 0) + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return false;
    prev2 = prev;
    prev = row;
  }
  return (prev[b.length] ?? max + 1) <= max;
}

/** The material's vocabulary as unit vectors, rebuilt when the index changes. */
class VocabularyMatrix {
  readonly words: string[] = [];
  readonly matrix: Float32Array;

  constructor(index: LexicalIndex, vectors: WordVectors) {
    const rows: string[] = [];
    for (const word of index.vocabulary().keys()) {
      const rank = vectors.rank(word);
      if (rank !== undefined && rank >= COMMON_RANK && !/^\d/.test(word)) rows.push(word);
    }
    this.words = rows;
    this.matrix = new Float32Array(rows.length * vectors.dimensions);
    rows.forEach((word, i) => {
      const unit = new Float32Array(vectors.dimensions);
      vectors.addTo(unit, word, 1);
      this.matrix.set(unit, i * vectors.dimensions);
    });
  }
}

/** Expands question words against one tenant's material; caches per index version. */
export class TermExpander {
  private matrix: { version: number; value: VocabularyMatrix } | null = null;
  private readonly cache = new Map<string, TermMatch[]>();
  private cacheVersion = -1;

  constructor(
    private readonly index: LexicalIndex,
    private readonly vectors: WordVectors | null,
    private readonly synonyms: Synonyms | null = null,
  ) {}

  /** The matches of one question word, strongest first; empty when the material has nothing like it. */
  expand(term: QuestionTerm): TermMatch[] {
    if (this.cacheVersion !== this.index.version) {
      this.cache.clear();
      this.cacheVersion = this.index.version;
    }
    let matches = this.cache.get(term.word);
    if (!matches) {
      matches = this.compute(term);
      if (this.cache.size > 5000) this.cache.clear();
      this.cache.set(term.word, matches);
    }
    return matches;
  }

  private compute(term: QuestionTerm): TermMatch[] {
    const matches: TermMatch[] = [];
    const exact = this.index.documentFrequency(term.stem) > 0;
    if (exact) matches.push({ stem: term.stem, word: term.word, strength: 1 });
    const known = this.vectors?.rank(term.word) !== undefined;
    if (!exact && !/^\d/.test(term.word) && term.word.length >= 4) {
      const repaired = this.repairTypo(term.word, known);
      if (repaired) matches.push(repaired);
    }
    const common = (this.vectors?.rank(term.word) ?? Infinity) < COMMON_RANK;
    if (!/^\d/.test(term.word) && !CONTRASTIVE.has(term.word) && !common) {
      matches.push(...this.relatives(term));
      if (this.vectors && known) matches.push(...this.neighbours(term));
    }
    // One entry per stem, the strongest way of reaching it.
    const best = new Map<string, TermMatch>();
    for (const match of matches)
      if ((best.get(match.stem)?.strength ?? 0) < match.strength) best.set(match.stem, match);
    return [...best.values()].sort((a, b) => b.strength - a.strength);
  }

  /** WordNet relatives of the word that the material uses. */
  private relatives(term: QuestionTerm): TermMatch[] {
    const out: TermMatch[] = [];
    for (const [other, strength] of this.synonyms?.of(term.word) ?? []) {
      const word = normaliseWord(other);
      const stem = stemOf(word);
      if (stem !== term.stem && !CONTRASTIVE.has(word) && this.index.documentFrequency(stem) > 0)
        out.push({ stem, word, strength });
    }
    return out;
  }

  private repairTypo(word: string, known: boolean): TermMatch | null {
    // A known English word is a different word, not a typo, unless it is rare (a misspelling in GloVe).
    const rank = this.vectors?.rank(word);
    if (known && rank !== undefined && rank < 40_000) return null;
    const max = word.length >= 8 ? 2 : 1;
    let best: { word: string; uses: number } | null = null;
    for (const [candidate, uses] of this.index.vocabulary()) {
      if (candidate[0] !== word[0] && candidate[1] !== word[1]) continue;
      if (withinEdits(word, candidate, max) && (!best || uses > best.uses))
        best = { word: candidate, uses };
    }
    return best ? { stem: stemOf(best.word), word: best.word, strength: 0.8 } : null;
  }

  private neighbours(term: QuestionTerm): TermMatch[] {
    const vectors = this.vectors;
    if (!vectors) return [];
    if (!this.matrix || this.matrix.version !== this.index.version)
      this.matrix = {
        version: this.index.version,
        value: new VocabularyMatrix(this.index, vectors),
      };
    const { words, matrix } = this.matrix.value;
    const dims = vectors.dimensions;
    const query = new Float32Array(dims);
    vectors.addTo(query, term.word, 1);
    const best: { word: string; similarity: number }[] = [];
    for (let row = 0; row < words.length; row++) {
      let dot = 0;
      const offset = row * dims;
      for (let d = 0; d < dims; d++) dot += (matrix[offset + d] ?? 0) * (query[d] ?? 0);
      if (dot < MIN_SIMILARITY) continue;
      const word = words[row] ?? "";
      if (CONTRASTIVE.has(word) || stemOf(word) === term.stem) continue;
      best.push({ word, similarity: dot });
    }
    best.sort((a, b) => b.similarity - a.similarity);
    const out: TermMatch[] = [];
    const stems = new Set<string>();
    for (const { word, similarity } of best) {
      const stem = stemOf(word);
      if (stems.has(stem)) continue;
      stems.add(stem);
      out.push({ stem, word, strength: neighbourStrength(similarity) });
      if (out.length === NEIGHBOURS) break;
    }
    return out.filter((m) => m.strength > 0);
  }
}
