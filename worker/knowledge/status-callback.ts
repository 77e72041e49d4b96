// Applies the bridge's signed callbacks: ingestion status to a document, and reports of questions
// answered poorly. Signatures are verified the same way the bridge verifies the edge
// (contracts/src/signature.ts). Both are idempotent, so a replay within the signature window changes
// nothing: a status from an older attempt, or not newer than the last applied (`seq`), is ignored, and a
// question report is keyed by its conversation and turn.
import type { IngestStatusCallback, QuestionReport } from "@coach/contracts/knowledge";
import { maskPersonalData } from "@coach/contracts/personal-data";
import type { z } from "zod";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyRequest } from "@coach/contracts/signature";
import { forTenant } from "../db/tenant-gateway";
import { AppError, notFound } from "../lib/errors";
import { readBodyWithLimit } from "../lib/body-limit";
import { formatIssues } from "../lib/zod-issues";

/** Callbacks are small JSON objects; anything bigger is not one. */
const MAX_CALLBACK_BYTES = 16 * 1024;

/** Verifies and parses a callback request; 401 with the signature code, 400 for a malformed body. */
export async function readSignedCallback<S extends z.ZodType>(
  request: Request,
  secret: string,
  schema: S,
): Promise<z.output<S>> {
  const url = new URL(request.url);
  const body = await readBodyWithLimit(request, MAX_CALLBACK_BYTES);
  const verdict = await verifyRequest(secret, {
    method: request.method,
    pathWithQuery: `${url.pathname}${url.search}`,
    body,
    timestampHeader: request.headers.get(TIMESTAMP_HEADER),
    signatureHeader: request.headers.get(SIGNATURE_HEADER),
  });
  if (!verdict.ok) throw new AppError(401, verdict.code, verdict.message);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(body));
  } catch {
    throw new AppError(400, "invalid_json", "The callback body is not valid JSON.");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new AppError(400, "validation_failed", "The callback body is invalid; see details.", {
      details: formatIssues(parsed.error),
    });
  return parsed.data;
}

/** Applies a verified callback; returns whether it changed the document. */
export async function applyCallback(
  db: D1Database,
  documentId: string,
  callback: IngestStatusCallback,
): Promise<boolean> {
  if (callback.document_id !== documentId)
    throw new AppError(
      400,
      "validation_failed",
      "The callback names another document than its path.",
    );
  const gateway = forTenant(db, callback.tenant_id);
  const row = await gateway.get("documents", documentId);
  if (callback.attempt !== row.ingestAttempt || callback.seq <= row.ingestSeq) return false;
  await gateway.update("documents", documentId, {
    status: callback.status,
    statusReason: callback.status === "failed" ? callback.reason : null,
    chunkCount: callback.status === "ready" ? callback.chunk_count : row.chunkCount,
    pageCount: callback.page_count ?? row.pageCount,
    ingestSeq: callback.seq,
    updatedAt: Date.now(),
  });
  return true;
}

/**
 * Records a question answered poorly, once per turn (the latest attempt's figures win); never one from
 * a member's test chat. A report about
 * a conversation that no longer exists (erased while its answer was on the way) is refused with 404,
 * so it cannot bring the person's words back.
 */
export async function recordQuestion(db: D1Database, report: QuestionReport): Promise<void> {
  const values = {
    // Kept for the creator to improve the material, who needs the question, not the person's details.
    question: maskPersonalData(report.question),
    confidence: report.confidence,
    grounding: report.grounding,
  };
  const gateway = forTenant(db, report.tenant_id);
  const conversation = await gateway.find("conversations", report.conversation_id);
  if (!conversation) throw notFound("conversation");
  // A member trying the assistant from the dashboard is not a gap in the material.
  if (conversation.test) return;
  try {
    await gateway.upsert(
      "questionGaps",
      {
        id: `${report.conversation_id}:${report.turn_id}`,
        conversationId: report.conversation_id,
        turnId: report.turn_id,
        ...values,
      },
      values,
    );
  } catch {
    // The only expected failure is the tenant's foreign key: a workspace that does not exist (any more).
    throw notFound("workspace");
  }
}
