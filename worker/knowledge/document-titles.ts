// Citations with the documents' current titles. The bridge names a source by the title its chunks were
// stored with, and a stored answer keeps the title it was given with; after a creator renames a
// document, both may be stale. The edge's D1 row is the truth, so the edge swaps it in when it stores an
// answer and when it shows stored answers to the dashboard. Sources whose document has no row (the
// bridge knows documents the edge never recorded, e.g. material ingested directly) keep their title.
import { inArray } from "drizzle-orm";
import { forTenant } from "../db/tenant-gateway";

/** Ids per query: D1 allows 100 bound parameters, and the tenant condition takes one. */
const IDS_PER_QUERY = 90;

type Titled = { document_id: string; title: string };

/** The current title of each of `documentIds` that the tenant has a row for. */
export async function currentTitles(
  db: D1Database,
  tenantId: string,
  documentIds: Iterable<string>,
): Promise<Map<string, string>> {
  const ids = [...new Set(documentIds)];
  const titles = new Map<string, string>();
  const gateway = forTenant(db, tenantId);
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const batch = ids.slice(i, i + IDS_PER_QUERY);
    for (const row of await gateway.list("documents", { where: (t) => inArray(t.id, batch) }))
      titles.set(row.id, row.title);
  }
  return titles;
}

/** `sources` with each title replaced by the current one from `titles`, when there is one. */
export function retitled<T extends Titled>(sources: T[], titles: ReadonlyMap<string, string>): T[] {
  return sources.map((source) => {
    const title = titles.get(source.document_id);
    return title === undefined || title === source.title ? source : { ...source, title };
  });
}

/** Every item's `citations` with current titles, in one lookup for all of them. */
export async function withCurrentTitles<T extends { citations: Titled[] }>(
  db: D1Database,
  tenantId: string,
  items: T[],
): Promise<T[]> {
  const ids = items.flatMap((item) => item.citations.map((c) => c.document_id));
  if (ids.length === 0) return items;
  const titles = await currentTitles(db, tenantId, ids);
  return items.map((item) => ({ ...item, citations: retitled(item.citations, titles) }));
}
