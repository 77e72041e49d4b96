// The one-row read every store makes: a query limited to one row, answered as that row or undefined.

/** A select that can still be limited: any drizzle query before `.limit()`. */
type LimitableQuery<Row> = { limit(limit: number): PromiseLike<Row[]> };

/** The first row `query` answers, or undefined when it answers none. */
export async function firstRow<Row>(query: LimitableQuery<Row>): Promise<Row | undefined> {
  const [row] = await query.limit(1);
  return row;
}
