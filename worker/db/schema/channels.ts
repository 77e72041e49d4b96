// Where a creator's users reach the assistant: the web widget, the messaging channels and what they
// delivered, and one person's linked contacts across Telegram and WhatsApp.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { channelKinds } from "../enums";
import { createdAt, status, timestamps } from "./columns";
import { oneTimeCodeTable } from "./one-time-codes";
import { indexedTenantTable, tenantId, tenantTable } from "./tenants";

/** The embeddable web widget of a workspace: its public key, allowed origins and look. */
export const widgets = indexedTenantTable("widgets", {
  publicKey: text("public_key").notNull().unique(),
  allowedOrigins: text("allowed_origins", { mode: "json" }).$type<string[]>().notNull(),
  settings: text("settings", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  ...timestamps(),
});

/** A connected messaging channel (a Telegram bot, a WhatsApp number); secrets stay encrypted. */
export const channels = tenantTable(
  "channels",
  {
    kind: text("kind", { enum: channelKinds }).notNull(),
    status: status(["active", "error", "disconnected"], "active"),
    externalId: text("external_id"),
    configEncrypted: text("config_encrypted"),
    lastError: text("last_error"),
    lastMessageAt: integer("last_message_at"),
    // SHA-256 (hex) of the webhook secret the platform sends back (Telegram's secret_token, WhatsApp's
    // verify token): checked on every webhook without decrypting the config.
    webhookSecretHash: text("webhook_secret_hash"),
    ...timestamps(),
  },
  (t) => [
    index("channels_tenant").on(t.tenantId),
    uniqueIndex("channels_kind_external").on(t.kind, t.externalId),
  ],
);

/**
 * Webhook events already accepted (Telegram update ids, WhatsApp message and status ids), so a
 * redelivery has no effect. Rows expire after at least seven days; reached only through
 * channel-directory.ts, which looks channels up before the tenant is known.
 */
export const channelEvents = sqliteTable(
  "channel_events",
  {
    key: text("key").primaryKey(),
    channelId: text("channel_id").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("channel_events_expiry").on(t.expiresAt)],
);

/** Our outbound messages on a channel and the delivery status the platform last reported for them. */
export const channelDeliveries = tenantTable(
  "channel_deliveries",
  {
    channelId: text("channel_id").notNull(),
    conversationId: text("conversation_id").notNull(),
    seq: integer("seq").notNull(),
    status: status(["sent", "delivered", "read", "failed"], "sent"),
    error: text("error"),
    ...timestamps(),
  },
  (t) => [index("channel_deliveries_conversation").on(t.tenantId, t.conversationId, t.seq)],
);

/**
 * A contact that speaks for another (the canonical contact of a person who linked their channels):
 * its messages continue the canonical contact's conversation. Reached only through
 * contact-links.ts, which scopes every query by tenant.
 */
export const contactLinks = sqliteTable(
  "contact_links",
  {
    contactId: text("contact_id").primaryKey(),
    tenantId: tenantId(),
    linkedTo: text("linked_to").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("contact_links_tenant_linked_to").on(t.tenantId, t.linkedTo)],
);

/** Short-lived, single-use link codes, stored only as a hash of tenant and code. */
export const contactLinkCodes = oneTimeCodeTable("contact_link_codes");
