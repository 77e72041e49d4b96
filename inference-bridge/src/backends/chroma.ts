/**
 * Vector store on Chroma (chromadb 3.x client): one cosine collection per tenant,
 * `creator_{tenantId}_knowledge`, whose metadata records the embedder that filled it (name, version,
 * dimensions). While a tenant's material is re-indexed for another embedder, the new vectors go to a
 * second collection, `creator_{tenantId}_knowledge_next`, which replaces the first once complete.
 * Embeddings are always passed in explicitly and collections are opened with `embeddingFunction: null`,
 * so the client never tries to load (and download) a default model.
 */
import { ChromaClient, type Collection } from "chromadb";
import type { ChunkMetadata, SearchHit } from "@coach/contracts/bridge";
import { UpstreamError } from "../errors";
import {
  chunkId,
  collectionName,
  identityOf,
  tenantOfCollection,
  toChunkMetadata,
  type Generation,
} from "./chroma-collections";
import type { EmbedderIdentity } from "./types";

export interface ChunkRecord {
  text: string;
  embedding: number[];
  metadata: ChunkMetadata;
}

/** Chunks read per request when a whole collection is loaded. */
const PAGE = 1000;

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
    this.client = new ChromaClient({
      host: parsed.hostname,
      port: Number(parsed.port || (ssl ? 443 : 80)),
      ssl,
    });
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

  /** The embedder recorded on a tenant's collection; undefined when the collection does not exist. */
  async identity(
    tenantId: string,
    generation: Generation = "live",
  ): Promise<EmbedderIdentity | null | undefined> {
    return this.call(async () => {
      try {
        return identityOf(
          await this.client.getCollection({ name: collectionName(tenantId, generation) }),
        );
      } catch (error) {
        if (
          error instanceof Error &&
          /not.?found|does not exist/i.test(`${error.name} ${error.message}`)
        )
          return undefined;
        throw error;
      }
    });
  }

  /** Tenants that have a collection, with the embedder recorded on it. */
  async tenants(): Promise<
    { tenantId: string; generation: Generation; identity: EmbedderIdentity | null }[]
  > {
    return this.call(async () => {
      const out: { tenantId: string; generation: Generation; identity: EmbedderIdentity | null }[] =
        [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await this.client.listCollections({ limit: PAGE, offset });
        for (const collection of page) {
          const owner = tenantOfCollection(collection.name);
          if (owner) out.push({ ...owner, identity: identityOf(collection) });
        }
        if (page.length < PAGE) return out;
      }
    });
  }

  /** Replaces all chunks of a document: deletes the old ones, then upserts the new ones. */
  async replaceDocument(
    tenantId: string,
    documentId: string,
    records: ChunkRecord[],
    identity: EmbedderIdentity,
    generation: Generation = "live",
  ): Promise<void> {
    await this.call(async () => {
      const collection = await this.collection(tenantId, generation, identity);
      await collection.delete({ where: { document_id: documentId } });
      if (records.length === 0) return;
      await collection.upsert({
        ids: records.map((record) => chunkId(documentId, record.metadata.chunk_index)),
        embeddings: records.map((record) => record.embedding),
        documents: records.map((record) => record.text),
        // Chroma stores no undefined values, so absent page or section are left out rather than set.
        metadatas: records.map((record) =>
          Object.fromEntries(
            Object.entries(record.metadata).filter(([, value]) => value !== undefined),
          ),
        ),
      });
    });
  }

  /** Deletes a document's chunks from both collections; returns how many there were. */
  async deleteDocument(tenantId: string, documentId: string): Promise<number> {
    return this.call(async () => {
      let deleted = 0;
      for (const generation of ["live", "next"] as const) {
        const collection = await this.existing(tenantId, generation);
        if (!collection) continue;
        const existing = await collection.get({ where: { document_id: documentId }, include: [] });
        if (existing.ids.length > 0) await collection.delete({ ids: existing.ids });
        if (generation === "live") deleted = existing.ids.length;
      }
      return deleted;
    });
  }

  /** Gives a document's chunks a new title, in both collections. */
  async renameDocument(tenantId: string, documentId: string, title: string): Promise<number> {
    return this.call(async () => {
      let renamed = 0;
      for (const generation of ["live", "next"] as const) {
        const collection = await this.existing(tenantId, generation);
        if (!collection) continue;
        const existing = await collection.get({
          where: { document_id: documentId },
          include: ["metadatas"],
        });
        if (existing.ids.length === 0) continue;
        await collection.update({
          ids: existing.ids,
          metadatas: existing.metadatas.map((m) => ({ ...(m ?? {}), title })),
        });
        if (generation === "live") renamed = existing.ids.length;
      }
      return renamed;
    });
  }

  /** Nearest chunks to `embedding` in the live collection, best first, with cosine similarity as `score`. */
  async query(tenantId: string, embedding: number[], k: number): Promise<SearchHit[]> {
    return this.call(async () => {
      const collection = await this.existing(tenantId, "live");
      if (!collection) return [];
      const result = await collection.query({
        queryEmbeddings: [embedding],
        nResults: k,
        include: ["documents", "metadatas", "distances"],
      });
      const ids = result.ids[0] ?? [];
      return ids.map((id, i) => ({
        chunk_id: id,
        text: result.documents[0]?.[i] ?? "",
        // Chroma's cosine space returns distance = 1 - cosine similarity.
        score: 1 - (result.distances[0]?.[i] ?? 1),
        metadata: toChunkMetadata(result.metadatas[0]?.[i]),
      }));
    });
  }

  /** Every chunk of a tenant's live collection, read in pages, for the lexical index beside the vectors. */
  async allChunks(tenantId: string): Promise<Omit<SearchHit, "score">[]> {
    return this.call(async () => {
      const collection = await this.existing(tenantId, "live");
      if (!collection) return [];
      const out: Omit<SearchHit, "score">[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await collection.get({
          include: ["documents", "metadatas"],
          limit: PAGE,
          offset,
        });
        page.ids.forEach((id, i) =>
          out.push({
            chunk_id: id,
            text: page.documents[i] ?? "",
            metadata: toChunkMetadata(page.metadatas[i]),
          }),
        );
        if (page.ids.length < PAGE) return out;
      }
    });
  }

  /** Number of chunks in a tenant's live collection. */
  async count(tenantId: string): Promise<number> {
    return this.call(async () => (await this.existing(tenantId, "live"))?.count() ?? 0);
  }

  /**
   * Replaces the live collection by the completed next one (the re-index is done); without a next one
   * (nothing could be stored) the tenant is left with no collection, which the next upload creates.
   */
  async promoteNext(tenantId: string): Promise<void> {
    await this.call(async () => {
      const next = await this.existing(tenantId, "next");
      if (await this.existing(tenantId, "live"))
        await this.client.deleteCollection({ name: collectionName(tenantId, "live") });
      if (next) await next.modify({ name: collectionName(tenantId, "live") });
      this.collections.delete(collectionName(tenantId, "live"));
      this.collections.delete(collectionName(tenantId, "next"));
    });
  }

  /** Drops a tenant's next collection (a re-index abandoned or restarted). */
  async dropNext(tenantId: string): Promise<void> {
    await this.call(async () => {
      if (await this.existing(tenantId, "next"))
        await this.client.deleteCollection({ name: collectionName(tenantId, "next") });
      this.collections.delete(collectionName(tenantId, "next"));
    });
  }

  private existing(tenantId: string, generation: Generation): Promise<Collection | null> {
    const name = collectionName(tenantId, generation);
    const cached = this.collections.get(name);
    if (cached) return cached;
    return this.client.getCollection({ name }).then(
      (collection) => {
        this.collections.set(name, Promise.resolve(collection));
        return collection;
      },
      () => null,
    );
  }

  private collection(
    tenantId: string,
    generation: Generation,
    identity: EmbedderIdentity,
  ): Promise<Collection> {
    const name = collectionName(tenantId, generation);
    let pending = this.collections.get(name);
    if (!pending) {
      pending = this.client.getOrCreateCollection({
        name,
        embeddingFunction: null,
        configuration: { hnsw: { space: "cosine" } },
        metadata: {
          embedder_name: identity.name,
          embedder_version: identity.version,
          embedder_dimensions: identity.dimensions,
        },
      });
      // A failed lookup must not be cached, or the tenant would stay broken after Chroma recovers.
      pending.catch(() => this.collections.delete(name));
      this.collections.set(name, pending);
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
