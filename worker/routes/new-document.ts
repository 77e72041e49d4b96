// A document the creator adds — an upload, a correction, a gap's answer — stored and sent for indexing,
// shared by the library's routes (knowledge.ts) and the gaps' (knowledge-gaps.ts).
import type { Context } from "hono";
import { assertUnderQuota } from "../billing/platform-quotas";
import { forPrincipal } from "../db/tenant-gateway";
import { requestIngest } from "../knowledge/bridge-ingest";
import { storeOriginal } from "../knowledge/original-file";
import type { Upload } from "../knowledge/upload";
import type { AppEnv } from "../lib/app-env";

/**
 * Keeps the original in R2, records the document and hands it to the bridge; answers it as it now
 * stands. A workspace at its plan's document quota is refused first (402 `quota_exceeded`).
 */
export async function createDocument(c: Context<AppEnv>, upload: Upload) {
  const principal = c.get("principal");
  const gateway = forPrincipal(c.env.DB, principal);
  await assertUnderQuota(c.env, gateway, "documents");
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
