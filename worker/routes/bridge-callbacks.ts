// Signed callbacks from the inference bridges. No workspace credentials: the HMAC signature (same scheme
// as edge → bridge) with the sending bridge's own secret is the authentication (status-callback.ts),
// and the tenant comes from the signed body.
import { describeError } from "../lib/logger";
import {
  IngestStatusCallbackSchema,
  PassagesCallbackSchema,
  QuestionReportSchema,
  ReindexRequestSchema,
  type ReindexAccepted,
} from "@coach/contracts/knowledge";
import { Hono, type Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { bridgePoolFor } from "../lib/bridge-pools";
import { documentsToReindex, resendOriginals } from "../knowledge/reindex-request";
import { applyCallback, readBridgeCallback, recordQuestion } from "../knowledge/status-callback";
import { applyPassages, MAX_PASSAGES_CALLBACK_BYTES } from "../knowledge/passages-callback";

/** This request's body, checked against the sending bridge's signature and then against `schema`. */
function signedBody<S extends z.ZodType>(c: Context<AppEnv>, schema: S, maxBytes?: number) {
  return readBridgeCallback(c.env, c.req.raw, schema, c.get("logger"), maxBytes);
}

export const bridgeCallbackRoutes = new Hono<AppEnv>()
  .post("/documents/:id/status", async (c) => {
    const callback = await signedBody(c, IngestStatusCallbackSchema);
    const applied = await applyCallback(c.env.DB, c.req.param("id"), callback);
    const tenantId = callback.value.tenant_id;
    // A copy that became ready (or failed) changes which bridges are complete; the pool routes on that.
    if (applied && callback.value.status !== "processing")
      await bridgePoolFor(c.env, tenantId)
        .indexChanged(tenantId)
        .catch((error: unknown) =>
          c.get("logger").warn("bridge pool not told of the index change", describeError(error)),
        );
    return c.json({ applied });
  })
  .post("/documents/:id/passages", async (c) => {
    const callback = await signedBody(c, PassagesCallbackSchema, MAX_PASSAGES_CALLBACK_BYTES);
    const applied = await applyPassages(c.env.DB, c.req.param("id"), callback.value);
    return c.json({ applied });
  })
  .post("/questions", async (c) => {
    const report = await signedBody(c, QuestionReportSchema);
    await recordQuestion(c.env.DB, report.value);
    return c.json({ recorded: true });
  })
  .post("/reindex-requests", async (c) => {
    const { value: request, bridge, memberIds } = await signedBody(c, ReindexRequestSchema);
    const rows = await documentsToReindex(c.env.DB, request.tenant_id);
    const log = c.get("logger");
    log.info("re-index requested by the bridge", {
      tenant_id: request.tenant_id,
      bridge_id: bridge.id,
      embedder: request.embedder.name,
      documents: rows.length,
    });
    // Answered first, so the bridge knows which documents complete the new index before they arrive.
    c.executionCtx.waitUntil(
      resendOriginals(c.env, request.tenant_id, rows, bridge, memberIds, c.get("requestId")).catch(
        (error: unknown) =>
          log.error("re-index: sending the originals failed", {
            tenant_id: request.tenant_id,
            ...describeError(error),
          }),
      ),
    );
    return c.json({ document_ids: rows.map((row) => row.id) } satisfies ReindexAccepted);
  });
