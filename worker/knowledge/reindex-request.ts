// The bridge's request to index a workspace's material again: its collection was filled by another
// embedder than the one it runs now (a new model, or the built-in one after Ollama went away), and chunks
// cannot be re-embedded without the originals, which only the edge keeps (R2). The edge answers at once
// with the documents it will send, so the bridge knows when the new index is complete, and then sends
// each original again as a new ingestion attempt — the library shows their progress as usual.
import { desc, isNull } from "drizzle-orm";
import { forTenant, type TenantRow } from "../db/tenant-gateway";
import { requestIngest } from "./bridge-ingest";

/** Most documents sent again for one request (the same bound as re-indexing from the dashboard). */
const REINDEX_MAX = 200;

type Env = Parameters<typeof requestIngest>[0] & { DB: D1Database };

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

/** Sends each document's original again, one after another (the bridge parses one file at a time). */
export async function resendOriginals(
  env: Env,
  tenantId: string,
  rows: readonly TenantRow<"documents">[],
  requestId: string,
): Promise<void> {
  const gateway = forTenant(env.DB, tenantId);
  for (const row of rows) await requestIngest(env, gateway, row, requestId);
}
