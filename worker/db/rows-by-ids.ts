// Rows a list names by id (the people of a page, the plans of an export batch), read in slices: D1 binds
// at most 100 parameters per query, and a page or an export batch may name up to 200 ids.
import { inArray } from "drizzle-orm";
import type { TenantGateway, TenantRow, TenantTableName } from "./tenant-gateway";

/** Ids per query: they and the tenant's own parameter stay under D1's 100. */
const IDS_PER_QUERY = 90;

/** Each row of `name` whose id is among `ids` and still exists, in no particular order. */
export async function rowsByIds<N extends TenantTableName>(
  gateway: TenantGateway,
  name: N,
  ids: Iterable<string>,
): Promise<TenantRow<N>[]> {
  const unique = [...new Set(ids)];
  const rows: TenantRow<N>[] = [];
  for (let at = 0; at < unique.length; at += IDS_PER_QUERY) {
    const slice = unique.slice(at, at + IDS_PER_QUERY);
    rows.push(
      ...(await gateway.list(name, {
        where: (t) => inArray(t.id, slice),
        limit: slice.length,
      })),
    );
  }
  return rows;
}
