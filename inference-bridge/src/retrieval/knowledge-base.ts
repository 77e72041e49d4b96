/**
 * The creator's knowledge as the bridge keeps it: vectors and chunk texts in the tenant's Chroma
 * collection, and beside them an in-memory lexical index per tenant, built from the collection the first
 * time the tenant is searched and kept in step with every store and delete. Indexes of tenants not
 * searched lately are dropped (and rebuilt on demand), so memory follows the active tenants.
 */
import type { ChromaStore, ChunkRecord } from "../backends/chroma";
import { chunkId } from "../backends/chroma";
import type { Embedder } from "../backends/types";
import { sifVector } from "../text/sif";
import type { WordVectors } from "../text/word-vectors";
import type { Synonyms } from "../text/wordnet-synonyms";
import { hybridSearch, RANKING_DEPTH, type SearchResult } from "./hybrid-search";
import { LexicalIndex, type IndexedChunk } from "./lexical-index";
import { TermExpander } from "./term-expansion";

/** Tenants whose lexical index stays in memory. */
const MAX_TENANTS = 32;

interface TenantIndex {
  index: LexicalIndex;
  expander: TermExpander;
}

function toIndexed(documentId: string, record: ChunkRecord): IndexedChunk {
  const m = record.metadata;
  return {
    chunkId: chunkId(documentId, m.chunk_index),
    documentId,
    title: m.title,
    text: record.text,
    ...(m.section ? { section: m.section } : {}),
    ...(m.page !== undefined ? { page: m.page } : {}),
    ...(m.curated ? { curated: true } : {}),
  };
}

/** Stores, deletes and searches a tenant's chunks. */
export class KnowledgeBase {
  // Insertion order doubles as recency: a tenant is moved to the end each time it is used.
  private readonly tenants = new Map<string, Promise<TenantIndex>>();

  constructor(
    readonly store: ChromaStore,
    private readonly embedder: Embedder,
    private readonly vectors: WordVectors | null,
    private readonly synonyms: Synonyms | null,
    private readonly onDenseFailure?: (error: unknown) => void,
  ) {}

  /** Replaces a document's chunks in Chroma and in the lexical index. */
  async replaceDocument(tenantId: string, documentId: string, records: ChunkRecord[]): Promise<void> {
    await this.store.replaceDocument(tenantId, documentId, records);
    const loaded = this.tenants.get(tenantId);
    if (!loaded) return;
    const { index } = await loaded;
    index.removeDocument(documentId);
    for (const record of records) index.add(toIndexed(documentId, record));
  }

  /** Deletes a document's chunks; returns how many there were. */
  async deleteDocument(tenantId: string, documentId: string): Promise<number> {
    const deleted = await this.store.deleteDocument(tenantId, documentId);
    const loaded = this.tenants.get(tenantId);
    if (loaded) (await loaded).index.removeDocument(documentId);
    return deleted;
  }

  /** Searches a tenant's material for a question. */
  async search(tenantId: string, text: string, signal?: AbortSignal): Promise<SearchResult> {
    const [tenant, denseHits] = await Promise.all([this.tenant(tenantId), this.dense(tenantId, text, signal)]);
    const vectors = this.vectors;
    return hybridSearch(text, { ...tenant, vectors, denseHits, ...(vectors ? { sentenceVector: (t: string) => sifVector(vectors, t) } : {}) });
  }

  /**
   * The dense ranking; null when it cannot be had (the model server is down, or the collection was filled
   * by another embedder and is being re-indexed), so the lexical side answers alone. An abort still throws.
   */
  private async dense(tenantId: string, text: string, signal?: AbortSignal) {
    try {
      const [embedding] = await this.embedder.embed([text], { purpose: "query", ...(signal ? { signal } : {}) });
      if (!embedding || embedding.every((v) => v === 0)) return null;
      return await this.store.query(tenantId, embedding, RANKING_DEPTH);
    } catch (error) {
      if (signal?.aborted) throw error;
      this.onDenseFailure?.(error);
      return null;
    }
  }

  private tenant(tenantId: string): Promise<TenantIndex> {
    let pending = this.tenants.get(tenantId);
    if (pending) {
      this.tenants.delete(tenantId);
    } else {
      pending = this.load(tenantId);
      // A failed load must not stay cached, or the tenant would stay unsearchable after Chroma recovers.
      pending.catch(() => this.tenants.delete(tenantId));
    }
    this.tenants.set(tenantId, pending);
    while (this.tenants.size > MAX_TENANTS) {
      const oldest = this.tenants.keys().next().value;
      if (oldest === undefined) break;
      this.tenants.delete(oldest);
    }
    return pending;
  }

  private async load(tenantId: string): Promise<TenantIndex> {
    const index = new LexicalIndex();
    for (const hit of await this.store.allChunks(tenantId)) {
      index.add({
        chunkId: hit.chunk_id,
        documentId: hit.metadata.document_id,
        title: hit.metadata.title,
        text: hit.text,
        ...(hit.metadata.section ? { section: hit.metadata.section } : {}),
        ...(hit.metadata.page !== undefined ? { page: hit.metadata.page } : {}),
        ...(hit.metadata.curated ? { curated: true } : {}),
      });
    }
    return { index, expander: new TermExpander(index, this.vectors, this.synonyms) };
  }
}
