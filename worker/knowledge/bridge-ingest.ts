// Hands a document's original to the bridge (signed, the bytes as the body) and records the outcome:
// accepted stays `queued` until the bridge's callbacks move it on; a refused file becomes `failed` with
// the bridge's reason; an unreachable bridge leaves it `queued` with a note, to be re-indexed later.
import type { TenantGateway, TenantRow } from "../db/tenant-gateway";
import { callBridge, type BridgeEnv } from "../lib/bridge-client";
import { AppError } from "../lib/errors";

const OFFLINE_REASON =
  "The coach's server is offline or busy; re-index the document once it is back.";
const INGEST_TIMEOUT_MS = 60_000;

type IngestEnv = BridgeEnv & Pick<Env, "FILES">;

/** The bridge's answer, or the error that kept the call from reaching it. */
async function send(
  env: IngestEnv,
  row: TenantRow<"documents">,
  attempt: number,
  bytes: Uint8Array,
  requestId: string,
): Promise<Response | AppError> {
  const query = new URLSearchParams({ kind: row.kind, title: row.title, attempt: String(attempt) });
  const path = `/v1/ingest/${encodeURIComponent(row.tenantId)}/${encodeURIComponent(row.id)}?${query.toString()}`;
  try {
    return await callBridge(env, {
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

/**
 * Starts a new ingestion attempt of `row` from its original in R2; `bytes` may be passed when the
 * caller already holds them (a fresh upload). Returns the row as it now stands.
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
  const attempt = row.ingestAttempt + 1;
  const reset = {
    status: "queued",
    statusReason: null,
    chunkCount: 0,
    ingestAttempt: attempt,
    ingestSeq: 0,
    updatedAt: Date.now(),
  } as const;
  let current = await gateway.update("documents", row.id, reset);
  const original =
    bytes ?? (row.r2Key ? await env.FILES.get(row.r2Key).then((o) => o?.bytes()) : undefined);
  if (!original) {
    return gateway.update("documents", row.id, {
      status: "failed",
      statusReason: "The original file is missing; upload it again.",
      updatedAt: Date.now(),
    });
  }
  const response = await send(env, current, attempt, original, requestId);
  if (response instanceof AppError) {
    return gateway.update("documents", row.id, {
      // Access refusing the edge is a setting to fix, not an outage to wait out.
      statusReason: response.code === "bridge_access_refused" ? response.message : OFFLINE_REASON,
      updatedAt: Date.now(),
    });
  }
  if (response.status === 202) {
    await response.body?.cancel();
    return current;
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
    current = await gateway.update("documents", row.id, {
      status: "failed",
      statusReason: body?.error?.message ?? "The file could not be read.",
      updatedAt: Date.now(),
    });
    return current;
  }
  await response.body?.cancel();
  return gateway.update("documents", row.id, {
    statusReason: OFFLINE_REASON,
    updatedAt: Date.now(),
  });
}
