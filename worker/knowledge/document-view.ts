// The JSON shape of a knowledge document for the dashboard (snake_case, no storage internals).
import type { TenantRow } from "../db/tenant-gateway";

/** A document as clients see it. */
export function toDocumentJson(row: TenantRow<"documents">) {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    size_bytes: row.sizeBytes,
    sha256: row.sha256,
    status: row.status,
    status_reason: row.statusReason,
    chunk_count: row.chunkCount,
    page_count: row.pageCount,
    original_removed_at: row.originalRemovedAt,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

/** Where a document's original lives in the FILES bucket: under its tenant, so one prefix holds them all. */
export function originalKey(tenantId: string, documentId: string): string {
  return `tenants/${tenantId}/documents/${documentId}/original`;
}
