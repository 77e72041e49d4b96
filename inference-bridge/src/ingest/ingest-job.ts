/**
 * The background half of an upload: embed the chunks in batches (each batch queued at ingestion
 * priority, so chats overtake it), replace the document's chunks in the tenant's collection, and report
 * processing → ready | failed to the edge as it goes.
 */
import type { IngestStatusCallback } from "@coach/contracts/knowledge";
import type { ChunkRecord } from "../backends/chroma";
import { AppError } from "../errors";
import type { BridgeServices } from "../services";
import { chunkRecord, embeddingText } from "./chunk-record";
import type { SectionChunk } from "./section-chunker";

/** Chunks embedded per queue slot. */
const EMBED_BATCH = 32;
/** Least time between two progress callbacks. */
const PROGRESS_EVERY_MS = 1000;

/** One accepted ingestion. */
export interface IngestJob {
  tenantId: string;
  documentId: string;
  title: string;
  attempt: number;
  chunks: SectionChunk[];
  pageCount: number | null;
  /** A creator's correction: its chunks are answered verbatim (rag/curated.ts). */
  curated: boolean;
  /** The edge's id for this bridge, echoed in every callback so the edge checks it with our secret. */
  bridgeId?: string;
}

/** Runs the job to its end; the outcome travels as callbacks, so this never throws. */
export async function runIngestJob(services: BridgeServices, job: IngestJob): Promise<void> {
  let seq = 0;
  const report = (status: Pick<IngestStatusCallback, "status"> & Partial<IngestStatusCallback>) =>
    services.callbacks.send({
      tenant_id: job.tenantId,
      document_id: job.documentId,
      attempt: job.attempt,
      seq: ++seq,
      reason: null,
      code: null,
      chunk_count: 0,
      page_count: job.pageCount,
      progress: 0,
      ...(job.bridgeId ? { bridge_id: job.bridgeId } : {}),
      ...status,
    });
  const log = services.logger.child({
    tenant_id: job.tenantId,
    document_id: job.documentId,
    attempt: job.attempt,
  });
  try {
    await report({ status: "processing" });
    const records: ChunkRecord[] = [];
    let lastReport = Date.now();
    for (let i = 0; i < job.chunks.length; i += EMBED_BATCH) {
      const batch = job.chunks.slice(i, i + EMBED_BATCH);
      const admit = {
        tenantId: job.tenantId,
        priority: "ingestion",
        signal: AbortSignal.timeout(600_000),
      } as const;
      const texts = batch.map((chunk) => embeddingText(chunk, job.curated));
      const embeddings = await services.queue.run(admit, (signal) =>
        services.embedder.embed(texts, { purpose: "document", signal }),
      );
      batch.forEach((chunk, j) => {
        const embedding = embeddings[j];
        if (!embedding) return;
        records.push(chunkRecord(chunk, i + j, embedding, job));
      });
      if (Date.now() - lastReport >= PROGRESS_EVERY_MS) {
        lastReport = Date.now();
        await report({
          status: "processing",
          progress: Math.min(0.99, records.length / job.chunks.length),
        });
      }
    }
    await services.knowledge.replaceDocument(job.tenantId, job.documentId, records);
    // Before `ready`, so the edge's copy is complete once the document reads as ready.
    await services.callbacks.sendPassages(job, records);
    log.info("document ingested", { chunks: records.length });
    await report({ status: "ready", chunk_count: records.length, progress: 1 });
  } catch (error) {
    const known = error instanceof AppError;
    log.warn("ingestion failed", { code: known ? error.code : "internal_error" });
    await services.knowledge.ingestFailed(job.tenantId, job.documentId);
    await report({
      status: "failed",
      code: known ? error.code : "internal_error",
      reason:
        known && error.status < 500
          ? error.message
          : "The coach's server could not store the document; re-index it to try again.",
    });
  }
}
