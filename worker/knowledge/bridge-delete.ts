// Removes a document's passages from every bridge of its workspace (`DELETE
// /v1/documents/:tenant_id/:document_id`, signed). A bridge that does not confirm keeps the document
// listed, so the creator can delete it again once that bridge is back (or remove the bridge); asking a
// bridge that already removed it again is harmless (it answers 0 passages, or 404).
import type { PoolMember } from "../bridges/pool-members";
import { callBridgeIfReachable, type BridgeCall } from "../lib/bridge-client";

/** How many passages were removed, and the bridges that could not confirm the removal. */
export type RemovalOutcome = { deleted: number; unconfirmed: string[] };

/** Sends the removal to one bridge: how many passages it removed, or null when it did not confirm. */
async function removeAt(member: PoolMember, removal: BridgeCall): Promise<number | null> {
  const response = await callBridgeIfReachable(member.target, removal);
  if (!response) return null;
  if (response.status === 404) {
    await response.body?.cancel();
    return 0;
  }
  if (!response.ok) {
    await response.body?.cancel();
    return null;
  }
  // The bridge's answer is checked like any outside input; a malformed count reads as unknown (0).
  const body: unknown = await response.json().catch(() => null);
  return body !== null &&
    typeof body === "object" &&
    "deleted" in body &&
    typeof body.deleted === "number"
    ? body.deleted
    : 0;
}

/** Removes the document at every bridge side by side. */
export async function removeEverywhere(
  members: readonly PoolMember[],
  tenantId: string,
  documentId: string,
  requestId: string,
): Promise<RemovalOutcome> {
  const removal: BridgeCall = {
    method: "DELETE",
    path: `/v1/documents/${encodeURIComponent(tenantId)}/${encodeURIComponent(documentId)}`,
    requestId,
  };
  const results = await Promise.all(members.map((member) => removeAt(member, removal)));
  return {
    // Each bridge holds a full copy: the most any of them removed is the document's passage count.
    deleted: Math.max(0, ...results.map((n) => n ?? 0)),
    unconfirmed: members.filter((_, i) => results[i] === null).map((member) => member.id),
  };
}
