// Tells every bridge a document's new title (`PATCH /v1/documents/:document_id`, signed), so its chunks
// and the citations it writes carry it. The title in D1 is saved first and is what clients see; a
// bridge that is down or refuses only delays its copy, which the next ingestion of the document (a
// re-index or back-fill sends the title from D1) or the next rename brings up to date.
import type { RenameDocumentRequest } from "@coach/contracts/bridge";
import type { PoolMember } from "../bridges/pool-members";
import { callBridgeIfReachable } from "../lib/bridge-client";

/** A rename is a small write at the bridge; the creator waits for it, so it gets little time. */
const RENAME_TIMEOUT_MS = 5_000;

async function renameAt(
  member: PoolMember,
  rename: RenameDocumentRequest & { document_id: string },
  requestId: string,
): Promise<boolean> {
  const body = { tenant_id: rename.tenant_id, title: rename.title } satisfies RenameDocumentRequest;
  const response = await callBridgeIfReachable(member.target, {
    method: "PATCH",
    path: `/v1/documents/${encodeURIComponent(rename.document_id)}`,
    body,
    requestId,
    timeoutMs: RENAME_TIMEOUT_MS,
  });
  if (!response) return false;
  await response.body?.cancel();
  return response.ok;
}

/** The bridges that did not rename the document's chunks (down, or refused); empty when all did. */
export async function renameEverywhere(
  members: readonly PoolMember[],
  rename: RenameDocumentRequest & { document_id: string },
  requestId: string,
): Promise<string[]> {
  const results = await Promise.all(members.map((m) => renameAt(m, rename, requestId)));
  return members.filter((_, i) => !results[i]).map((member) => member.id);
}
