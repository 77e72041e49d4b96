// Linked contacts: a person who links Telegram and WhatsApp keeps one canonical contact, and each other
// contact of theirs points at it (the codes that link them: one-time-codes.ts). Every query names the
// tenant, which the caller takes from the channel mapping, never from the user.
import { and, eq } from "drizzle-orm";
import { database } from "./client";
import { firstRow } from "./first-row";
import { contactLinks } from "./schema";

/** The contact whose conversations `contactId` continues: itself unless it was linked. */
export async function canonicalContactId(
  d1: D1Database,
  tenantId: string,
  contactId: string,
): Promise<string> {
  const link = and(eq(contactLinks.tenantId, tenantId), eq(contactLinks.contactId, contactId));
  const row = await firstRow(
    database(d1).select({ linkedTo: contactLinks.linkedTo }).from(contactLinks).where(link),
  );
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
