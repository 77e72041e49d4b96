// The people a list names (enrolments, members), read in slices: D1 binds at most 100 parameters per
// query, and a page or an export batch may name up to 200 contacts.
import type { PersonView } from "@coach/contracts/person-view";
import { inArray } from "drizzle-orm";
import type { TenantGateway } from "./tenant-gateway";

/** Contacts per query: the ids plus the tenant's own parameter stay under D1's 100. */
const CONTACTS_PER_QUERY = 90;

/** Each of `contactIds` that still exists, as the dashboard names people, by id. */
export async function peopleByIds(
  gateway: TenantGateway,
  contactIds: Iterable<string>,
): Promise<Map<string, PersonView>> {
  const ids = [...new Set(contactIds)];
  const people = new Map<string, PersonView>();
  for (let at = 0; at < ids.length; at += CONTACTS_PER_QUERY) {
    const slice = ids.slice(at, at + CONTACTS_PER_QUERY);
    const rows = await gateway.list("contacts", {
      where: (t) => inArray(t.id, slice),
      limit: slice.length,
    });
    for (const row of rows)
      people.set(row.id, {
        display_name: row.displayName,
        email: row.email,
        channel: row.channel,
        site: row.site,
      });
  }
  return people;
}
