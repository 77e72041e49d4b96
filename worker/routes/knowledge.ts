// The knowledge library: upload (files typed from their bytes, or text and Q&A pairs entered directly),
// a creator's corrections of answers (made, listed, edited), list, read, rename, delete (its vectors at
// the bridge go too) and re-index; the questions answered poorly are in knowledge-gaps.ts. Originals
// live in R2 under the tenant's prefix; the bridge parses and embeds them and reports back through
// signed callbacks.
import { deleteDocumentPassages } from "../db/knowledge-passages";
import { RenameDocumentRequestSchema } from "@coach/contracts/bridge";
import { QaPairSchema } from "@coach/contracts/knowledge";
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { recordAudit } from "../auth/audit";
import { newestFirst } from "../db/creation-order";
import { forPrincipal } from "../db/tenant-gateway";
import { loadPoolMembers } from "../bridges/pool-members";
import { requestIngest } from "../knowledge/bridge-ingest";
import { removeEverywhere } from "../knowledge/bridge-delete";
import { renameEverywhere } from "../knowledge/bridge-rename";
import { documentsWithCopies } from "../knowledge/document-bridges-view";
import { documentsToReindex } from "../knowledge/reindex-request";
import { correctionUpload, readCorrections, rewriteCorrection } from "../knowledge/corrections";
import { toDocumentJson } from "../knowledge/document-view";
import { readUpload } from "../knowledge/upload";
import { AppError, notFound } from "../lib/errors";
import { authenticate } from "../middleware/authenticate";
import { queryParams } from "../middleware/query-params";
import { requirePermission } from "../middleware/require-permission";
import { guardedJson } from "../middleware/guarded-json";
import { knowledgeGapRoutes } from "./knowledge-gaps";
import { createDocument } from "./new-document";
import { PageQuerySchema } from "./page-query";

/** A corrected answer from a transcript; where it came from is kept in the audit log. */
const CorrectionSchema = QaPairSchema.extend({
  conversation_id: z.string().min(1).max(128).optional(),
  message_seq: z.number().int().min(1).optional(),
});

/** `PATCH /documents/:id`: the new title, trimmed, 1–200 characters (the bridge's limit for a rename). */
const RenameSchema = RenameDocumentRequestSchema.pick({ title: true });

/** Most corrections exported as golden cases in one call, and the default page: one call exports them all. */
const GOLDEN_MAX = 500;

const CorrectionListSchema = PageQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(GOLDEN_MAX).default(GOLDEN_MAX),
});

export const knowledgeRoutes = new Hono<AppEnv>()
  .use(authenticate())
  .route("/", knowledgeGapRoutes)
  .post("/documents", requirePermission("knowledge:write"), async (c) => {
    const upload = await readUpload(c.req.raw);
    const document = await createDocument(c, upload);
    await recordAudit(c, {
      action: "document.uploaded",
      target: { type: "document", id: document.id },
      metadata: { kind: upload.kind, size_bytes: upload.bytes.byteLength },
    });
    return c.json(toDocumentJson(document), 202);
  })
  .post("/corrections", ...guardedJson("knowledge:write", CorrectionSchema), async (c) => {
    const { question, answer, conversation_id, message_seq } = c.req.valid("json");
    const document = await createDocument(c, correctionUpload({ question, answer }));
    await recordAudit(c, {
      action: "answer.corrected",
      target: { type: "document", id: document.id },
      metadata: { conversation_id, message_seq },
    });
    return c.json(toDocumentJson(document), 202);
  })
  .get(
    "/documents",
    requirePermission("knowledge:read"),
    queryParams(PageQuerySchema),
    async (c) => {
      const gateway = forPrincipal(c.env.DB, c.get("principal"));
      const { rows, nextOffset } = await gateway.page("documents", {
        ...c.req.valid("query"),
        orderBy: newestFirst,
      });
      const documents = await documentsWithCopies(gateway, rows);
      return c.json({ documents, next_offset: nextOffset });
    },
  )
  .get("/documents/:id", requirePermission("knowledge:read"), async (c) => {
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const row = await gateway.get("documents", c.req.param("id"));
    const [document] = await documentsWithCopies(gateway, [row]);
    return c.json(document ?? toDocumentJson(row));
  })
  .patch("/documents/:id", ...guardedJson("knowledge:write", RenameSchema), async (c) => {
    const principal = c.get("principal");
    const gateway = forPrincipal(c.env.DB, principal);
    const row = await gateway.get("documents", c.req.param("id"));
    const { title } = c.req.valid("json");
    // D1 first: it is what the library and every citation show, whether or not the bridge is there.
    const renamed = await gateway.update("documents", row.id, { title, updatedAt: Date.now() });
    const pending = await renameEverywhere(
      await loadPoolMembers(c.env, principal.tenantId, c.get("logger")),
      { tenant_id: principal.tenantId, document_id: row.id, title },
      c.get("requestId"),
    );
    const synced = pending.length === 0;
    if (!synced)
      c.get("logger").warn("document rename not applied at every bridge", {
        document_id: row.id,
        bridge_ids: pending,
      });
    await recordAudit(c, {
      action: "document.renamed",
      target: { type: "document", id: row.id },
      metadata: { from: row.title, to: title, bridge_pending: !synced },
    });
    return c.json({ ...toDocumentJson(renamed), bridge_pending: !synced });
  })
  .delete("/documents/:id", requirePermission("knowledge:write"), async (c) => {
    const principal = c.get("principal");
    const gateway = forPrincipal(c.env.DB, principal);
    const row = await gateway.get("documents", c.req.param("id"));
    // Vectors first, at every bridge: a document whose vectors could not be removed everywhere stays
    // listed, so it can be deleted again.
    const { deleted, unconfirmed } = await removeEverywhere(
      await loadPoolMembers(c.env, principal.tenantId, c.get("logger")),
      principal.tenantId,
      row.id,
      c.get("requestId"),
    );
    if (unconfirmed.length > 0)
      throw new AppError(
        503,
        "bridge_unavailable",
        "Not every coach's server could remove the document's passages right now, so it is kept. Try again shortly, or remove the bridge that is down.",
        { details: { bridge_ids: unconfirmed } },
      );
    if (row.r2Key) await c.env.FILES.delete(row.r2Key);
    await deleteDocumentPassages(c.env.DB, principal.tenantId, row.id);
    await gateway.remove("documents", row.id);
    await recordAudit(c, {
      action: "document.deleted",
      target: { type: "document", id: row.id },
      metadata: { vectors_deleted: deleted },
    });
    return c.json({ id: row.id, deleted: true, vectors_deleted: deleted });
  })
  .post("/documents/:id/reindex", requirePermission("knowledge:write"), async (c) => {
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const row = await gateway.get("documents", c.req.param("id"));
    const current = await requestIngest(c.env, gateway, row, c.get("requestId"));
    await recordAudit(c, {
      action: "document.reindexed",
      target: { type: "document", id: row.id },
    });
    return c.json(toDocumentJson(current), 202);
  })
  .get(
    "/corrections",
    requirePermission("knowledge:read"),
    queryParams(CorrectionListSchema),
    async (c) => {
      // In the format of eval/golden.json, so the corrections can be replayed by `npm run eval`.
      const { rows, nextOffset } = await forPrincipal(c.env.DB, c.get("principal")).page(
        "documents",
        { ...c.req.valid("query"), where: (t) => eq(t.kind, "correction"), orderBy: newestFirst },
      );
      return c.json({ cases: await readCorrections(c.env.FILES, rows), next_offset: nextOffset });
    },
  )
  .put("/corrections/:id", ...guardedJson("knowledge:write", QaPairSchema), async (c) => {
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const row = await gateway.get("documents", c.req.param("id"));
    if (row.kind !== "correction") throw notFound("correction");
    const correction = await rewriteCorrection(
      c.env,
      gateway,
      row,
      c.req.valid("json"),
      c.get("requestId"),
    );
    await recordAudit(c, {
      action: "correction.updated",
      target: { type: "document", id: row.id },
    });
    return c.json(correction, 202);
  })
  .post("/reindex", requirePermission("knowledge:write"), async (c) => {
    const principal = c.get("principal");
    const gateway = forPrincipal(c.env.DB, principal);
    const rows = await documentsToReindex(c.env.DB, principal.tenantId);
    const documents = [];
    // One at a time: the bridge parses one file at a time anyway, and this keeps the Worker's memory flat.
    for (const row of rows)
      documents.push(toDocumentJson(await requestIngest(c.env, gateway, row, c.get("requestId"))));
    await recordAudit(c, { action: "documents.reindexed", metadata: { count: documents.length } });
    return c.json({ documents }, 202);
  });
