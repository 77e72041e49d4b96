// Hands a document's original to the bridge (signed, the bytes as the body) and records the outcome:
// accepted stays `queued` until the bridge's callbacks move it on; a refused file becomes `failed` with
// the bridge's reason; an unreachable bridge leaves it `queued` with a note, to be re-indexed later.
import { signRequest } from "@coach/contracts/signature";
import type { TenantGateway, TenantRow } from "../db/tenant-gateway";

const OFFLINE_REASON =
  "The coach's server is offline or busy; re-index the document once it is back.";
const INGEST_TIMEOUT_MS = 60_000;

type BridgeEnv = Pick<Env, "BRIDGE_URL" | "BRIDGE_SECRET" | "FILES">;

async function send(
  env: BridgeEnv,
  row: TenantRow<"documents">,
  attempt: number,
  bytes: Uint8Array,
  requestId: string,
): Promise<Response | null> {
  const query = new URLSearchParams({ kind: row.kind, title: row.title, attempt: String(attempt) });
  const path = `/v1/ingest/${encodeURIComponent(row.tenantId)}/${encodeURIComponent(row.id)}?${query.toString()}`;
  const headers = await signRequest(env.BRIDGE_SECRET, {
    method: "POST",
    pathWithQuery: path,
    body: bytes,
  });
  try {
    return await fetch(new URL(path, env.BRIDGE_URL), {
      method: "POST",
      headers: {
        ...headers,
        "Content-Type": "application/octet-stream",
        "X-Request-Id": requestId,
      },
      body: bytes,
      signal: AbortSignal.timeout(INGEST_TIMEOUT_MS),
    });
  } catch {
    return null;
  }
}

/**
 * Starts a new ingestion attempt of `row` from its original in R2; `bytes` may be passed when the
 * caller already holds them (a fresh upload). Returns the row as it now stands.
 */
export async function requestIngest(
  env: BridgeEnv,
  gateway: TenantGateway,
  row: TenantRow<"documents">,
  requestId: string,
  bytes?: Uint8Array,
): Promise<TenantRow<"documents">> {
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
  if (response?.status === 202) {
    await response.body?.cancel();
    return current;
  }
  if (
    response &&
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
  await response?.body?.cancel();
  return gateway.update("documents", row.id, {
    statusReason: OFFLINE_REASON,
    updatedAt: Date.now(),
  });
}
