// Deletes a workspace everywhere: the knowledge's vectors at every bridge, the originals in R2, every
// conversation room and every contact's coaching agent, then the D1 rows (last, so a failure before
// leaves everything findable and the request, or the closer's next attempt, can simply repeat it). Used
// by the owner's DELETE /api/v1/workspace and by the erasure of a closed workspace.
import { loadPoolMembers } from "../bridges/pool-members";
import { removeEverywhere } from "../knowledge/bridge-delete";
import { coachingAgentFor } from "../lib/coaching-agents";
import { AppError } from "../lib/errors";
import { createLogger } from "../lib/logger";
import { roomFor } from "../lib/rooms";
import type { TenantGateway } from "../db/tenant-gateway";
import { deleteWorkspaceRows } from "../db/workspace-store";

export type WorkspaceDeletion = {
  documents: number;
  conversations: number;
  contacts: number;
  files: number;
};

async function deleteFiles(bucket: R2Bucket, prefix: string): Promise<number> {
  let removed = 0;
  for (let cursor: string | undefined; ;) {
    const listed = await bucket.list({ prefix, cursor });
    if (listed.objects.length > 0) await bucket.delete(listed.objects.map((o) => o.key));
    removed += listed.objects.length;
    if (!listed.truncated) return removed;
    cursor = listed.cursor;
  }
}

/** Deletes the workspace of `gateway`; throws 503 (nothing lost, repeatable) when the bridge cannot remove vectors. */
export async function deleteWorkspace(
  env: Env,
  gateway: TenantGateway,
  requestId: string,
): Promise<WorkspaceDeletion> {
  const tenantId = gateway.tenantId;
  const documents = await gateway.list("documents");
  const bridges = await loadPoolMembers(env, tenantId, createLogger({ request_id: requestId }));
  for (const document of documents) {
    const { unconfirmed } = await removeEverywhere(bridges, tenantId, document.id, requestId);
    if (unconfirmed.length > 0) {
      throw new AppError(
        503,
        "bridge_unavailable",
        "The coach's server could not remove the workspace's knowledge right now, so nothing was deleted. Try again shortly.",
      );
    }
  }
  const files = await deleteFiles(env.FILES, `tenants/${tenantId}/`);
  const conversations = await gateway.list("conversations");
  for (const conversation of conversations) await roomFor(env, tenantId, conversation.id).erase();
  // Enrolments, answers, preferences and queued nudges live in each contact's agent, with its alarm.
  const contacts = await gateway.list("contacts");
  for (const contact of contacts) await coachingAgentFor(env, tenantId, contact.id).erase();
  await deleteWorkspaceRows(env.DB, tenantId);
  return {
    documents: documents.length,
    conversations: conversations.length,
    contacts: contacts.length,
    files,
  };
}
