/**
 * Ingestion: chunk a document, embed the chunks in batches (each batch queued at ingestion priority so
 * chats overtake it between batches), and replace the document's chunks in the tenant's collection.
 */
import type {
  DeleteDocumentResponse,
  IngestDocumentRequest,
  IngestDocumentResponse,
} from "@coach/contracts/bridge";
import type { ChunkRecord } from "../backends/chroma";
import type { BridgeServices } from "../services";
import { parseMarkdown } from "./parsers/text";
import { chunkBlocks } from "./section-chunker";

/** Chunks embedded per queue slot. */
const EMBED_BATCH = 32;

/** Ingests (or re-ingests) one document; re-ingesting replaces its previous chunks. */
export async function ingestDocument(
  services: BridgeServices,
  request: IngestDocumentRequest,
  signal: AbortSignal,
): Promise<IngestDocumentResponse> {
  const started = performance.now();
  const { chunkTokens, overlapTokens, countTokens } = services.embedder.chunking;
  const texts =
    request.chunks ??
    chunkBlocks(parseMarkdown(request.text ?? ""), { chunkTokens, overlapTokens, countTokens }).map(
      (chunk) => chunk.text,
    );
  const records: ChunkRecord[] = [];
  for (let i = 0; i < texts.length; i += EMBED_BATCH) {
    const batch = texts.slice(i, i + EMBED_BATCH);
    const admit = { tenantId: request.tenant_id, priority: "ingestion", signal } as const;
    const embeddings = await services.queue.run(admit, (slotSignal) =>
      services.embedder.embed(batch, { purpose: "document", signal: slotSignal }),
    );
    batch.forEach((text, j) => {
      const embedding = embeddings[j];
      if (embedding)
        records.push({
          text,
          embedding,
          metadata: { document_id: request.document_id, title: request.title, chunk_index: i + j },
        });
    });
  }
  await services.knowledge.replaceDocument(request.tenant_id, request.document_id, records);
  return {
    tenant_id: request.tenant_id,
    document_id: request.document_id,
    chunks: records.length,
    model: services.embedder.model,
    took_ms: Math.round(performance.now() - started),
  };
}

/** Deletes a document's vectors. */
export async function deleteDocument(
  services: BridgeServices,
  tenantId: string,
  documentId: string,
): Promise<DeleteDocumentResponse> {
  const deleted = await services.knowledge.deleteDocument(tenantId, documentId);
  return { tenant_id: tenantId, document_id: documentId, deleted };
}
