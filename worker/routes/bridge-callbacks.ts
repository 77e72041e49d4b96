// Signed callbacks from the inference bridge. No workspace credentials: the HMAC signature (same scheme
// as edge → bridge, same BRIDGE_SECRET) is the authentication, and the tenant comes from the signed body.
import { describeError } from "../lib/logger";
import {
  IngestStatusCallbackSchema,
  QuestionReportSchema,
  ReindexRequestSchema,
  type ReindexAccepted,
} from "@coach/contracts/knowledge";
import { Hono } from "hono";
import type { AppEnv } from "../lib/app-env";
import { documentsToReindex, resendOriginals } from "../knowledge/reindex-request";
import { applyCallback, readSignedCallback, recordQuestion } from "../knowledge/status-callback";

export const bridgeCallbackRoutes = new Hono<AppEnv>()
  .post("/documents/:id/status", async (c) => {
    const callback = await readSignedCallback(
      c.req.raw,
      c.env.BRIDGE_SECRET,
      IngestStatusCallbackSchema,
    );
    const applied = await applyCallback(c.env.DB, c.req.param("id"), callback);
    return c.json({ applied });
  })
  .post("/questions", async (c) => {
    await recordQuestion(
      c.env.DB,
      await readSignedCallback(c.req.raw, c.env.BRIDGE_SECRET, QuestionReportSchema),
    );
    return c.json({ recorded: true });
  })
  .post("/reindex-requests", async (c) => {
    const request = await readSignedCallback(c.req.raw, c.env.BRIDGE_SECRET, ReindexRequestSchema);
    const rows = await documentsToReindex(c.env.DB, request.tenant_id);
    const log = c.get("logger");
    log.info("re-index requested by the bridge", {
      tenant_id: request.tenant_id,
      embedder: request.embedder.name,
      documents: rows.length,
    });
    // Answered first, so the bridge knows which documents complete the new index before they arrive.
    c.executionCtx.waitUntil(
      resendOriginals(c.env, request.tenant_id, rows, c.get("requestId")).catch((error: unknown) =>
        log.error("re-index: sending the originals failed", {
          tenant_id: request.tenant_id,
          ...describeError(error),
        }),
      ),
    );
    return c.json({ document_ids: rows.map((row) => row.id) } satisfies ReindexAccepted);
  });
