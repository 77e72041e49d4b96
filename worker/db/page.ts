// Paging by offset, the one way every list of the edge pages: a query reads one row more than the page
// holds, so the page knows whether another follows without counting.

export type PageWindow = { limit: number; offset: number };
export type Page<Row> = { rows: Row[]; nextOffset: number | null };

/** The page in `rows`, read with `limit: window.limit + 1` from `window.offset`. */
export function pageOf<Row>(rows: Row[], window: PageWindow): Page<Row> {
  return {
    rows: rows.slice(0, window.limit),
    nextOffset: rows.length > window.limit ? window.offset + window.limit : null,
  };
}

/** A select that can still be limited and offset: any drizzle query before `.limit()`. */
type PageableQuery<Row> = { limit(limit: number): { offset(offset: number): PromiseLike<Row[]> } };

/** Runs `query` for the page at `window`. */
export async function readPage<Row>(
  query: PageableQuery<Row>,
  window: PageWindow,
): Promise<Page<Row>> {
  return pageOf(await query.limit(window.limit + 1).offset(window.offset), window);
}
