// The knowledge library: upload (files typed from their bytes, or text and Q&A pairs entered directly),
// a creator's corrections of answers (made, listed, edited), list, read, rename, delete (its vectors at the bridge go too),
// re-index, and the questions the coach answered poorly (reported by the bridge), each answerable as a
// correction that can also be sent to the people who asked it. Originals live in R2
// under the tenant's prefix; the bridge parses and embeds them and reports back through signed callbacks.
import { RenameDocumentRequestSchema } from "@coach/contracts/bridge";
import { QaPairSchema } from "@coach/contracts/knowledge";
import { desc, eq } from "drizzle-orm";
import { Hono, type Context } from "hono";
import { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { recordAudit } from "../auth/audit";
import { askersOf } from "../db/gap-askers";
import { forPrincipal } from "../db/tenant-gateway";
import { requestIngest } from "../knowledge/bridge-ingest";
import { renameAtBridge } from "../knowledge/bridge-rename";
import { documentsToReindex } from "../knowledge/reindex-request";
import { correctionUpload, readCorrections, rewriteCorrection } from "../knowledge/corrections";
import { toDocumentJson } from "../knowledge/document-view";
import { sendGapAnswer } from "../knowledge/gap-answer";
import { storeOriginal } from "../knowledge/original-file";
import { readUpload, type Upload } from "../knowledge/upload";
import { callBridge } from "../lib/bridge-client";
import { AppError, notFound } from "../lib/errors";
import { authenticate } from "../middleware/authenticate";
import { jsonBody } from "../middleware/json-body";
import { queryParams } from "../middleware/query-params";
import { requirePermission } from "../middleware/require-permission";

const ListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** A corrected answer from a transcript; where it came from is kept in the audit log. */
const CorrectionSchema = QaPairSchema.extend({
  conversation_id: z.string().min(1).max(128).optional(),
  message_seq: z.number().int().min(1).optional(),
});

/** A gap answered: the correction, and whether to send it to the people who asked (opt-in). */
const GapAnswerSchema = QaPairSchema.extend({
  notify_askers: z.boolean().default(false),
});

/** `PATCH /documents/:id`: the new title, trimmed, 1–200 characters (the bridge's limit for a rename). */
const RenameSchema = RenameDocumentRequestSchema.pick({ title: true });

/** Most corrections exported as golden cases in one call, and the default page: one call exports them all. */
const GOLDEN_MAX = 500;

const CorrectionListSchema = ListQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(GOLDEN_MAX).default(GOLDEN_MAX),
});

/** Keeps the original in R2, records the document and hands it to the bridge; answers it as it now stands. */
async function createDocument(c: Context<AppEnv>, upload: Upload) {
  const principal = c.get("principal");
  const gateway = forPrincipal(c.env.DB, principal);
  const id = crypto.randomUUID();
  const { key, sha256 } = await storeOriginal(c.env.FILES, principal.tenantId, id, upload);
  const row = await gateway.insert("documents", {
    id,
    title: upload.title,
    kind: upload.kind,
    sizeBytes: upload.bytes.byteLength,
    r2Key: key,
    sha256,
    status: "queued",
    createdBy: principal.subjectId,
  });
  return requestIngest(c.env, gateway, row, c.get("requestId"), upload.bytes);
}

export const knowledgeRoutes = new Hono<AppEnv>()
  .use(authenticate())
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
  .post(
    "/corrections",
    requirePermission("knowledge:write"),
    jsonBody(CorrectionSchema),
    async (c) => {
      const { question, answer, conversation_id, message_seq } = c.req.valid("json");
      const document = await createDocument(c, correctionUpload({ question, answer }));
      await recordAudit(c, {
        action: "answer.corrected",
        target: { type: "document", id: document.id },
        metadata: { conversation_id, message_seq },
      });
      return c.json(toDocumentJson(document), 202);
    },
  )
  .post(
    "/gaps/answer",
    requirePermission("knowledge:write"),
    jsonBody(GapAnswerSchema),
    async (c) => {
      const { question, answer, notify_askers } = c.req.valid("json");
      const document = await createDocument(c, correctionUpload({ question, answer }));
      const delivery = notify_askers
        ? await sendGapAnswer(
            c.env,
            forPrincipal(c.env.DB, c.get("principal")),
            question,
            answer,
            c.get("logger"),
          )
        : { sent: 0, skipped: 0, more: false };
      await recordAudit(c, {
        action: "gap.answered",
        target: { type: "document", id: document.id },
        metadata: { notify_askers, sent: delivery.sent, skipped: delivery.skipped },
      });
      return c.json({ correction: toDocumentJson(document), notify_askers, ...delivery }, 202);
    },
  )
  .get(
    "/documents",
    requirePermission("knowledge:read"),
    queryParams(ListQuerySchema),
    async (c) => {
      const { limit, offset } = c.req.valid("query");
      const { rows, nextOffset } = await forPrincipal(c.env.DB, c.get("principal")).page(
        "documents",
        {
          orderBy: (t) => [desc(t.createdAt), desc(t.id)],
          limit,
          offset,
        },
      );
      return c.json({ documents: rows.map(toDocumentJson), next_offset: nextOffset });
    },
  )
  .get("/documents/:id", requirePermission("knowledge:read"), async (c) => {
    const row = await forPrincipal(c.env.DB, c.get("principal")).get(
      "documents",
      c.req.param("id"),
    );
    return c.json(toDocumentJson(row));
  })
  .patch(
    "/documents/:id",
    requirePermission("knowledge:write"),
    jsonBody(RenameSchema),
    async (c) => {
      const principal = c.get("principal");
      const gateway = forPrincipal(c.env.DB, principal);
      const row = await gateway.get("documents", c.req.param("id"));
      const { title } = c.req.valid("json");
      // D1 first: it is what the library and every citation show, whether or not the bridge is there.
      const renamed = await gateway.update("documents", row.id, { title, updatedAt: Date.now() });
      const synced = await renameAtBridge(
        c.env,
        { tenant_id: principal.tenantId, document_id: row.id, title },
        c.get("requestId"),
      );
      if (!synced)
        c.get("logger").warn("document rename not applied at the bridge", { document_id: row.id });
      await recordAudit(c, {
        action: "document.renamed",
        target: { type: "document", id: row.id },
        metadata: { from: row.title, to: title, bridge_pending: !synced },
      });
      return c.json({ ...toDocumentJson(renamed), bridge_pending: !synced });
    },
  )
  .delete("/documents/:id", requirePermission("knowledge:write"), async (c) => {
    const principal = c.get("principal");
    const gateway = forPrincipal(c.env.DB, principal);
    const row = await gateway.get("documents", c.req.param("id"));
    // Vectors first: a document whose vectors could not be removed stays listed, so it can be deleted again.
    const response = await callBridge(c.env, {
      method: "DELETE",
      path: `/v1/documents/${principal.tenantId}/${row.id}`,
      requestId: c.get("requestId"),
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new AppError(
        503,
        "bridge_unavailable",
        "The coach's server could not remove the document's passages right now. Try again shortly.",
      );
    }
    // The bridge's answer is checked like any outside input; a malformed count reads as unknown (0).
    const body: unknown = await response.json().catch(() => null);
    const deleted =
      body !== null &&
      typeof body === "object" &&
      "deleted" in body &&
      typeof body.deleted === "number"
        ? body.deleted
        : 0;
    if (row.r2Key) await c.env.FILES.delete(row.r2Key);
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
      const { limit, offset } = c.req.valid("query");
      const { rows, nextOffset } = await forPrincipal(c.env.DB, c.get("principal")).page(
        "documents",
        {
          where: (t) => eq(t.kind, "correction"),
          orderBy: (t) => [desc(t.createdAt), desc(t.id)],
          limit,
          offset,
        },
      );
      return c.json({ cases: await readCorrections(c.env.FILES, rows), next_offset: nextOffset });
    },
  )
  .put(
    "/corrections/:id",
    requirePermission("knowledge:write"),
    jsonBody(QaPairSchema),
    async (c) => {
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
    },
  )
  .get("/gaps", requirePermission("knowledge:read"), queryParams(ListQuerySchema), async (c) => {
    const { limit, offset } = c.req.valid("query");
    const { rows, nextOffset } = await forPrincipal(c.env.DB, c.get("principal")).page(
      "questionGaps",
      {
        orderBy: (t) => [desc(t.createdAt), desc(t.id)],
        limit,
        offset,
      },
    );
    const askers = await askersOf(
      c.env.DB,
      c.get("principal").tenantId,
      rows.map((row) => row.question),
    );
    const questions = rows.map((row) => ({
      question: row.question,
      askers: askers.get(row.question) ?? 0,
      confidence: row.confidence,
      grounding: row.grounding,
      conversation_id: row.conversationId,
      created_at: row.createdAt,
    }));
    return c.json({ questions, next_offset: nextOffset });
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
