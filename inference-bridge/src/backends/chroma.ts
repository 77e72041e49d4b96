/**
 * Vector store on Chroma (chromadb 3.x client): one cosine collection per tenant,
 * `creator_{tenantId}_knowledge`. Embeddings are always passed in explicitly and collections are opened
 * with `embeddingFunction: null`, so the client never tries to load (and download) a default model.
 */
import { ChromaClient, type Collection, type Metadata } from "chromadb";
import type { ChunkMetadata, SearchHit } from "@coach/contracts/bridge";
import { UpstreamError } from "../errors";

/** Name of a tenant's collection; the tenant id always comes from the signed request. */
export function collectionName(tenantId: string): string {
  return `creator_${tenantId}_knowledge`;
}

/** Chunk id scheme: stable per document and position, so re-ingesting overwrites in place. */
export function chunkId(documentId: string, index: number): string {
  return `${documentId}#${index}`;
}

/** Chunks read per request when a whole collection is loaded. */
const PAGE = 1000;

function toChunkMetadata(metadata: Metadata | null | undefined): ChunkMetadata {
  return {
    document_id: String(metadata?.document_id ?? ""),
    title: String(metadata?.title ?? ""),
    chunk_index: Number(metadata?.chunk_index ?? 0),
    ...(typeof metadata?.section === "string" && metadata.section ? { section: metadata.section } : {}),
    ...(typeof metadata?.page === "number" ? { page: metadata.page } : {}),
    ...(metadata?.curated === true ? { curated: true } : {}),
  };
}

export interface ChunkRecord {
  text: string;
  embedding: number[];
  metadata: ChunkMetadata;
}

/** Tenant-scoped access to Chroma. */
export class ChromaStore {
  private readonly client: ChromaClient;
  private readonly collections = new Map<string, Promise<Collection>>();

  constructor(
    url: string,
    private readonly onError?: (error: UpstreamError) => void,
  ) {
    const parsed = new URL(url);
    const ssl = parsed.protocol === "https:";
    this.client = new ChromaClient({ host: parsed.hostname, port: Number(parsed.port || (ssl ? 443 : 80)), ssl });
  }

  /** True when the server answers its heartbeat. */
  async isReachable(): Promise<boolean> {
    try {
      await this.client.heartbeat();
      return true;
    } catch {
      return false;
    }
  }

  /** Replaces all chunks of a document: deletes the old ones, then upserts the new ones. */
  async replaceDocument(tenantId: string, documentId: string, records: ChunkRecord[]): Promise<void> {
    await this.call(async () => {
      const collection = await this.collection(tenantId);
      await collection.delete({ where: { document_id: documentId } });
      if (records.length === 0) return;
      await collection.upsert({
        ids: records.map((record) => chunkId(documentId, record.metadata.chunk_index)),
        embeddings: records.map((record) => record.embedding),
        documents: records.map((record) => record.text),
        // Chroma stores no undefined values, so absent page or section are left out rather than set.
        metadatas: records.map((record) => Object.fromEntries(Object.entries(record.metadata).filter(([, value]) => value !== undefined))),
      });
    });
  }

  /** Deletes a document's chunks; returns how many there were. */
  async deleteDocument(tenantId: string, documentId: string): Promise<number> {
    return this.call(async () => {
      const collection = await this.collection(tenantId);
      const existing = await collection.get({ where: { document_id: documentId }, include: [] });
      if (existing.ids.length > 0) await collection.delete({ ids: existing.ids });
      return existing.ids.length;
    });
  }

  /** Nearest chunks to `embedding`, best first, with cosine similarity as `score`. */
  async query(tenantId: string, embedding: number[], k: number): Promise<SearchHit[]> {
    return this.call(async () => {
      const collection = await this.collection(tenantId);
      const result = await collection.query({ queryEmbeddings: [embedding], nResults: k, include: ["documents", "metadatas", "distances"] });
      const ids = result.ids[0] ?? [];
      return ids.map((id, i) => {
        const metadata = result.metadatas[0]?.[i];
        return {
          chunk_id: id,
          text: result.documents[0]?.[i] ?? "",
          // Chroma's cosine space returns distance = 1 - cosine similarity.
          score: 1 - (result.distances[0]?.[i] ?? 1),
          metadata: toChunkMetadata(metadata),
        };
      });
    });
  }

  /** Every chunk of a tenant, read in pages, for building the lexical index beside the vectors. */
  async allChunks(tenantId: string): Promise<Omit<SearchHit, "score">[]> {
    return this.call(async () => {
      const collection = await this.collection(tenantId);
      const out: Omit<SearchHit, "score">[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await collection.get({ include: ["documents", "metadatas"], limit: PAGE, offset });
        page.ids.forEach((id, i) => out.push({ chunk_id: id, text: page.documents[i] ?? "", metadata: toChunkMetadata(page.metadatas[i]) }));
        if (page.ids.length < PAGE) return out;
      }
    });
  }

  /** Number of chunks stored for a tenant. */
  async count(tenantId: string): Promise<number> {
    return this.call(async () => (await this.collection(tenantId)).count());
  }

  private collection(tenantId: string): Promise<Collection> {
    let pending = this.collections.get(tenantId);
    if (!pending) {
      pending = this.client.getOrCreateCollection({
        name: collectionName(tenantId),
        embeddingFunction: null,
        configuration: { hnsw: { space: "cosine" } },
      });
      // A failed lookup must not be cached, or the tenant would stay broken after Chroma recovers.
      pending.catch(() => this.collections.delete(tenantId));
      this.collections.set(tenantId, pending);
    }
    return pending;
  }

  private async call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const wrapped = new UpstreamError("chroma", 502, `Chroma failed: ${message}`, error);
      this.onError?.(wrapped);
      throw wrapped;
    }
  }
}
