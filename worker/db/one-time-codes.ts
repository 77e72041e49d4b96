// One-time codes a contact hands from one place to another (linking a channel, signing the companion
// app in), stored hashed: storing replaces the contact's earlier code, and taking a code deletes it in
// the same statement, so a code works once even when two redemptions race. Every query names the
// tenant, which the caller takes from the channel or the widget's public key, never from the code.
import { and, eq } from "drizzle-orm";
import { database } from "./client";
import { appLinkCodes, contactLinkCodes } from "./schema";

type CodeTable = typeof appLinkCodes | typeof contactLinkCodes;

/** The store of one kind of code. */
export interface OneTimeCodes {
  /** Stores a new code for the contact, replacing any earlier one. */
  store(
    d1: D1Database,
    tenantId: string,
    contactId: string,
    codeHash: string,
    expiresAt: number,
  ): Promise<void>;
  /** Takes the code out; the contact that issued it, or null when unknown here or expired. */
  take(d1: D1Database, tenantId: string, codeHash: string, now?: number): Promise<string | null>;
}

function oneTimeCodes(table: CodeTable): OneTimeCodes {
  return {
    async store(d1, tenantId, contactId, codeHash, expiresAt) {
      const db = database(d1);
      await db.batch([
        db.delete(table).where(and(eq(table.tenantId, tenantId), eq(table.contactId, contactId))),
        db.insert(table).values({ codeHash, tenantId, contactId, expiresAt }),
      ]);
    },
    async take(d1, tenantId, codeHash, now = Date.now()) {
      const [row] = await database(d1)
        .delete(table)
        .where(and(eq(table.tenantId, tenantId), eq(table.codeHash, codeHash)))
        .returning({ contactId: table.contactId, expiresAt: table.expiresAt });
      return row && row.expiresAt > now ? row.contactId : null;
    },
  };
}

/** Codes that link another channel of the same person (channel-linking.ts). */
export const channelLinkCodes = oneTimeCodes(contactLinkCodes);

/** Codes that sign the companion app in as a widget visitor (companion/app-link-codes.ts). */
export const appSignInCodes = oneTimeCodes(appLinkCodes);
