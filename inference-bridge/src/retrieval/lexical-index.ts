/**
 * A tenant's lexical index: Okapi BM25 over stemmed words with the collection's own statistics (term
 * and document frequencies, average chunk length), kept in memory beside the tenant's Chroma collection
 * and updated as documents are stored and deleted. A chunk's heading path and its document's title are
 * indexed with it at a lower weight, since "How long is the Nudge stage?" often names a heading.
 */
import type { SearchHit } from "@coach/contracts/bridge";
import { contentTokens } from "../text/tokens";

/** A chunk as the index holds it, from a hit of the vector store. */
export function chunkFromHit(hit: Omit<SearchHit, "score">): IndexedChunk {
  return {
    chunkId: hit.chunk_id,
    documentId: hit.metadata.document_id,
    title: hit.metadata.title,
    text: hit.text,
    ...(hit.metadata.section ? { section: hit.metadata.section } : {}),
    ...(hit.metadata.page !== undefined ? { page: hit.metadata.page } : {}),
    ...(hit.metadata.curated ? { curated: true } : {}),
  };
}

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
const FIELD_WEIGHT = 0.5;
/** Part of a chunk's BM25 score kept however little of the question it covers. */
const COVERAGE_FLOOR = 0.5;
/** Packed postings kept at most. */
const MAX_PACKED = 4096;

interface Slot {
  chunk: IndexedChunk;
  length: number;
  terms: Map<string, number>;
}

/** A stem's posting as parallel arrays: iterating them is what a search costs at 100k chunks. */
interface PackedPosting {
  slots: Int32Array;
  frequencies: Float64Array;
}

function pack(posting: Map<number, number>): PackedPosting {
  const packed = {
    slots: new Int32Array(posting.size),
    frequencies: new Float64Array(posting.size),
  };
  let i = 0;
  for (const [slot, tf] of posting) {
    packed.slots[i] = slot;
    packed.frequencies[i++] = tf;
  }
  return packed;
}

/** The `k` best `[slot, score]` pairs of positive scores, best first, without sorting them all. */
function topScores(scores: Float64Array, k: number): [number, number][] {
  const top: [number, number][] = [];
  for (let slot = 0; slot < scores.length; slot++) {
    const score = scores[slot] ?? 0;
    if (score <= 0 || (top.length === k && score <= (top[k - 1]?.[1] ?? 0))) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1]?.[1] ?? 0) < score) at--;
    top.splice(at, 0, [slot, score]);
    if (top.length > k) top.pop();
  }
  return top;
}

/** One BM25 hit. */
export interface LexicalHit {
  chunk: IndexedChunk;
  score: number;
}

/** The index of one tenant's chunks. Chunks live in numbered slots, so scoring runs over plain arrays. */
export class LexicalIndex {
  private readonly slots: (Slot | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private readonly byDocument = new Map<string, Set<string>>();
  /** Stem → slot → term frequency. */
  private readonly postings = new Map<string, Map<number, number>>();
  /** Packed copies of postings read since they last changed. */
  private readonly packed = new Map<string, PackedPosting>();
  /** Surface words of the collection with how many chunks use them, for expansions and typo repair. */
  private readonly words = new Map<string, number>();
  private totalLength = 0;
  /** Bumped on every change, so caches derived from the vocabulary know when to refresh. */
  version = 0;

  get size(): number {
    return this.slotOf.size;
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
    const slot = this.freeSlots.pop() ?? this.slots.length;
    for (const [stem, tf] of terms) {
      let posting = this.postings.get(stem);
      if (!posting) this.postings.set(stem, (posting = new Map()));
      posting.set(slot, tf);
      this.packed.delete(stem);
    }
    for (const word of seenWords) this.words.set(word, (this.words.get(word) ?? 0) + 1);
    this.slots[slot] = { chunk, length, terms };
    this.slotOf.set(chunk.chunkId, slot);
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
    const slot = this.slotOf.get(chunkId);
    return slot === undefined ? undefined : this.slots[slot]?.chunk;
  }

  /** The chunks of a document. */
  chunksOf(documentId: string): IndexedChunk[] {
    return [...(this.byDocument.get(documentId) ?? [])].flatMap((id) => {
      const chunk = this.chunk(id);
      return chunk ? [chunk] : [];
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
  search(
    terms: readonly { weight: number; matches: readonly { stem: string; strength: number }[] }[],
    k: number,
  ): LexicalHit[] {
    const n = this.slotOf.size;
    if (n === 0) return [];
    const average = this.totalLength / n || 1;
    const totalWeight = terms.reduce((sum, t) => sum + t.weight, 0) || 1;
    const size = this.slots.length;
    // BM25's length normalisation of every slot, once per search rather than once per posting.
    const norms = new Float64Array(size);
    for (let slot = 0; slot < size; slot++)
      norms[slot] = K1 * (1 - B + (B * (this.slots[slot]?.length ?? average)) / average);
    const bm25 = new Float64Array(size);
    const covered = new Float64Array(size);
    const best = new Float64Array(size);
    const touched: number[] = [];
    for (const term of terms) {
      for (const match of term.matches) {
        const posting = this.packedPosting(match.stem);
        if (!posting) continue;
        const { slots, frequencies } = posting;
        const idf = Math.log(1 + (n - slots.length + 0.5) / (slots.length + 0.5));
        const factor = match.strength * idf * (K1 + 1);
        for (let i = 0; i < slots.length; i++) {
          const slot = slots[i] ?? 0;
          const tf = frequencies[i] ?? 0;
          const value = (factor * tf) / (tf + (norms[slot] ?? K1));
          if (value > (best[slot] ?? 0)) {
            if (best[slot] === 0) touched.push(slot);
            best[slot] = value;
          }
        }
      }
      for (const slot of touched) {
        bm25[slot] = (bm25[slot] ?? 0) + (best[slot] ?? 0);
        covered[slot] = (covered[slot] ?? 0) + term.weight;
        best[slot] = 0;
      }
      touched.length = 0;
    }
    for (let slot = 0; slot < size; slot++)
      bm25[slot] = (bm25[slot] ?? 0) * (COVERAGE_FLOOR + (covered[slot] ?? 0) / totalWeight);
    return topScores(bm25, k).flatMap(([slot, score]) => {
      const chunk = this.slots[slot]?.chunk;
      return chunk ? [{ chunk, score }] : [];
    });
  }

  private packedPosting(stem: string): PackedPosting | undefined {
    let packed = this.packed.get(stem);
    if (!packed) {
      const posting = this.postings.get(stem);
      if (!posting) return undefined;
      packed = pack(posting);
      // Bounded: the stems questions use are a small part of a large collection's vocabulary.
      if (this.packed.size >= MAX_PACKED) this.packed.clear();
      this.packed.set(stem, packed);
    }
    return packed;
  }

  private remove(chunkId: string): void {
    const slot = this.slotOf.get(chunkId);
    const entry = slot === undefined ? undefined : this.slots[slot];
    if (slot === undefined || !entry) return;
    for (const stem of entry.terms.keys()) {
      const posting = this.postings.get(stem);
      posting?.delete(slot);
      if (posting?.size === 0) this.postings.delete(stem);
      this.packed.delete(stem);
    }
    for (const token of new Set(
      contentTokens(`${entry.chunk.text} ${entry.chunk.section ?? ""} ${entry.chunk.title}`).map(
        (t) => t.word,
      ),
    )) {
      const left = (this.words.get(token) ?? 1) - 1;
      if (left <= 0) this.words.delete(token);
      else this.words.set(token, left);
    }
    this.byDocument.get(entry.chunk.documentId)?.delete(chunkId);
    this.slots[slot] = undefined;
    this.slotOf.delete(chunkId);
    this.freeSlots.push(slot);
    this.totalLength -= entry.length;
    this.version++;
  }
}
