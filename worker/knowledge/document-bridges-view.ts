// Documents as the library lists them, each with its copy at every bridge of the workspace (one line
// per bridge in the dashboard when there are several), so a creator sees which machine lags behind.
import type { DocumentCopy } from "@coach/contracts/content-views";
import type { TenantGateway, TenantRow } from "../db/tenant-gateway";
import { SHARED_BRIDGE_ID } from "../lib/bridge-pools";
import { copiesOf } from "./bridge-copies";
import { toDocumentJson } from "./document-view";

const NOT_SENT = "Not copied to this bridge yet; the back-fill sends it.";

/** `rows` as JSON with their `bridges`, in the order the workspace's bridges were added. */
export async function documentsWithCopies(
  gateway: TenantGateway,
  rows: readonly TenantRow<"documents">[],
) {
  const own = await gateway.list("bridges", { orderBy: (t) => [t.createdAt, t.id] });
  const bridges =
    own.length > 0
      ? own.map((b) => ({ id: b.id, name: b.name as string | null }))
      : [{ id: SHARED_BRIDGE_ID, name: null }];
  const copies = await copiesOf(
    gateway,
    rows.map((row) => row.id),
    bridges.map((b) => b.id),
  );
  return rows.map((row) => ({
    ...toDocumentJson(row),
    bridges: bridges.map((bridge): DocumentCopy => {
      const copy = copies.get(row.id)?.find((c) => c.bridgeId === bridge.id);
      return {
        bridge_id: bridge.id,
        name: bridge.name,
        status: copy?.status ?? "queued",
        reason: copy ? copy.reason : NOT_SENT,
        updated_at: copy?.updatedAt ?? null,
      };
    }),
  }));
}
