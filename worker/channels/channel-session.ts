// A messaging-channel user's contact and open conversation in the channel's tenant, found or created
// as the web widget does for visitors. A contact is identified per channel kind by the platform's own
// user id (Telegram chat id, WhatsApp wa_id); every message refreshes `last_seen_at`, which is also the
// start of WhatsApp's 24-hour window, and clears `unreachable_at`. A contact that was linked continues its canonical contact's
// conversation. The language the platform reports (Telegram's `language_code`) is kept as the contact's
// `locale`, so what is sent later without a message to answer (check-ins, nudges) is in it too.
import { and, eq } from "drizzle-orm";
import { canonicalContactId } from "../db/contact-links";
import { ensureContact } from "../db/ensure-contact";
import type { ChannelKind } from "../db/enums";
import { openConversationOf } from "../db/open-conversation";
import { forTenant, type TenantGateway, type TenantRow } from "../db/tenant-gateway";

export type ChannelUser = {
  kind: Exclude<ChannelKind, "web">;
  externalId: string;
  displayName: string | null;
  /** The person's language as their platform reports it, when it does (Telegram). */
  locale?: string | null;
};
/**
 * `contact` is the user on this channel; `canonicalContactId` the contact whose conversation they
 * continue (the same one unless they linked their channels, see channel-linking.ts).
 */
export type ChannelSession = {
  contact: TenantRow<"contacts">;
  canonicalContactId: string;
  conversationId: string;
};

/** The user's contact, created on first contact; its last-seen time is refreshed. */
export async function findOrCreateContact(
  gateway: TenantGateway,
  user: ChannelUser,
): Promise<TenantRow<"contacts">> {
  const { contact, created } = await ensureContact(gateway, {
    channel: user.kind,
    externalId: user.externalId,
    displayName: user.displayName,
    locale: user.locale ?? null,
  });
  if (created) return contact;
  // Someone who writes can be written to again, whatever the platform refused before.
  return gateway.update("contacts", contact.id, {
    lastSeenAt: Date.now(),
    unreachableAt: null,
    unreachableReason: null,
    ...(user.locale ? { locale: user.locale } : {}),
  });
}

/**
 * The latest open conversation of the user's canonical contact, on whichever channel it began (so a
 * linked person continues one conversation), created on this channel as needed.
 */
export async function openChannelSession(
  d1: D1Database,
  tenantId: string,
  user: ChannelUser,
): Promise<ChannelSession> {
  const gateway = forTenant(d1, tenantId);
  const contact = await findOrCreateContact(gateway, user);
  const canonicalId = await canonicalContactId(d1, tenantId, contact.id);
  const conversation = await openConversationOf(gateway, canonicalId, user.kind);
  return { contact, canonicalContactId: canonicalId, conversationId: conversation.id };
}

/** Closes the contact's open conversations, so the next message starts a new one (/reset). */
export async function closeOpenConversations(
  gateway: TenantGateway,
  contactId: string,
): Promise<number> {
  const open = await gateway.list("conversations", {
    where: (t) => and(eq(t.contactId, contactId), eq(t.status, "open")),
  });
  for (const conversation of open)
    await gateway.update("conversations", conversation.id, { status: "closed" });
  return open.length;
}
