/**
 * How a tenant's knowledge is laid out in Chroma: the names of its two collections (live, and next
 * while a re-index fills it), the id of each chunk, and what is read back from metadata (a chunk's
 * fields, the embedder a collection was filled by). Kept apart from the store in chroma.ts, which
 * talks to the server, so the layout can be read in one place and reused without a client.
 */
import type { Collection, Metadata } from "chromadb";
import type { ChunkMetadata } from "@coach/contracts/bridge";
import type { EmbedderIdentity } from "./types";

/** Which of a tenant's two collections: the one answers come from, or the one being filled. */
export type Generation = "live" | "next";

/** Name of a tenant's collection; the tenant id always comes from the signed request. */
export function collectionName(tenantId: string, generation: Generation = "live"): string {
  return generation === "live"
    ? `creator_${tenantId}_knowledge`
    : `creator_${tenantId}_knowledge_next`;
}

/** The tenant a collection name belongs to, if it is one of ours. */
export function tenantOfCollection(
  name: string,
): { tenantId: string; generation: Generation } | null {
  const match = /^creator_(.+?)_knowledge(_next)?$/.exec(name);
  return match?.[1] ? { tenantId: match[1], generation: match[2] ? "next" : "live" } : null;
}

/** Chunk id scheme: stable per document and position, so re-ingesting overwrites in place. */
export function chunkId(documentId: string, index: number): string {
  return `${documentId}#${index}`;
}

export function toChunkMetadata(metadata: Metadata | null | undefined): ChunkMetadata {
  return {
    document_id: String(metadata?.document_id ?? ""),
    title: String(metadata?.title ?? ""),
    chunk_index: Number(metadata?.chunk_index ?? 0),
    ...(typeof metadata?.section === "string" && metadata.section
      ? { section: metadata.section }
      : {}),
    ...(typeof metadata?.page === "number" ? { page: metadata.page } : {}),
    ...(metadata?.curated === true ? { curated: true } : {}),
  };
}

/** The embedder a collection's metadata names; null for a collection from before identities were kept. */
export function identityOf(collection: Collection): EmbedderIdentity | null {
  const m = collection.metadata;
  if (
    typeof m?.embedder_name !== "string" ||
    typeof m.embedder_version !== "string" ||
    typeof m.embedder_dimensions !== "number"
  )
    return null;
  return { name: m.embedder_name, version: m.embedder_version, dimensions: m.embedder_dimensions };
}
