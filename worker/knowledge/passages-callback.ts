// Applies the bridge's passages callback: a document's chunk texts, kept at the edge in D1 full-text
// search (worker/db/knowledge-passages.ts) so an overflow answer stays grounded when no bridge is up.
// Only the document's current ingestion attempt is written: a batch of an older one is ignored.
import type { PassagesCallback } from "@coach/contracts/knowledge";
import { deleteDocumentPassages, writePassages } from "../db/knowledge-passages";
import { forTenant } from "../db/tenant-gateway";
import { requireSameDocument } from "./status-callback";

/** 32 passages of at most 8,000 characters each, in UTF-8, with room for the JSON around them. */
export const MAX_PASSAGES_CALLBACK_BYTES = 1024 * 1024;

/** Writes a verified batch of passages; answers whether it was applied. */
export async function applyPassages(
  db: D1Database,
  documentId: string,
  callback: PassagesCallback,
): Promise<boolean> {
  requireSameDocument(callback, documentId);
  const row = await forTenant(db, callback.tenant_id).get("documents", documentId);
  if (callback.attempt !== row.ingestAttempt) return false;
  if (callback.passages.length === 0) {
    // A document with no text left (all of it removed on re-upload) keeps no passages either.
    if (callback.from === 0) await deleteDocumentPassages(db, callback.tenant_id, documentId);
    return true;
  }
  await writePassages(
    db,
    callback.tenant_id,
    { id: documentId, title: row.title },
    callback.passages,
    callback.from === 0,
  );
  return true;
}
