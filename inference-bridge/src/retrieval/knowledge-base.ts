/**
 * The creator's knowledge as the bridge keeps it: vectors and chunk texts in the tenant's Chroma
 * collection, and beside them an in-memory lexical index per tenant, built from the collection the first
 * time the tenant is searched and kept in step with every store and delete. Indexes of tenants not
 * searched lately are dropped (and rebuilt on demand), so memory follows the active tenants.
 *
 * A collection filled by another embedder than the running one (a new model, or the model server gone)
 * is re-indexed from the originals (reindex.ts): new ingestions go to the tenant's next collection
 * while answers keep coming from the old one, on its lexical side, until the next one is complete.
 */
import type { ChromaStore, ChunkRecord } from "../backends/chroma";
import { chunkId } from "../backends/chroma-collections";
import type { Embedder } from "../backends/types";
import { sifVector } from "../text/sif";
import type { WordVectors } from "../text/word-vectors";
import type { Synonyms } from "../text/wordnet-synonyms";
import { hybridSearch, RANKING_DEPTH, type SearchResult } from "./hybrid-search";
import { chunkFromHit, LexicalIndex, type IndexedChunk } from "./lexical-index";
import type { Reindexer } from "./reindex";
import { TermExpander } from "./term-expansion";

/** Tenants whose lexical index stays in memory. */
const MAX_TENANTS = 32;

interface TenantIndex {
  index: LexicalIndex;
  expander: TermExpander;
  /** Whether the live collection was filled by the running embedder, so its vectors can be queried. */
  denseUsable: boolean;
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

/** What the knowledge base is built from. */
export interface KnowledgeBaseOptions {
  store: ChromaStore;
  embedder: Embedder;
  /** Word vectors and synonyms for term expansion; either may be missing (no expansion by it). */
  language: { vectors: WordVectors | null; synonyms: Synonyms | null };
  reindexer: Reindexer;
  /** Hears a dense ranking that could not be had, for logs and metrics. */
  onDenseFailure?: (error: unknown) => void;
}

/** Stores, deletes and searches a tenant's chunks. */
export class KnowledgeBase {
  // Insertion order doubles as recency: a tenant is moved to the end each time it is used.
  private readonly tenants = new Map<string, Promise<TenantIndex>>();
  readonly store: ChromaStore;

  constructor(private readonly options: KnowledgeBaseOptions) {
    this.store = options.store;
    options.reindexer.onPromoted((tenantId) => this.tenants.delete(tenantId));
  }

  /** Replaces a document's chunks: in the live collection, or in the next one while a re-index runs. */
  async replaceDocument(
    tenantId: string,
    documentId: string,
    records: ChunkRecord[],
  ): Promise<void> {
    const { store, embedder, reindexer } = this.options;
    const generation = await reindexer.generationForWrites(tenantId);
    await store.replaceDocument(tenantId, documentId, records, embedder.identity, generation);
    if (generation === "next") {
      await reindexer.documentDone(tenantId, documentId);
      return;
    }
    const loaded = this.tenants.get(tenantId);
    if (!loaded) return;
    const { index } = await loaded;
    index.removeDocument(documentId);
    for (const record of records) index.add(toIndexed(documentId, record));
  }

  /** An ingestion that could not complete; a re-index stops waiting for the document. */
  async ingestFailed(tenantId: string, documentId: string): Promise<void> {
    await this.options.reindexer.documentDone(tenantId, documentId);
  }

  /** Deletes a document's chunks everywhere; returns how many the live collection had. */
  async deleteDocument(tenantId: string, documentId: string): Promise<number> {
    const deleted = await this.options.store.deleteDocument(tenantId, documentId);
    await this.options.reindexer.documentDeleted(tenantId, documentId);
    const loaded = this.tenants.get(tenantId);
    if (loaded) (await loaded).index.removeDocument(documentId);
    return deleted;
  }

  /** Gives a document's chunks a new title; returns how many chunks the live collection has. */
  async renameDocument(tenantId: string, documentId: string, title: string): Promise<number> {
    const renamed = await this.options.store.renameDocument(tenantId, documentId, title);
    const loaded = this.tenants.get(tenantId);
    if (loaded) {
      const { index } = await loaded;
      for (const chunk of index.chunksOf(documentId)) index.add({ ...chunk, title });
    }
    return renamed;
  }

  /** Searches a tenant's material for a question. */
  async search(tenantId: string, text: string, signal?: AbortSignal): Promise<SearchResult> {
    const tenant = await this.tenant(tenantId);
    const denseHits = tenant.denseUsable ? await this.dense(tenantId, text, signal) : null;
    const { vectors } = this.options.language;
    return hybridSearch(text, {
      ...tenant,
      vectors,
      denseHits,
      ...(vectors ? { sentenceVector: (t: string) => sifVector(vectors, t) } : {}),
    });
  }

  /**
   * The dense ranking; null when it cannot be had (the model server is down), so the lexical side
   * answers alone. An abort still throws.
   */
  private async dense(tenantId: string, text: string, signal?: AbortSignal) {
    try {
      const [embedding] = await this.options.embedder.embed([text], {
        purpose: "query",
        ...(signal ? { signal } : {}),
      });
      if (!embedding || embedding.every((v) => v === 0)) return null;
      return await this.options.store.query(tenantId, embedding, RANKING_DEPTH);
    } catch (error) {
      if (signal?.aborted) throw error;
      this.options.onDenseFailure?.(error);
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
    const { store, reindexer } = this.options;
    const { vectors, synonyms } = this.options.language;
    const [chunks, denseUsable] = await Promise.all([
      store.allChunks(tenantId),
      reindexer.liveMatches(tenantId),
    ]);
    const index = new LexicalIndex();
    for (const hit of chunks) index.add(chunkFromHit(hit));
    return { index, expander: new TermExpander(index, vectors, synonyms), denseUsable };
  }
}
