/**
 * How a chunk is embedded and stored, shared by the ingestion job and the evaluation so both index the
 * material the same way.
 */
import type { ChunkRecord } from "../backends/chroma";
import type { SectionChunk } from "./section-chunker";

/**
 * The text embedded for a chunk: its heading path and text, since the heading names its topic; for a
 * creator's correction, its question alone, so the same question asked again finds it first.
 */
export function embeddingText(chunk: SectionChunk, curated: boolean): string {
  if (curated && chunk.section) return chunk.section;
  return chunk.section ? `${chunk.section}\n${chunk.text}` : chunk.text;
}

/** The record stored for chunk number `index` of a document. */
export function chunkRecord(
  chunk: SectionChunk,
  index: number,
  embedding: number[],
  document: { documentId: string; title: string; curated: boolean },
): ChunkRecord {
  return {
    text: chunk.text,
    embedding,
    metadata: {
      document_id: document.documentId,
      title: document.title,
      chunk_index: index,
      ...(chunk.section ? { section: chunk.section } : {}),
      ...(chunk.page !== null ? { page: chunk.page } : {}),
      ...(document.curated ? { curated: true } : {}),
    },
  };
}
