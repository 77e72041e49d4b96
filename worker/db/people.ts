// The people a list names (enrolments, members), as the dashboard shows them.
import type { PersonView } from "@coach/contracts/person-view";
import { rowsByIds } from "./rows-by-ids";
import type { TenantGateway } from "./tenant-gateway";

/** Each of `contactIds` that still exists, as the dashboard names people, by id. */
export async function peopleByIds(
  gateway: TenantGateway,
  contactIds: Iterable<string>,
): Promise<Map<string, PersonView>> {
  const rows = await rowsByIds(gateway, "contacts", contactIds);
  return new Map(
    rows.map((row) => [
      row.id,
      { display_name: row.displayName, email: row.email, channel: row.channel, site: row.site },
    ]),
  );
}
