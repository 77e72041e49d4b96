// Opens a widget visitor's session: finds or creates their contact and open conversation in the
// widget's tenant. A visitor id is honoured only if this tenant minted it before; anything else gets a
// fresh id, so nobody can adopt an id of their choosing.
import { VisitorIdSchema } from "@coach/contracts/widget";
import { and, desc, eq } from "drizzle-orm";
import { ensureContact } from "../db/ensure-contact";
import { newId, newSecret } from "../lib/ids";
import type { TenantGateway } from "../db/tenant-gateway";

export type VisitorSession = { visitorId: string; contactId: string; conversationId: string };

function newVisitorId(): string {
  return `v_${newSecret()}`;
}

async function findContact(gateway: TenantGateway, visitorId: string | undefined) {
  if (!visitorId || !VisitorIdSchema.safeParse(visitorId).success) return undefined;
  const [contact] = await gateway.list("contacts", {
    where: (t) => and(eq(t.channel, "web"), eq(t.externalId, visitorId)),
    limit: 1,
  });
  return contact;
}

/**
 * The host name of the page the widget was opened on, from the session request's Origin (already
 * checked against the widget's allowed origins): all a coach needs to recognise where someone came
 * from. Never a path or query, which could say more about the person than that.
 */
export function siteOf(origin: string): string | null {
  try {
    return new URL(origin).hostname || null;
  } catch {
    return null;
  }
}

/**
 * The visitor's contact and latest open web conversation, created as needed; `site` (see `siteOf`)
 * is kept from their first session, `locale` (the browser's language, when the widget sends one) from
 * their latest, as Telegram's `language_code` is for a Telegram user.
 */
export async function openVisitorSession(
  gateway: TenantGateway,
  requestedVisitorId: string | undefined,
  site: string | null,
  locale?: string,
): Promise<VisitorSession> {
  const now = Date.now();
  const known = await findContact(gateway, requestedVisitorId);
  const contact =
    known ??
    (await gateway.insert("contacts", {
      id: newId(),
      channel: "web",
      externalId: newVisitorId(),
      lastSeenAt: now,
      site,
      locale: locale ?? null,
    }));
  if (known)
    await gateway.update("contacts", known.id, {
      lastSeenAt: now,
      ...(known.site === null && site ? { site } : {}),
      ...(locale ? { locale } : {}),
    });

  const [open] = await gateway.list("conversations", {
    where: (t) => and(eq(t.contactId, contact.id), eq(t.status, "open")),
    orderBy: (t) => desc(t.startedAt),
    limit: 1,
  });
  const conversation =
    open ??
    (await gateway.insert("conversations", { id: newId(), contactId: contact.id, channel: "web" }));
  return { visitorId: contact.externalId, contactId: contact.id, conversationId: conversation.id };
}

/**
 * A member's test chat from the dashboard: one web contact per member (named after them, so the inbox
 * shows whose test it is) and a new conversation marked as a test each time, which the analytics and
 * the gaps leave out.
 */
export async function openTestSession(
  gateway: TenantGateway,
  member: { userId: string; name: string },
): Promise<VisitorSession> {
  const { contact } = await ensureContact(gateway, {
    channel: "web",
    externalId: `test_${member.userId}`,
    displayName: `Test chat: ${member.name}`,
  });
  const conversation = await gateway.insert("conversations", {
    id: newId(),
    contactId: contact.id,
    channel: "web",
    test: true,
  });
  return { visitorId: contact.externalId, contactId: contact.id, conversationId: conversation.id };
}

/**
 * Whether a visitor token's conversation still exists for its contact. Erasing the contact removes both
 * rows, so this is what revokes every token minted before the erasure (the room's own tombstone covers
 * the moments between the room's erasure and the rows').
 */
export async function visitorConversationLive(
  gateway: TenantGateway,
  conversationId: string,
  contactId: string,
): Promise<boolean> {
  const conversation = await gateway.find("conversations", conversationId);
  return conversation !== undefined && conversation.contactId === contactId;
}
