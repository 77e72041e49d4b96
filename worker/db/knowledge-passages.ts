// The edge's own copy of a workspace's chunks: an FTS5 virtual table (migration 0016) written when the
// bridge reports a document's passages at ingestion, and searched by an overflow answer when no bridge
// is up to retrieve (BM25 over the passages' words). Like `conversation_search`, it is modelled here
// rather than in schema/ so drizzle-kit never tries to create it as a plain table, and every statement
// names the tenant: there is no query here that could read another workspace's passages.

/** One passage of a document as the bridge chunked it. */
export type Passage = {
  index: number;
  text: string;
  section?: string | undefined;
  page?: number | undefined;
};

/** A passage found for a question, with its rank (BM25, higher is better here). */
export type FoundPassage = {
  documentId: string;
  chunkIndex: number;
  title: string;
  section: string | null;
  page: number | null;
  text: string;
  score: number;
};

/** Words a question is searched by: at most 16, each quoted (no FTS operators from people), any may match. */
export function passageQuery(question: string): string | null {
  const words = (question.match(/[\p{L}\p{N}]{3,}/gu) ?? []).slice(0, 16);
  return words.length ? words.map((w) => `"${w}"`).join(" OR ") : null;
}

/**
 * Writes a batch of a document's passages. The first batch of an ingestion (`replace`) drops what an
 * earlier ingestion left, in the same batch, so the index never mixes two versions of a document.
 */
export async function writePassages(
  d1: D1Database,
  tenantId: string,
  document: { id: string; title: string },
  passages: Passage[],
  replace: boolean,
): Promise<void> {
  const statements = passages.map((p) =>
    d1
      .prepare(
        "INSERT INTO knowledge_passages (tenant_id, document_id, chunk_index, title, section, page, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
      )
      .bind(
        tenantId,
        document.id,
        p.index,
        document.title,
        p.section ?? null,
        p.page ?? null,
        p.text,
      ),
  );
  // A passage sent again (a replayed callback) replaces its earlier copy rather than doubling it.
  const stale = replace
    ? [deleteDocumentStatement(d1, tenantId, document.id)]
    : passages.map((p) =>
        d1
          .prepare(
            "DELETE FROM knowledge_passages WHERE tenant_id = ? AND document_id = ? AND chunk_index = ?",
          )
          .bind(tenantId, document.id, p.index),
      );
  await d1.batch([...stale, ...statements]);
}

function deleteDocumentStatement(d1: D1Database, tenantId: string, documentId: string) {
  return d1
    .prepare("DELETE FROM knowledge_passages WHERE tenant_id = ? AND document_id = ?")
    .bind(tenantId, documentId);
}

/** Forgets a deleted document's passages. */
export async function deleteDocumentPassages(
  d1: D1Database,
  tenantId: string,
  documentId: string,
): Promise<void> {
  await deleteDocumentStatement(d1, tenantId, documentId).run();
}

/** The statement that forgets every passage of a workspace, for its erasure's batch. */
export function deleteWorkspacePassages(d1: D1Database, tenantId: string): D1PreparedStatement {
  return d1.prepare("DELETE FROM knowledge_passages WHERE tenant_id = ?").bind(tenantId);
}

type PassageRow = {
  document_id: string;
  chunk_index: number;
  title: string;
  section: string | null;
  page: number | null;
  body: string;
  rank: number;
};

/** The workspace's `k` passages that best match `question`, best first; none when no word matches. */
export async function searchPassages(
  d1: D1Database,
  tenantId: string,
  question: string,
  k: number,
): Promise<FoundPassage[]> {
  const match = passageQuery(question);
  if (!match) return [];
  const { results } = await d1
    .prepare(
      "SELECT document_id, chunk_index, title, section, page, body, bm25(knowledge_passages) AS rank FROM knowledge_passages WHERE knowledge_passages MATCH ? AND tenant_id = ? ORDER BY rank LIMIT ?",
    )
    .bind(match, tenantId, k)
    .all<PassageRow>();
  return results.map((row) => ({
    documentId: row.document_id,
    chunkIndex: Number(row.chunk_index),
    title: row.title,
    section: row.section,
    page: row.page === null ? null : Number(row.page),
    text: row.body,
    // bm25() is lower for better matches; negated so a higher score means a better passage, as elsewhere.
    score: -row.rank,
  }));
}
