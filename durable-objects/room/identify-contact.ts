// A widget visitor's `identify` frame: their name and email go on their contact, so the creator sees
// who they talk to.
import { forTenant } from "../../worker/db/tenant-gateway";
import type { RoomMeta } from "./room-meta";

export async function identifyContact(
  db: D1Database,
  meta: RoomMeta,
  name: string | undefined,
  email: string | undefined,
): Promise<void> {
  if (!meta.contactId || (name === undefined && email === undefined)) return;
  await forTenant(db, meta.tenantId).update("contacts", meta.contactId, {
    ...(name !== undefined ? { displayName: name } : {}),
    ...(email !== undefined ? { email } : {}),
  });
}
