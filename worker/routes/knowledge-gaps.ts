// The questions the coach answered poorly (reported by the bridge), with how many people asked each, and
// a gap answered: stored as a correction, and sent once to the people who asked it when the creator opts in.
import { QaPairSchema } from "@coach/contracts/knowledge";
import { Hono } from "hono";
import { z } from "zod";
import { recordAudit } from "../auth/audit";
import { newestFirst } from "../db/creation-order";
import { askersOf } from "../db/gap-askers";
import { forPrincipal } from "../db/tenant-gateway";
import { correctionUpload } from "../knowledge/corrections";
import { toDocumentJson } from "../knowledge/document-view";
import { sendGapAnswer } from "../knowledge/gap-answer";
import type { AppEnv } from "../lib/app-env";
import { queryParams } from "../middleware/query-params";
import { requirePermission } from "../middleware/require-permission";
import { guardedJson } from "../middleware/guarded-json";
import { createDocument } from "./new-document";
import { PageQuerySchema } from "./page-query";

/** A gap answered: the correction, and whether to send it to the people who asked (opt-in). */
const GapAnswerSchema = QaPairSchema.extend({
  notify_askers: z.boolean().default(false),
});

/** Mounted inside the library's routes (knowledge.ts), which authenticate every request. */
export const knowledgeGapRoutes = new Hono<AppEnv>()
  .get("/gaps", requirePermission("knowledge:read"), queryParams(PageQuerySchema), async (c) => {
    const { rows, nextOffset } = await forPrincipal(c.env.DB, c.get("principal")).page(
      "questionGaps",
      { ...c.req.valid("query"), orderBy: newestFirst },
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
  .post("/gaps/answer", ...guardedJson("knowledge:write", GapAnswerSchema), async (c) => {
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
  });
