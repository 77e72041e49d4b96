/**
 * A tenant's lexical index: Okapi BM25 over stemmed words with the collection's own statistics (term
 * and document frequencies, average chunk length), kept in memory beside the tenant's Chroma collection
 * and updated as documents are stored and deleted. A chunk's heading path and its document's title are
 * indexed with it at a lower weight, since "How long is the Nudge stage?" often names a heading.
 */
import { contentTokens } from "../text/tokens";

/** What the index keeps of a chunk. */
export interface IndexedChunk {
  chunkId: string;
  documentId: string;
  title: string;
  text: string;
  section?: string;
  page?: number;
  curated?: boolean;
}

const K1 = 1.2;
const B = 0.75;
/** Weight of a heading or title word relative to a word of the chunk's text. */
const FIELD_WEIGHT = Number(process.env.FW ?? 0.5);
/** Part of a chunk's BM25 score kept however little of the question it covers. */
const COVERAGE_FLOOR = Number(process.env.CF ?? 0.5);

interface Slot {
  chunk: IndexedChunk;
  length: number;
  terms: Map<string, number>;
}

/** One BM25 hit. */
export interface LexicalHit {
  chunk: IndexedChunk;
  score: number;
}

/** The index of one tenant's chunks. */
export class LexicalIndex {
  private readonly slots = new Map<string, Slot>();
  private readonly byDocument = new Map<string, Set<string>>();
  private readonly postings = new Map<string, Map<string, number>>();
  /** Surface words of the collection with how many chunks use them, for expansions and typo repair. */
  private readonly words = new Map<string, number>();
  private totalLength = 0;
  /** Bumped on every change, so caches derived from the vocabulary know when to refresh. */
  version = 0;

  get size(): number {
    return this.slots.size;
  }

  /** Adds or replaces a chunk. */
  add(chunk: IndexedChunk): void {
    this.remove(chunk.chunkId);
    const terms = new Map<string, number>();
    const seenWords = new Set<string>();
    let length = 0;
    const count = (text: string, weight: number) => {
      for (const token of contentTokens(text)) {
        terms.set(token.stem, (terms.get(token.stem) ?? 0) + weight);
        seenWords.add(token.word);
        if (weight === 1) length++;
      }
    };
    count(chunk.text, 1);
    count(chunk.section ?? "", FIELD_WEIGHT);
    count(chunk.title, FIELD_WEIGHT);
    for (const [stem, tf] of terms) {
      let posting = this.postings.get(stem);
      if (!posting) this.postings.set(stem, (posting = new Map()));
      posting.set(chunk.chunkId, tf);
    }
    for (const word of seenWords) this.words.set(word, (this.words.get(word) ?? 0) + 1);
    this.slots.set(chunk.chunkId, { chunk, length, terms });
    let ids = this.byDocument.get(chunk.documentId);
    if (!ids) this.byDocument.set(chunk.documentId, (ids = new Set()));
    ids.add(chunk.chunkId);
    this.totalLength += length;
    this.version++;
  }

  /** Removes every chunk of a document. */
  removeDocument(documentId: string): void {
    for (const id of [...(this.byDocument.get(documentId) ?? [])]) this.remove(id);
    this.byDocument.delete(documentId);
  }

  /** The chunk with this id, if indexed. */
  chunk(chunkId: string): IndexedChunk | undefined {
    return this.slots.get(chunkId)?.chunk;
  }

  /** The chunks of a document. */
  chunksOf(documentId: string): IndexedChunk[] {
    return [...(this.byDocument.get(documentId) ?? [])].flatMap((id) => {
      const slot = this.slots.get(id);
      return slot ? [slot.chunk] : [];
    });
  }

  /** Chunks that use a stem. */
  documentFrequency(stem: string): number {
    return this.postings.get(stem)?.size ?? 0;
  }

  /** The collection's surface words and how many chunks use each. */
  vocabulary(): ReadonlyMap<string, number> {
    return this.words;
  }

  /**
   * BM25 scores for a question whose words were expanded: each word counts once per chunk, through the
   * strongest of its stand-ins found there (so a word with five synonyms cannot count five times), and
   * the sum is scaled by the share of the question's weight the chunk covers, since a chunk that answers
   * tends to touch most of the question, not to repeat one of its words.
   */
  search(terms: readonly { weight: number; matches: readonly { stem: string; strength: number }[] }[], k: number): LexicalHit[] {
    const n = this.slots.size;
    if (n === 0) return [];
    const average = this.totalLength / n || 1;
    const totalWeight = terms.reduce((sum, t) => sum + t.weight, 0) || 1;
    const scores = new Map<string, { bm25: number; covered: number }>();
    for (const term of terms) {
      const best = new Map<string, number>();
      for (const match of term.matches) {
        const posting = this.postings.get(match.stem);
        if (!posting) continue;
        const idf = Math.log(1 + (n - posting.size + 0.5) / (posting.size + 0.5));
        for (const [id, tf] of posting) {
          const slot = this.slots.get(id);
          if (!slot) continue;
          const value = (match.strength * idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * slot.length) / average));
          if (value > (best.get(id) ?? 0)) best.set(id, value);
        }
      }
      for (const [id, value] of best) {
        const entry = scores.get(id) ?? { bm25: 0, covered: 0 };
        entry.bm25 += value;
        entry.covered += term.weight;
        scores.set(id, entry);
      }
    }
    return [...scores]
      .map(([id, { bm25, covered }]) => [id, bm25 * (COVERAGE_FLOOR + covered / totalWeight)] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .flatMap(([id, score]) => {
        const slot = this.slots.get(id);
        return slot ? [{ chunk: slot.chunk, score }] : [];
      });
  }

  private remove(chunkId: string): void {
    const slot = this.slots.get(chunkId);
    if (!slot) return;
    for (const stem of slot.terms.keys()) {
      const posting = this.postings.get(stem);
      posting?.delete(chunkId);
      if (posting?.size === 0) this.postings.delete(stem);
    }
    for (const token of new Set(contentTokens(`${slot.chunk.text} ${slot.chunk.section ?? ""} ${slot.chunk.title}`).map((t) => t.word))) {
      const left = (this.words.get(token) ?? 1) - 1;
      if (left <= 0) this.words.delete(token);
      else this.words.set(token, left);
    }
    this.byDocument.get(slot.chunk.documentId)?.delete(chunkId);
    this.slots.delete(chunkId);
    this.totalLength -= slot.length;
    this.version++;
  }
}
