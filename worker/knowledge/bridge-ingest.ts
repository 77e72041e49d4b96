// Hands a document's original to every bridge of its workspace (signed, the bytes as the body, the
// bridge's id in the query so its callbacks name it) and records each copy's outcome: accepted stays
// `queued` until that bridge's callbacks move it on; a refused file becomes `failed` with the bridge's
// reason; an unreachable bridge leaves its copy `queued` with a note, and the back-fill sends it again
// once the bridge is back. The document's own status follows its copies (bridge-copies.ts).
import { loadPoolMembers, type PoolMember } from "../bridges/pool-members";
import type { TenantGateway, TenantRow } from "../db/tenant-gateway";
import { callBridge, type BridgeEnv } from "../lib/bridge-client";
import { AppError } from "../lib/errors";
import { createLogger } from "../lib/logger";
import { setCopy, settleDocument, startCopy } from "./bridge-copies";

const OFFLINE_REASON =
  "The coach's server is offline or busy; the document is sent again once it is back.";
const INGEST_TIMEOUT_MS = 60_000;

export type IngestEnv = BridgeEnv & Pick<Env, "FILES" | "DB" | "CHANNEL_SECRETS_KEY">;

/** The bridge's answer, or the error that kept the call from reaching it. */
async function send(
  target: BridgeEnv,
  row: TenantRow<"documents">,
  bridgeId: string,
  attempt: number,
  bytes: Uint8Array,
  requestId: string,
): Promise<Response | AppError> {
  const query = new URLSearchParams({
    kind: row.kind,
    title: row.title,
    attempt: String(attempt),
    bridge_id: bridgeId,
  });
  const path = `/v1/ingest/${encodeURIComponent(row.tenantId)}/${encodeURIComponent(row.id)}?${query.toString()}`;
  try {
    return await callBridge(target, {
      method: "POST",
      path,
      body: bytes,
      requestId,
      timeoutMs: INGEST_TIMEOUT_MS,
    });
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

/** Sends `row`'s original to one bridge and records what became of its copy there. */
export async function sendCopy(
  gateway: TenantGateway,
  row: TenantRow<"documents">,
  member: PoolMember,
  bytes: Uint8Array,
  requestId: string,
): Promise<void> {
  const attempt = await startCopy(gateway, row.id, member.id, row.ingestAttempt);
  const response = await send(member.target, row, member.id, attempt, bytes, requestId);
  if (response instanceof AppError) {
    // Access refusing the edge is a setting to fix, not an outage to wait out.
    const reason = response.code === "bridge_access_refused" ? response.message : OFFLINE_REASON;
    return setCopy(gateway, row.id, member.id, "queued", reason);
  }
  if (response.status === 202) {
    await response.body?.cancel();
    return;
  }
  if (
    response.status >= 400 &&
    response.status < 500 &&
    response.status !== 401 &&
    response.status !== 429
  ) {
    const body = (await response.json().catch(() => null)) as {
      error?: { message?: string };
    } | null;
    const reason = body?.error?.message ?? "The file could not be read.";
    return setCopy(gateway, row.id, member.id, "failed", reason);
  }
  await response.body?.cancel();
  return setCopy(gateway, row.id, member.id, "queued", OFFLINE_REASON);
}

/**
 * Starts a new ingestion attempt of `row` from its original in R2 at every bridge of the workspace;
 * `bytes` may be passed when the caller already holds them (a fresh upload). Returns the row as it
 * now stands.
 */
export async function requestIngest(
  env: IngestEnv,
  gateway: TenantGateway,
  row: TenantRow<"documents">,
  requestId: string,
  bytes?: Uint8Array,
): Promise<TenantRow<"documents">> {
  // Its passages are still indexed: starting over without the file would only lose them.
  if (!bytes && row.originalRemovedAt !== null) {
    throw new AppError(
      409,
      "original_removed",
      "The original file was removed by the workspace's retention, so it cannot be re-indexed; its passages still answer. Upload it again to re-index it.",
    );
  }
  const current = await gateway.update("documents", row.id, {
    status: "queued",
    statusReason: null,
    chunkCount: 0,
    ingestAttempt: row.ingestAttempt + 1,
    ingestSeq: 0,
    updatedAt: Date.now(),
  });
  const original =
    bytes ?? (row.r2Key ? await env.FILES.get(row.r2Key).then((o) => o?.bytes()) : undefined);
  if (!original) {
    return gateway.update("documents", row.id, {
      status: "failed",
      statusReason: "The original file is missing; upload it again.",
      updatedAt: Date.now(),
    });
  }
  const logger = createLogger({ component: "knowledge", request_id: requestId });
  const members = await loadPoolMembers(env, row.tenantId, logger);
  // Side by side: each bridge parses the file while the creator waits for the upload's answer.
  await Promise.all(
    members.map((member) => sendCopy(gateway, current, member, original, requestId)),
  );
  return settleDocument(
    gateway,
    row.id,
    members.map((member) => member.id),
  );
}
