/**
 * `POST /v1/ingest/:tenant_id/:document_id?kind=&title=&attempt=[&bridge_id=]`: the original file as the raw
 * body.
 * The file is checked and parsed while the caller waits (a hostile or unreadable file is refused with a
 * 4xx at once); chunking is immediate, and embedding and storing run in the background, reported to the
 * edge through signed status callbacks.
 */
import {
  IngestParamsSchema,
  IngestQuerySchema,
  MAX_DOCUMENT_BYTES,
  type IngestAccepted,
} from "@coach/contracts/knowledge";
import { Hono } from "hono";
import { AppError } from "../errors";
import type { AppEnv } from "../http/app-env";
import { runIngestJob } from "../ingest/ingest-job";
import { chunkBlocks } from "../ingest/section-chunker";
import type { BridgeServices } from "../services";

/** Sub-app with the ingest route. */
export function ingestRoutes(services: BridgeServices): Hono<AppEnv> {
  return new Hono<AppEnv>().post("/v1/ingest/:tenant_id/:document_id", async (c) => {
    const params = IngestParamsSchema.safeParse(c.req.param());
    const query = IngestQuerySchema.safeParse(c.req.query());
    if (!params.success || !query.success)
      throw new AppError(
        400,
        "invalid_request",
        "tenant_id, document_id, kind, title or attempt is missing or malformed.",
      );
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) throw new AppError(400, "empty_file", "The file is empty.");
    if (bytes.length > MAX_DOCUMENT_BYTES)
      throw new AppError(
        413,
        "file_too_large",
        `Files may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`,
      );
    const parsed = await services.parser
      .parse(query.data.kind, bytes)
      .catch(async (error: unknown) => {
        // A refused file still counts as handled for a re-index waiting on every document.
        await services.knowledge.ingestFailed(params.data.tenant_id, params.data.document_id);
        throw error;
      });
    const { chunkTokens, overlapTokens, countTokens } = services.embedder.chunking;
    const chunks = chunkBlocks(parsed.blocks, { chunkTokens, overlapTokens, countTokens });
    const job = {
      tenantId: params.data.tenant_id,
      documentId: params.data.document_id,
      title: query.data.title,
      attempt: query.data.attempt,
      chunks,
      pageCount: parsed.pageCount,
      curated: query.data.kind === "correction",
      ...(query.data.bridge_id ? { bridgeId: query.data.bridge_id } : {}),
    };
    void runIngestJob(services, job);
    return c.json(
      {
        tenant_id: job.tenantId,
        document_id: job.documentId,
        attempt: job.attempt,
        status: "accepted",
      } satisfies IngestAccepted,
      202,
    );
  });
}
