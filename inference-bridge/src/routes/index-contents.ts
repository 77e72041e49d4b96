/**
 * `GET /v1/index/:tenant_id` (signed): which documents the tenant's live index holds. The edge compares
 * it with the documents it counts as indexed here, so a bridge whose Chroma was wiped or restored from
 * an old copy is back-filled from the originals instead of answering without part of the material.
 */
import { TenantIdSchema } from "@coach/contracts/bridge";
import type { IndexContents } from "@coach/contracts/knowledge";
import { Hono } from "hono";
import { AppError } from "../errors";
import type { AppEnv } from "../http/app-env";
import type { BridgeServices } from "../services";

/** Sub-app with /v1/index/:tenant_id. */
export function indexContentsRoutes(services: BridgeServices): Hono<AppEnv> {
  return new Hono<AppEnv>().get("/v1/index/:tenant_id", async (c) => {
    const tenant = TenantIdSchema.safeParse(c.req.param("tenant_id"));
    if (!tenant.success) throw new AppError(400, "invalid_request", "tenant_id is malformed.");
    const chunks = await services.knowledge.store.allChunks(tenant.data);
    const documentIds = [...new Set(chunks.map((chunk) => chunk.metadata.document_id))].sort();
    return c.json({ tenant_id: tenant.data, document_ids: documentIds } satisfies IndexContents);
  });
}
