// A document's original file in R2, under its tenant's prefix: written on upload and again when a
// correction is edited, with its SHA-256 in the object's metadata and on the document's row.
import { originalKey } from "./document-view";
import type { Upload } from "./upload";

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Stores `upload` as the original of `documentId`, replacing any earlier one; its key and hash. */
export async function storeOriginal(
  files: R2Bucket,
  tenantId: string,
  documentId: string,
  upload: Upload,
): Promise<{ key: string; sha256: string }> {
  const key = originalKey(tenantId, documentId);
  const sha256 = await sha256Hex(upload.bytes);
  await files.put(key, upload.bytes, {
    customMetadata: { tenant_id: tenantId, document_id: documentId, kind: upload.kind, sha256 },
  });
  return { key, sha256 };
}
