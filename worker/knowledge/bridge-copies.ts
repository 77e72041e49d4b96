// A document's copy at each bridge of its workspace, and the document's own status derived from them.
// The library's status answers "can the assistant use it": `ready` once at least one bridge holds it.
// A bridge that lacks a ready document is not complete, so the pool stops sending it answers until the
// back-fill has copied the document there (worker/knowledge/backfill.ts): every bridge that answers
// holds every ready document. The per-bridge lines show the copies that lag behind.
import { and, eq, inArray } from "drizzle-orm";
import type { DocumentStatus } from "../db/enums";
import type { TenantGateway, TenantRow } from "../db/tenant-gateway";

export type BridgeCopy = TenantRow<"documentBridgeStatus">;

/** A copy's row id: one per document and bridge. */
export function copyId(documentId: string, bridgeId: string): string {
  return `${documentId}:${bridgeId}`;
}

/**
 * Records that the original goes to `bridgeId` now; the attempt number its callbacks will carry: one
 * more than the copy's last, and never below the document's own (`atLeast`), so callbacks keyed by
 * the document's attempt (the passages kept at the edge) agree across bridges.
 */
export async function startCopy(
  gateway: TenantGateway,
  documentId: string,
  bridgeId: string,
  atLeast = 0,
): Promise<number> {
  const id = copyId(documentId, bridgeId);
  const existing = await gateway.find("documentBridgeStatus", id);
  const now = Date.now();
  const values = {
    status: "queued",
    reason: null,
    attempt: Math.max((existing?.attempt ?? 0) + 1, atLeast),
    seq: 0,
    sentAt: now,
    updatedAt: now,
  } as const;
  await gateway.upsert("documentBridgeStatus", { id, documentId, bridgeId, ...values }, values);
  return values.attempt;
}

/** Sets a copy's status without a callback (the send failed, or was refused at once). */
export async function setCopy(
  gateway: TenantGateway,
  documentId: string,
  bridgeId: string,
  status: DocumentStatus,
  reason: string | null,
): Promise<void> {
  await gateway.update("documentBridgeStatus", copyId(documentId, bridgeId), {
    status,
    reason,
    updatedAt: Date.now(),
  });
}

/** The document's status from its copies at the workspace's bridges; null when it has none. */
export function overallStatus(
  copies: readonly BridgeCopy[],
): { status: DocumentStatus; reason: string | null } | null {
  if (copies.length === 0) return null;
  const first = (status: DocumentStatus) => copies.find((copy) => copy.status === status);
  for (const status of ["ready", "processing", "queued"] as const) {
    const copy = first(status);
    if (copy) return { status, reason: status === "ready" ? null : copy.reason };
  }
  return { status: "failed", reason: copies[0]?.reason ?? null };
}

/** The copies of `documentIds` at the bridges `bridgeIds`, by document. */
export async function copiesOf(
  gateway: TenantGateway,
  documentIds: readonly string[],
  bridgeIds: readonly string[],
): Promise<Map<string, BridgeCopy[]>> {
  const byDocument = new Map<string, BridgeCopy[]>();
  if (documentIds.length === 0 || bridgeIds.length === 0) return byDocument;
  // D1 binds at most 100 parameters per statement: a page of documents is read in slices.
  for (let i = 0; i < documentIds.length; i += 50) {
    const slice = documentIds.slice(i, i + 50);
    const rows = await gateway.list("documentBridgeStatus", {
      where: (t) => and(inArray(t.documentId, slice), inArray(t.bridgeId, [...bridgeIds])),
    });
    for (const row of rows)
      byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);
  }
  return byDocument;
}

/**
 * Writes the document's status as its copies at `bridgeIds` now say, with `extra` (counts a callback
 * brought); answers the row as it now stands.
 */
export async function settleDocument(
  gateway: TenantGateway,
  documentId: string,
  bridgeIds: readonly string[],
  extra: { chunkCount?: number; pageCount?: number | null } = {},
): Promise<TenantRow<"documents">> {
  const copies = await gateway.list("documentBridgeStatus", {
    where: (t) => and(eq(t.documentId, documentId), inArray(t.bridgeId, [...bridgeIds])),
  });
  const overall = overallStatus(copies);
  return gateway.update("documents", documentId, {
    ...(overall ? { status: overall.status, statusReason: overall.reason } : {}),
    ...(extra.chunkCount !== undefined ? { chunkCount: extra.chunkCount } : {}),
    ...(extra.pageCount != null ? { pageCount: extra.pageCount } : {}),
    updatedAt: Date.now(),
  });
}
