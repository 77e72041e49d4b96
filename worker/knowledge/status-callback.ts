// Applies the bridge's signed status callbacks to a document. The signature is verified the same way
// the bridge verifies the edge (contracts/src/signature.ts); a callback from an older ingestion attempt,
// or one not newer than the last applied (`seq`), changes nothing, so replays and reordering are harmless.
import { IngestStatusCallbackSchema, type IngestStatusCallback } from "@coach/contracts/knowledge";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyRequest } from "@coach/contracts/signature";
import { forTenant } from "../db/tenant-gateway";
import { AppError } from "../lib/errors";
import { readBodyWithLimit } from "../middleware/body-limit";
import { formatIssues } from "../middleware/json-body";

/** Callbacks are small JSON objects; anything bigger is not one. */
const MAX_CALLBACK_BYTES = 16 * 1024;

/** Verifies and parses a callback request; 401 with the signature code, 400 for a malformed body. */
export async function readSignedCallback(request: Request, secret: string): Promise<IngestStatusCallback> {
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
  const parsed = IngestStatusCallbackSchema.safeParse(value);
  if (!parsed.success) throw new AppError(400, "validation_failed", "The callback body is invalid; see details.", { details: formatIssues(parsed.error) });
  return parsed.data;
}

/** Applies a verified callback; returns whether it changed the document. */
export async function applyCallback(db: D1Database, documentId: string, callback: IngestStatusCallback): Promise<boolean> {
  if (callback.document_id !== documentId) throw new AppError(400, "validation_failed", "The callback names another document than its path.");
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
