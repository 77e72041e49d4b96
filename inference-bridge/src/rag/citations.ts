/**
 * Citations as clients receive them: one per passage the answer used, in the order of its numbers, so
 * the n-th citation is the source marked [n] in the text.
 */
import type { Citation } from "@coach/contracts/bridge";
import type { Passage } from "../backends/types";

/** Characters of a passage shown as a citation's snippet. */
const SNIPPET_CHARS = 200;

/** The citations of the passages an answer used, in citation order. */
export function citationsFor(passages: readonly Passage[]): Citation[] {
  return passages.map((p) => {
    const flat = p.text.replace(/\s+/g, " ").trim();
    return {
      chunk_id: p.chunkId,
      document_id: p.documentId,
      title: p.title,
      score: Math.round(p.score * 1000) / 1000,
      ...(p.page !== undefined ? { page: p.page } : {}),
      ...(p.section ? { section: p.section } : {}),
      snippet: flat.length > SNIPPET_CHARS ? `${flat.slice(0, SNIPPET_CHARS - 1)}…` : flat,
    };
  });
}
