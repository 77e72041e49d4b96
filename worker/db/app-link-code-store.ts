// The companion app's one-time sign-in codes, hashed: stored for a contact (replacing their earlier
// one) and taken out on redemption, so a code works once. Every query names the tenant, which the
// caller takes from the widget's public key or the signed-in device, never from the code.
import { and, eq } from "drizzle-orm";
import { database } from "./client";
import { appLinkCodes } from "./schema";

/** Stores a new code for the contact, replacing any earlier one. */
export async function storeAppLinkCode(
  d1: D1Database,
  tenantId: string,
  contactId: string,
  codeHash: string,
  expiresAt: number,
): Promise<void> {
  const db = database(d1);
  await db.batch([
    db
      .delete(appLinkCodes)
      .where(and(eq(appLinkCodes.tenantId, tenantId), eq(appLinkCodes.contactId, contactId))),
    db.insert(appLinkCodes).values({ codeHash, tenantId, contactId, expiresAt }),
  ]);
}

/** Takes the code out (a second redemption finds nothing); the contact it signs in, or null. */
export async function takeAppLinkCode(
  d1: D1Database,
  tenantId: string,
  codeHash: string,
  now = Date.now(),
): Promise<string | null> {
  const [row] = await database(d1)
    .delete(appLinkCodes)
    .where(and(eq(appLinkCodes.tenantId, tenantId), eq(appLinkCodes.codeHash, codeHash)))
    .returning({ contactId: appLinkCodes.contactId, expiresAt: appLinkCodes.expiresAt });
  return row && row.expiresAt > now ? row.contactId : null;
}
