// The bridge's request to index a workspace's material again: its collection was filled by another
// embedder than the one it runs now (a new model, or the built-in one after Ollama went away), and chunks
// cannot be re-embedded without the originals, which only the edge keeps (R2). The edge answers at once
// with the documents it will send, so the bridge knows when the new index is complete, and then sends
// each original again to that bridge only — the library shows its copies' progress as usual.
import { desc, isNull } from "drizzle-orm";
import type { PoolMember } from "../bridges/pool-members";
import { forTenant, type TenantRow } from "../db/tenant-gateway";
import { sendCopy } from "./bridge-ingest";
import { settleDocument } from "./bridge-copies";

/** Most documents sent again for one request (the same bound as re-indexing from the dashboard). */
const REINDEX_MAX = 200;

type Env = { DB: D1Database; FILES: R2Bucket };

/** The documents of `tenantId` to send again (those whose original is still kept), newest first. */
export async function documentsToReindex(
  db: D1Database,
  tenantId: string,
): Promise<TenantRow<"documents">[]> {
  return forTenant(db, tenantId).list("documents", {
    where: (t) => isNull(t.originalRemovedAt),
    orderBy: (t) => [desc(t.createdAt)],
    limit: REINDEX_MAX,
  });
}

/** Sends each document's original again to `bridge`, one after another (it parses one file at a time). */
export async function resendOriginals(
  env: Env,
  tenantId: string,
  rows: readonly TenantRow<"documents">[],
  bridge: PoolMember,
  memberIds: readonly string[],
  requestId: string,
): Promise<void> {
  const gateway = forTenant(env.DB, tenantId);
  for (const row of rows) {
    const original = row.r2Key ? await env.FILES.get(row.r2Key).then((o) => o?.bytes()) : undefined;
    if (!original) continue;
    await sendCopy(gateway, row, bridge, original, requestId);
    await settleDocument(gateway, row.id, memberIds);
  }
}
