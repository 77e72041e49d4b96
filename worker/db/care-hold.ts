// The hold on proactive messages to a contact whose message read as a crisis: set by the room that
// read it, checked before every proactive message, lifted when a member resolves the urgent flag.
import { eq } from "drizzle-orm";
import { forTenant } from "./tenant-gateway";

/** Holds (`at` a time) or releases (`at` null) proactive messages to `contactId`. */
export async function setCareHold(
  d1: D1Database,
  tenantId: string,
  contactId: string,
  at: number | null,
): Promise<void> {
  await forTenant(d1, tenantId).update("contacts", contactId, { careHoldAt: at });
}

/** Whether proactive messages to `contactId` are held (false for a contact that is gone). */
export async function onCareHold(
  d1: D1Database,
  tenantId: string,
  contactId: string,
): Promise<boolean> {
  const [contact] = await forTenant(d1, tenantId).list("contacts", {
    where: (t) => eq(t.id, contactId),
    limit: 1,
  });
  return contact?.careHoldAt != null;
}
