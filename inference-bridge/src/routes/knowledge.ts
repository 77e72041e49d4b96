/**
 * Knowledge routes: embeddings, search, and document ingestion/deletion. The tenant comes only from the
 * signed request (body or path), never from anything stored.
 */
import {
  DocumentIdSchema,
  EmbedRequestSchema,
  IngestDocumentRequestSchema,
  SearchRequestSchema,
  TenantIdSchema,
  type DeleteDocumentResponse,
  type EmbedResponse,
  RenameDocumentRequestSchema,
  type IngestDocumentResponse,
  type SearchHit,
  type SearchResponse,
} from "@coach/contracts/bridge";
import { Hono } from "hono";
import { AppError } from "../errors";
import type { AppEnv } from "../http/app-env";
import { parseBody } from "../http/parse-body";
import { deleteDocument, ingestDocument } from "../ingest/ingest-service";
import type { BridgeServices } from "../services";

/** Tenant key for embedding calls that name no tenant; they share one fair-queueing lane. */
const ANONYMOUS_TENANT = "_anonymous";

/** Sub-app with /v1/embed, /v1/search and /v1/documents. */
export function knowledgeRoutes(services: BridgeServices): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .post("/v1/embed", async (c) => {
      const request = await parseBody(c, EmbedRequestSchema);
      const embeddings = await services.queue.run(
        {
          tenantId: request.tenant_id ?? ANONYMOUS_TENANT,
          priority: "search",
          signal: c.req.raw.signal,
        },
        (signal) => services.embedder.embed(request.texts, { purpose: "document", signal }),
      );
      return c.json({
        model: services.embedder.model,
        dimensions: embeddings[0]?.length ?? 0,
        embeddings,
      } satisfies EmbedResponse);
    })
    .post("/v1/search", async (c) => {
      const request = await parseBody(c, SearchRequestSchema);
      const result = await services.queue.run(
        { tenantId: request.tenant_id, priority: "search", signal: c.req.raw.signal },
        (signal) => services.knowledge.search(request.tenant_id, request.query, signal),
      );
      const bestLexical = Math.max(0, ...result.chunks.map((entry) => entry.lexical ?? 0)) || 1;
      // Best first by the fused ranking; the score is the vector similarity where known, else the lexical share.
      const hits: SearchHit[] = result.chunks
        .map(({ chunk, dense, lexical }) => ({
          chunk_id: chunk.chunkId,
          text: chunk.text,
          score: dense ?? (lexical ?? 0) / bestLexical,
          metadata: {
            document_id: chunk.documentId,
            title: chunk.title,
            chunk_index: Number(chunk.chunkId.split("#").pop() ?? 0),
            ...(chunk.section ? { section: chunk.section } : {}),
            ...(chunk.page !== undefined ? { page: chunk.page } : {}),
            ...(chunk.curated ? { curated: true } : {}),
          },
        }))
        .filter((hit) => request.min_score === undefined || hit.score >= request.min_score)
        .slice(0, request.k);
      return c.json({ model: services.embedder.model, hits } satisfies SearchResponse);
    })
    .post("/v1/documents", async (c) => {
      const request = await parseBody(c, IngestDocumentRequestSchema);
      const result = await ingestDocument(services, request, c.req.raw.signal);
      c.get("log").info("document ingested", {
        tenant_id: result.tenant_id,
        document_id: result.document_id,
        chunks: result.chunks,
      });
      return c.json(result satisfies IngestDocumentResponse);
    })
    .patch("/v1/documents/:document_id", async (c) => {
      const document = DocumentIdSchema.safeParse(c.req.param("document_id"));
      if (!document.success)
        throw new AppError(400, "invalid_request", "document_id is malformed.");
      const request = await parseBody(c, RenameDocumentRequestSchema);
      const chunks = await services.knowledge.renameDocument(
        request.tenant_id,
        document.data,
        request.title,
      );
      return c.json({
        tenant_id: request.tenant_id,
        document_id: document.data,
        title: request.title,
        chunks,
      });
    })
    .delete("/v1/documents/:tenant_id/:document_id", async (c) => {
      const tenant = TenantIdSchema.safeParse(c.req.param("tenant_id"));
      const document = DocumentIdSchema.safeParse(c.req.param("document_id"));
      if (!tenant.success || !document.success)
        throw new AppError(400, "invalid_request", "tenant_id or document_id is malformed.");
      const result = await deleteDocument(services, tenant.data, document.data);
      return c.json(result satisfies DeleteDocumentResponse);
    });
}
