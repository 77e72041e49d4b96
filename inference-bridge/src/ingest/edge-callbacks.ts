/**
 * Status callbacks from the bridge to the edge, signed exactly like the edge's requests to the bridge
 * (`X-Bridge-Timestamp`, `X-Bridge-Signature: v1=…`). The target is the configured EDGE_CALLBACK_URL,
 * never anything taken from a request, so a caller cannot aim the bridge at another host. Every body
 * carries the attempt and a growing `seq`, so no two callbacks are byte-identical.
 */
import { statusCallbackPath, type IngestStatusCallback } from "@coach/contracts/knowledge";
import { signRequest } from "@coach/contracts/signature";
import type { Logger } from "../logger";

/** Tries per callback; the edge treats repeats as harmless, so a retry after a lost answer is safe. */
const ATTEMPTS = 3;
const TIMEOUT_MS = 10_000;

/** Sends signed status callbacks to the edge. */
export class EdgeCallbacks {
  constructor(
    private readonly baseUrl: string | undefined,
    private readonly secret: string,
    private readonly logger: Logger,
  ) {}

  /** Posts one status; failures are logged, never thrown (ingestion goes on regardless). */
  async send(status: IngestStatusCallback): Promise<void> {
    if (!this.baseUrl) return;
    const path = statusCallbackPath(status.document_id);
    const body = JSON.stringify(status);
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        // Signed afresh per try: a retry made in the same second would otherwise look like a replay.
        const headers = await signRequest(this.secret, { method: "POST", pathWithQuery: path, body });
        const response = await fetch(new URL(path, this.baseUrl), {
          method: "POST",
          headers: { ...headers, "Content-Type": "application/json" },
          body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        await response.body?.cancel();
        if (response.ok || (response.status >= 400 && response.status < 500)) {
          if (!response.ok) this.logger.warn("status callback refused", { document_id: status.document_id, status: response.status });
          return;
        }
      } catch (error) {
        this.logger.warn("status callback failed", { document_id: status.document_id, error: error instanceof Error ? error.message : String(error) });
      }
      await new Promise((resolve) => setTimeout(resolve, 1100 * attempt));
    }
  }
}
