// The companion app of the people being coached: the devices a person signed in with (each holds a
// long-lived device token, stored only as a hash), the one-time codes that sign a device in, and the
// Web Push subscriptions their devices registered.
import { index, integer, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { contactId, createdAt, timestamps } from "./columns";
import { oneTimeCodeTable } from "./one-time-codes";
import { tenantTable } from "./tenants";

/** A device that signed in to the app as one contact; `token_hash` is SHA-256 (hex) of its token. */
export const appDevices = tenantTable(
  "app_devices",
  {
    contactId: contactId(),
    tokenHash: text("token_hash").notNull().unique(),
    /** What the person may recognise it by (the browser's platform), at most 80 characters. */
    label: text("label"),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at"),
  },
  (t) => [index("app_devices_tenant_contact").on(t.tenantId, t.contactId)],
);

/**
 * Short-lived, single-use codes that sign a device in to the app as `contact_id`, issued from the
 * widget or from a device already signed in; stored only as a hash of tenant and code. Reached only
 * through app-store.ts, which scopes every query by tenant.
 */
export const appLinkCodes = oneTimeCodeTable("app_link_codes");

/** A device's Web Push subscription (RFC 8030 endpoint, RFC 8291 keys as base64url). */
export const pushSubscriptions = tenantTable(
  "push_subscriptions",
  {
    contactId: contactId(),
    deviceId: text("device_id").notNull(),
    endpoint: text("endpoint").notNull(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    ...timestamps(),
  },
  (t) => [
    index("push_subscriptions_tenant_contact").on(t.tenantId, t.contactId),
    uniqueIndex("push_subscriptions_tenant_endpoint").on(t.tenantId, t.endpoint),
  ],
);
