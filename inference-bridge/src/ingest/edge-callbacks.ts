/**
 * Callbacks from the bridge to the edge, signed exactly like the edge's requests to the bridge
 * (`X-Bridge-Timestamp`, `X-Bridge-Signature: v1=…`). The target is the configured EDGE_CALLBACK_URL,
 * never anything taken from a request, so a caller cannot aim the bridge at another host. Every body is
 * distinct (a status carries its attempt and a growing `seq`, a question report its turn and attempt).
 */
import {
  MAX_PASSAGE_CHARS,
  MAX_PASSAGES_PER_CALLBACK,
  passagesCallbackPath,
  QUESTION_CALLBACK_PATH,
  REINDEX_CALLBACK_PATH,
  ReindexAcceptedSchema,
  statusCallbackPath,
  type IngestStatusCallback,
  type PassagesCallback,
  type QuestionReport,
  type ReindexRequest,
} from "@coach/contracts/knowledge";
import { signRequest } from "@coach/contracts/signature";
import type { Logger } from "../logger";

/** Tries per callback; the edge treats repeats as harmless, so a retry after a lost answer is safe. */
const ATTEMPTS = 3;
const TIMEOUT_MS = 10_000;

/** Sends signed callbacks to the edge: ingestion status, and questions answered poorly. */
export class EdgeCallbacks {
  constructor(
    private readonly baseUrl: string | undefined,
    private readonly secret: string,
    private readonly logger: Logger,
  ) {}

  /** Posts one ingestion status; failures are logged, never thrown (ingestion goes on regardless). */
  async send(status: IngestStatusCallback): Promise<void> {
    await this.post(statusCallbackPath(status.document_id), status, status.document_id);
  }

  /**
   * Sends a document's chunk texts to the edge in batches, so it can answer from them when no bridge
   * is up (its overflow to Workers AI). Best effort, like every callback: ingestion goes on regardless.
   */
  async sendPassages(
    document: { tenantId: string; documentId: string; attempt: number; bridgeId?: string },
    chunks: readonly {
      text: string;
      metadata: { chunk_index: number; section?: string; page?: number };
    }[],
  ): Promise<void> {
    for (let from = 0; from === 0 || from < chunks.length; from += MAX_PASSAGES_PER_CALLBACK) {
      const batch: PassagesCallback = {
        tenant_id: document.tenantId,
        document_id: document.documentId,
        attempt: document.attempt,
        ...(document.bridgeId ? { bridge_id: document.bridgeId } : {}),
        from,
        total: chunks.length,
        passages: chunks.slice(from, from + MAX_PASSAGES_PER_CALLBACK).map((chunk) => ({
          index: chunk.metadata.chunk_index,
          text: chunk.text.slice(0, MAX_PASSAGE_CHARS),
          ...(chunk.metadata.section ? { section: chunk.metadata.section.slice(0, 500) } : {}),
          ...(chunk.metadata.page !== undefined ? { page: chunk.metadata.page } : {}),
        })),
      };
      await this.post(passagesCallbackPath(document.documentId), batch, document.documentId);
    }
  }

  /** Reports a question that fell back or scored low. */
  async reportQuestion(report: QuestionReport): Promise<void> {
    await this.post(QUESTION_CALLBACK_PATH, report, report.turn_id);
  }

  /** Asks the edge to send a tenant's originals again; resolves to the documents it will send, or null. */
  async requestReindex(request: ReindexRequest): Promise<string[] | null> {
    const answer = await this.post(REINDEX_CALLBACK_PATH, request, request.tenant_id);
    const parsed = ReindexAcceptedSchema.safeParse(answer);
    return parsed.success ? parsed.data.document_ids : null;
  }

  /** Posts a signed callback; resolves to the edge's JSON answer when it accepted it, else null. */
  private async post(path: string, value: unknown, subject: string): Promise<unknown> {
    if (!this.baseUrl) return null;
    const body = JSON.stringify(value);
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        // Signed afresh per try: a retry made in the same second would otherwise look like a replay.
        const headers = await signRequest(this.secret, {
          method: "POST",
          pathWithQuery: path,
          body,
        });
        const response = await fetch(new URL(path, this.baseUrl), {
          method: "POST",
          headers: { ...headers, "Content-Type": "application/json" },
          body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        if (response.ok) return await response.json().catch(() => null);
        await response.body?.cancel();
        if (response.status >= 400 && response.status < 500) {
          this.logger.warn("callback refused", { path, subject, status: response.status });
          return null;
        }
      } catch (error) {
        this.logger.warn("callback failed", {
          path,
          subject,
          error: error instanceof Error ? error.message : String(error),
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 1100 * attempt));
    }
    return null;
  }
}
