// A person's Web Push subscriptions: one per signed-in device (a device that subscribes again
// replaces its own), at most MAX_SUBSCRIPTIONS_PER_CONTACT per contact (the oldest gives way), and
// removed when the device unsubscribes or its push service says it is gone.
import type { PushSubscriptionInput } from "@coach/contracts/companion-app";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { TenantGateway, TenantRow } from "../db/tenant-gateway";
import { newId } from "../lib/ids";

/** Devices per person that can be reached by push; a new one past this replaces the least recent. */
export const MAX_SUBSCRIPTIONS_PER_CONTACT = 10;

/** Stores the device's subscription (replacing its earlier one and any row with the same endpoint). */
export async function saveSubscription(
  gateway: TenantGateway,
  device: { id: string; contactId: string },
  input: PushSubscriptionInput,
): Promise<TenantRow<"pushSubscriptions">> {
  const earlier = await gateway.list("pushSubscriptions", {
    where: (t) => or(eq(t.deviceId, device.id), eq(t.endpoint, input.endpoint)),
  });
  for (const row of earlier) await gateway.remove("pushSubscriptions", row.id);
  const theirs = await gateway.list("pushSubscriptions", {
    where: (t) => eq(t.contactId, device.contactId),
    orderBy: (t) => asc(t.updatedAt),
  });
  for (const row of theirs.slice(0, Math.max(0, theirs.length - MAX_SUBSCRIPTIONS_PER_CONTACT + 1)))
    await gateway.remove("pushSubscriptions", row.id);
  return gateway.insert("pushSubscriptions", {
    id: newId(),
    contactId: device.contactId,
    deviceId: device.id,
    endpoint: input.endpoint,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
  });
}

/** Removes the device's subscription with `endpoint`; answers whether there was one. */
export async function removeSubscription(
  gateway: TenantGateway,
  deviceId: string,
  endpoint: string,
): Promise<boolean> {
  const rows = await gateway.list("pushSubscriptions", {
    where: (t) => and(eq(t.deviceId, deviceId), eq(t.endpoint, endpoint)),
  });
  for (const row of rows) await gateway.remove("pushSubscriptions", row.id);
  return rows.length > 0;
}

/** Every subscription of the given contacts (a person's linked contacts). */
export function subscriptionsOf(
  gateway: TenantGateway,
  contactIds: string[],
): Promise<TenantRow<"pushSubscriptions">[]> {
  return gateway.list("pushSubscriptions", { where: (t) => inArray(t.contactId, contactIds) });
}
