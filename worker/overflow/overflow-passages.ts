// Retrieval for an overflow answer: a bridge's own search (`POST /v1/search`, its hybrid ranking) when
// one is up, since search is cheap next to generation; otherwise, or when that search fails, the edge's
// full-text copy of the workspace's chunks in D1 (worker/db/knowledge-passages.ts). Either way the
// answer comes back with citations shaped exactly as a bridge's answers carry them.
import type { Citation, ChunkMetadata } from "@coach/contracts/bridge";
import { z } from "zod";
import { searchPassages } from "../db/knowledge-passages";
import { callBridge, type BridgeEnv } from "../lib/bridge-client";
import { describeError, type Logger } from "../lib/logger";
import type { PromptPassage } from "./overflow-prompt";

/** A bridge that takes longer than this to search is not worth the wait: the edge's index answers. */
const BRIDGE_SEARCH_TIMEOUT_MS = 3_000;
const SNIPPET_CHARS = 200;

export type Retrieved = {
  passages: (PromptPassage & { citation: Citation })[];
  /** Where the passages came from, for the logs. */
  via: "bridge" | "edge_index";
  /** How sure retrieval is that the passages answer the question, 0..1. */
  confidence: number;
};

const SearchAnswerSchema = z.object({
  hits: z.array(
    z.object({
      chunk_id: z.string(),
      text: z.string(),
      score: z.number(),
      metadata: z.object({
        document_id: z.string(),
        title: z.string(),
        section: z.string().optional(),
        page: z.number().int().optional(),
      }) satisfies z.ZodType<Partial<ChunkMetadata>>,
    }),
  ),
});

async function viaBridge(
  target: BridgeEnv,
  tenantId: string,
  question: string,
  k: number,
  requestId: string,
): Promise<Retrieved> {
  const response = await callBridge(target, {
    method: "POST",
    path: "/v1/search",
    body: { tenant_id: tenantId, query: question, k },
    requestId,
    timeoutMs: BRIDGE_SEARCH_TIMEOUT_MS,
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`The bridge's search answered ${response.status}.`);
  }
  const { hits } = SearchAnswerSchema.parse(await response.json());
  return {
    via: "bridge",
    // Cosine similarity from the bridge's embedder, already filtered by its own threshold.
    confidence: Math.max(0, Math.min(1, hits[0]?.score ?? 0)),
    passages: hits.map((hit) => ({
      title: hit.metadata.title,
      section: hit.metadata.section ?? null,
      text: hit.text,
      citation: {
        chunk_id: hit.chunk_id,
        document_id: hit.metadata.document_id,
        title: hit.metadata.title,
        score: hit.score,
        ...(hit.metadata.page !== undefined ? { page: hit.metadata.page } : {}),
        ...(hit.metadata.section ? { section: hit.metadata.section } : {}),
        snippet: hit.text.slice(0, SNIPPET_CHARS),
      },
    })),
  };
}

async function viaEdgeIndex(
  db: D1Database,
  tenantId: string,
  question: string,
  k: number,
): Promise<Retrieved> {
  const found = await searchPassages(db, tenantId, question, k);
  return {
    via: "edge_index",
    // BM25 has no absolute scale: matching passages read as a middling certainty, none as none.
    confidence: found.length > 0 ? 0.5 : 0,
    passages: found.map((p) => ({
      title: p.title,
      section: p.section,
      text: p.text,
      citation: {
        chunk_id: `${p.documentId}#${p.chunkIndex}`,
        document_id: p.documentId,
        title: p.title,
        score: p.score,
        ...(p.page !== null ? { page: p.page } : {}),
        ...(p.section ? { section: p.section } : {}),
        snippet: p.text.slice(0, SNIPPET_CHARS),
      },
    })),
  };
}

/** The passages an overflow answer rests on, best first. */
export async function overflowPassages(options: {
  db: D1Database;
  tenantId: string;
  question: string;
  k: number;
  bridge: BridgeEnv | null;
  requestId: string;
  logger: Logger;
}): Promise<Retrieved> {
  const { db, tenantId, question, k, bridge } = options;
  if (bridge) {
    try {
      return await viaBridge(bridge, tenantId, question, k, options.requestId);
    } catch (err) {
      options.logger.warn("overflow: the bridge's search failed, using the edge's index", {
        ...describeError(err),
      });
    }
  }
  return viaEdgeIndex(db, tenantId, question, k);
}
