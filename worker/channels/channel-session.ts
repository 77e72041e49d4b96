// A messaging-channel user's contact and open conversation in the channel's tenant, found or created
// as the web widget does for visitors. A contact is identified per channel kind by the platform's own
// user id (Telegram chat id, WhatsApp wa_id); every message refreshes `last_seen_at`, which is also the
// start of WhatsApp's 24-hour window.
import { and, desc, eq } from "drizzle-orm";
import { newId } from "../auth/secrets";
import type { ChannelKind } from "../db/enums";
import type { TenantGateway, TenantRow } from "../db/tenant-gateway";

export type ChannelUser = { kind: Exclude<ChannelKind, "web">; externalId: string; displayName: string | null };
export type ChannelSession = { contact: TenantRow<"contacts">; conversationId: string };

/** The user's contact, created on first contact; its last-seen time is refreshed. */
export async function findOrCreateContact(gateway: TenantGateway, user: ChannelUser): Promise<TenantRow<"contacts">> {
  const now = Date.now();
  const [known] = await gateway.list("contacts", {
    where: (t) => and(eq(t.channel, user.kind), eq(t.externalId, user.externalId)),
    limit: 1,
  });
  if (!known) {
    return gateway.insert("contacts", { id: newId(), channel: user.kind, externalId: user.externalId, displayName: user.displayName, lastSeenAt: now });
  }
  return gateway.update("contacts", known.id, { lastSeenAt: now });
}

/** The contact's latest open conversation on this channel kind, created as needed. */
export async function openChannelSession(gateway: TenantGateway, user: ChannelUser): Promise<ChannelSession> {
  const contact = await findOrCreateContact(gateway, user);
  const [open] = await gateway.list("conversations", {
    where: (t) => and(eq(t.contactId, contact.id), eq(t.channel, user.kind), eq(t.status, "open")),
    orderBy: (t) => desc(t.startedAt),
    limit: 1,
  });
  const conversation = open ?? (await gateway.insert("conversations", { id: newId(), contactId: contact.id, channel: user.kind }));
  return { contact, conversationId: conversation.id };
}

/** Closes the contact's open conversations, so the next message starts a new one (/reset). */
export async function closeOpenConversations(gateway: TenantGateway, contactId: string): Promise<number> {
  const open = await gateway.list("conversations", { where: (t) => and(eq(t.contactId, contactId), eq(t.status, "open")) });
  for (const conversation of open) await gateway.update("conversations", conversation.id, { status: "closed" });
  return open.length;
}
