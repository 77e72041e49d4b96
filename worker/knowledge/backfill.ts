// Back-fill: copies to a bridge the ready documents its index lacks (a bridge just added, one that
// missed an upload while down, one whose index was emptied), from the originals in R2. Driven by the
// workspace's BridgePool alarm, a few documents at a time per bridge; all its state is the copies' rows
// in D1, so a restart of the Worker or the object only delays it. `auditIndex` asks a bridge which
// documents it really holds, so an index wiped behind the edge's back is noticed and filled again.
import { IndexContentsSchema } from "@coach/contracts/knowledge";
import type { PoolMember } from "../bridges/pool-members";
import { copiesDue, copiesInFlight, markMissingCopies } from "../db/bridge-copy-store";
import { forTenant } from "../db/tenant-gateway";
import { callBridgeIfReachable } from "../lib/bridge-client";
import { sendCopy } from "./bridge-ingest";
import { setCopy, startCopy } from "./bridge-copies";

/** Documents sent to one bridge and not settled yet, at most: it parses one file at a time anyway. */
export const BACKFILL_CONCURRENCY = 2;
/** A copy sent this long ago and still not ready (lost callback, bridge restarted) is sent again. */
export const RESEND_AFTER_MS = 10 * 60_000;
const AUDIT_TIMEOUT_MS = 10_000;
const MISSING_REASON = "The bridge's index no longer holds it; it is being copied again.";

type BackfillEnv = Pick<Env, "DB" | "FILES">;

/** Sends the next documents `member` lacks, keeping at most BACKFILL_CONCURRENCY in flight; how many went. */
export async function backfillStep(
  env: BackfillEnv,
  tenantId: string,
  member: PoolMember,
  requestId: string,
): Promise<number> {
  const since = Date.now() - RESEND_AFTER_MS;
  const inFlight = await copiesInFlight(env.DB, tenantId, member.id, since);
  const due = await copiesDue(env.DB, tenantId, member.id, since, BACKFILL_CONCURRENCY - inFlight);
  const gateway = forTenant(env.DB, tenantId);
  for (const row of due) {
    const original = row.r2Key ? await env.FILES.get(row.r2Key).then((o) => o?.bytes()) : undefined;
    if (original) {
      await sendCopy(gateway, row, member, original, requestId);
      continue;
    }
    // Counted as sent, so a lost original is looked for again only after RESEND_AFTER_MS.
    await startCopy(gateway, row.id, member.id);
    await setCopy(
      gateway,
      row.id,
      member.id,
      "failed",
      "The original file is missing from storage.",
    );
  }
  return due.length;
}

/**
 * Compares what `member` holds for the workspace (`GET /v1/index/:tenant_id`) with the copies the edge
 * counts as ready there, and marks the missing ones for the back-fill. Answers how many were missing,
 * or null when the bridge could not tell (down, or a version without the route).
 */
export async function auditIndex(
  env: BackfillEnv,
  tenantId: string,
  member: PoolMember,
  requestId: string,
): Promise<number | null> {
  const response = await callBridgeIfReachable(member.target, {
    method: "GET",
    // The request id makes each ask its own signed request: the same GET twice within a second
    // would be refused by the bridge as a replay.
    path: `/v1/index/${encodeURIComponent(tenantId)}?request_id=${encodeURIComponent(requestId)}`,
    requestId,
    timeoutMs: AUDIT_TIMEOUT_MS,
  });
  if (!response) return null;
  const contents = IndexContentsSchema.safeParse(await response.json().catch(() => null));
  if (!response.ok || !contents.success || contents.data.tenant_id !== tenantId) return null;
  return markMissingCopies(
    env.DB,
    tenantId,
    member.id,
    new Set(contents.data.document_ids),
    MISSING_REASON,
  );
}
