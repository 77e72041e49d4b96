/**
 * Retrieval step shared by chat and search: embed the query, ask the tenant's collection, keep the hits
 * at or above the similarity threshold.
 */
import type { SearchHit } from "@coach/contracts/bridge";
import type { ChromaStore } from "../backends/chroma";
import type { Embedder } from "../backends/types";

/** Returns the best `k` hits with `score >= minScore`, best first. */
export async function retrieve(
  deps: { embedder: Embedder; store: ChromaStore },
  query: { tenantId: string; text: string; k: number; minScore?: number },
  signal?: AbortSignal,
): Promise<SearchHit[]> {
  const [embedding] = await deps.embedder.embed([query.text], signal);
  if (!embedding) return [];
  const hits = await deps.store.query(query.tenantId, embedding, query.k);
  const minScore = query.minScore;
  return minScore === undefined ? hits : hits.filter((hit) => hit.score >= minScore);
}
