// Linked contacts: a person who links Telegram and WhatsApp keeps one canonical contact, and each other
// contact of theirs points at it. Also keeps the short-lived link codes (hashed). Every query names the
// tenant, which the caller takes from the channel mapping, never from the user.
import { and, eq } from "drizzle-orm";
import { database } from "./client";
import { contactLinkCodes, contactLinks } from "./schema";

/** The contact whose conversations `contactId` continues: itself unless it was linked. */
export async function canonicalContactId(
  d1: D1Database,
  tenantId: string,
  contactId: string,
): Promise<string> {
  const [row] = await database(d1)
    .select({ linkedTo: contactLinks.linkedTo })
    .from(contactLinks)
    .where(and(eq(contactLinks.tenantId, tenantId), eq(contactLinks.contactId, contactId)))
    .limit(1);
  return row?.linkedTo ?? contactId;
}

/** The person's contacts: the canonical one first, then every contact linked to it. */
export async function linkGroup(
  d1: D1Database,
  tenantId: string,
  contactId: string,
): Promise<string[]> {
  const canonical = await canonicalContactId(d1, tenantId, contactId);
  const linked = await database(d1)
    .select({ contactId: contactLinks.contactId })
    .from(contactLinks)
    .where(and(eq(contactLinks.tenantId, tenantId), eq(contactLinks.linkedTo, canonical)));
  return [canonical, ...linked.map((r) => r.contactId)];
}

/** Stores a new code for the contact, replacing any earlier one. */
export async function storeLinkCode(
  d1: D1Database,
  tenantId: string,
  contactId: string,
  codeHash: string,
  expiresAt: number,
): Promise<void> {
  const db = database(d1);
  await db.batch([
    db
      .delete(contactLinkCodes)
      .where(
        and(eq(contactLinkCodes.tenantId, tenantId), eq(contactLinkCodes.contactId, contactId)),
      ),
    db.insert(contactLinkCodes).values({ codeHash, tenantId, contactId, expiresAt }),
  ]);
}

/**
 * Takes a code out of the store (single use: a concurrent second redemption finds nothing) and
 * answers the contact that issued it, or null when it is unknown in this tenant or has expired.
 */
export async function takeLinkCode(
  d1: D1Database,
  tenantId: string,
  codeHash: string,
  now = Date.now(),
): Promise<string | null> {
  const [row] = await database(d1)
    .delete(contactLinkCodes)
    .where(and(eq(contactLinkCodes.tenantId, tenantId), eq(contactLinkCodes.codeHash, codeHash)))
    .returning({ contactId: contactLinkCodes.contactId, expiresAt: contactLinkCodes.expiresAt });
  return row && row.expiresAt > now ? row.contactId : null;
}

/**
 * Links `contactId` (and every contact that pointed at it) to `canonicalId`, so links never chain.
 * One batch: the links change together or not at all.
 */
export async function linkContact(
  d1: D1Database,
  tenantId: string,
  contactId: string,
  canonicalId: string,
): Promise<void> {
  const db = database(d1);
  await db.batch([
    db
      .update(contactLinks)
      .set({ linkedTo: canonicalId })
      .where(and(eq(contactLinks.tenantId, tenantId), eq(contactLinks.linkedTo, contactId))),
    db
      .insert(contactLinks)
      .values({ contactId, tenantId, linkedTo: canonicalId })
      .onConflictDoUpdate({ target: contactLinks.contactId, set: { linkedTo: canonicalId } }),
  ]);
}
