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
  type IngestDocumentResponse,
  type SearchResponse,
} from "@coach/contracts/bridge";
import { Hono } from "hono";
import { AppError } from "../errors";
import type { AppEnv } from "../http/app-env";
import { parseBody } from "../http/parse-body";
import { deleteDocument, ingestDocument } from "../ingest/ingest-service";
import { retrieve } from "../rag/retrieve";
import type { BridgeServices } from "../services";

/** Tenant key for embedding calls that name no tenant; they share one fair-queueing lane. */
const ANONYMOUS_TENANT = "_anonymous";

/** Sub-app with /v1/embed, /v1/search and /v1/documents. */
export function knowledgeRoutes(services: BridgeServices): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .post("/v1/embed", async (c) => {
      const request = await parseBody(c, EmbedRequestSchema);
      const embeddings = await services.queue.run(
        { tenantId: request.tenant_id ?? ANONYMOUS_TENANT, priority: "search", signal: c.req.raw.signal },
        (signal) => services.embedder.embed(request.texts, signal),
      );
      return c.json({ model: services.embedder.model, dimensions: embeddings[0]?.length ?? 0, embeddings } satisfies EmbedResponse);
    })
    .post("/v1/search", async (c) => {
      const request = await parseBody(c, SearchRequestSchema);
      const hits = await services.queue.run({ tenantId: request.tenant_id, priority: "search", signal: c.req.raw.signal }, (signal) =>
        retrieve(services, { tenantId: request.tenant_id, text: request.query, k: request.k, minScore: request.min_score }, signal),
      );
      return c.json({ model: services.embedder.model, hits } satisfies SearchResponse);
    })
    .post("/v1/documents", async (c) => {
      const request = await parseBody(c, IngestDocumentRequestSchema);
      const result = await ingestDocument(services, request, c.req.raw.signal);
      c.get("log").info("document ingested", { tenant_id: result.tenant_id, document_id: result.document_id, chunks: result.chunks });
      return c.json(result satisfies IngestDocumentResponse);
    })
    .delete("/v1/documents/:tenant_id/:document_id", async (c) => {
      const tenant = TenantIdSchema.safeParse(c.req.param("tenant_id"));
      const document = DocumentIdSchema.safeParse(c.req.param("document_id"));
      if (!tenant.success || !document.success) throw new AppError(400, "invalid_request", "tenant_id or document_id is malformed.");
      const result = await deleteDocument(services, tenant.data, document.data);
      return c.json(result satisfies DeleteDocumentResponse);
    });
}
