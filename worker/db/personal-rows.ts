// Every D1 table that holds a person's data keyed by their contact or their conversations, and the one
// export and the one erasure of those rows. A contact's erasure ends here, in one batch, once every
// other store is done (see worker/auth/gdpr/contact-data.ts). A test scans the schema and fails when a
// table keyed by contact or conversation that holds text is missing from PERSONAL_TABLES, so a new
// table cannot quietly keep what a person wrote (the knowledge gaps once did).
import { and, eq, inArray, or, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { AnySQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { database, type Database } from "./client";
import { conversationSearch } from "./conversation-search";
import {
  answerStats,
  channelDeliveries,
  coachingEvents,
  commitments,
  contactLinkCodes,
  contactLinks,
  contacts,
  conversationDays,
  conversations,
  enrollments,
  questionGaps,
} from "./schema";

type PersonalTable = {
  table: SQLiteTable;
  tenant: AnySQLiteColumn;
  /** Columns that hold one of the person's contact ids. */
  contact?: AnySQLiteColumn[];
  /** Columns that hold one of the person's conversation ids. */
  conversation?: AnySQLiteColumn[];
};

/**
 * By SQL name, in the order erasure deletes them: conversations after everything that names them,
 * contacts last (conversations reference contacts).
 */
export const PERSONAL_TABLES = {
  question_gaps: {
    table: questionGaps,
    tenant: questionGaps.tenantId,
    conversation: [questionGaps.conversationId],
  },
  channel_deliveries: {
    table: channelDeliveries,
    tenant: channelDeliveries.tenantId,
    conversation: [channelDeliveries.conversationId],
  },
  conversation_days: {
    table: conversationDays,
    tenant: conversationDays.tenantId,
    contact: [conversationDays.contactId],
    conversation: [conversationDays.conversationId],
  },
  answer_stats: {
    table: answerStats,
    tenant: answerStats.tenantId,
    conversation: [answerStats.conversationId],
  },
  conversation_search: {
    table: conversationSearch,
    tenant: conversationSearch.tenantId,
    conversation: [conversationSearch.conversationId],
  },
  commitments: {
    table: commitments,
    tenant: commitments.tenantId,
    contact: [commitments.contactId],
    conversation: [commitments.conversationId],
  },
  coaching_events: {
    table: coachingEvents,
    tenant: coachingEvents.tenantId,
    contact: [coachingEvents.contactId],
  },
  enrollments: {
    table: enrollments,
    tenant: enrollments.tenantId,
    contact: [enrollments.contactId],
  },
  contact_links: {
    table: contactLinks,
    tenant: contactLinks.tenantId,
    contact: [contactLinks.contactId, contactLinks.linkedTo],
  },
  contact_link_codes: {
    table: contactLinkCodes,
    tenant: contactLinkCodes.tenantId,
    contact: [contactLinkCodes.contactId],
  },
  conversations: {
    table: conversations,
    tenant: conversations.tenantId,
    contact: [conversations.contactId],
    conversation: [conversations.id],
  },
  contacts: { table: contacts, tenant: contacts.tenantId, contact: [contacts.id] },
} satisfies Record<string, PersonalTable>;

export type PersonalTableName = keyof typeof PERSONAL_TABLES;

/**
 * The rows of `spec` that belong to the person. Conversations are found by their contact inside the
 * statement, so it binds only the (few) contact ids, never one parameter per conversation (D1 allows
 * 100), and a conversation opened while the erasure ran is not missed.
 */
function ownedBy(
  db: Database,
  spec: PersonalTable,
  tenantId: string,
  contactIds: string[],
): SQL | undefined {
  const theirConversations = db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.tenantId, tenantId), inArray(conversations.contactId, contactIds)));
  const terms = [
    ...(spec.contact ?? []).map((column) => inArray(column, contactIds)),
    ...(spec.conversation ?? []).map((column) => inArray(column, theirConversations)),
  ];
  return and(eq(spec.tenant, tenantId), or(...terms));
}

/** Every personal row of the person's contacts (a linked person's whole group), table by table. */
export async function exportPersonalRows(
  d1: D1Database,
  tenantId: string,
  contactIds: string[],
): Promise<Record<PersonalTableName, Record<string, unknown>[]>> {
  const db = database(d1);
  const entries = await Promise.all(
    (Object.entries(PERSONAL_TABLES) as [PersonalTableName, PersonalTable][]).map(
      async ([name, spec]) => {
        const rows = await db
          .select()
          .from(spec.table)
          .where(ownedBy(db, spec, tenantId, contactIds));
        return [name, rows as Record<string, unknown>[]] as const;
      },
    ),
  );
  return Object.fromEntries(entries) as Record<PersonalTableName, Record<string, unknown>[]>;
}

/** Deletes every personal row of the person's contacts in one atomic batch; answers how many rows went. */
export async function erasePersonalRows(
  d1: D1Database,
  tenantId: string,
  contactIds: string[],
): Promise<number> {
  if (contactIds.length === 0) return 0;
  const db = database(d1);
  const statements: BatchItem<"sqlite">[] = Object.values(PERSONAL_TABLES).map(
    (spec: PersonalTable) => db.delete(spec.table).where(ownedBy(db, spec, tenantId, contactIds)),
  );
  const results = await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return results.reduce(
    (sum: number, result) => sum + ((result as D1Result).meta?.changes ?? 0),
    0,
  );
}
