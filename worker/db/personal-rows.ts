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
  appDevices,
  appLinkCodes,
  billingSubscriptions,
  billingUsage,
  channelDeliveries,
  coachingEvents,
  commitments,
  contactLinkCodes,
  contactLinks,
  contacts,
  conversationDays,
  conversations,
  enrollments,
  pushSubscriptions,
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

/** The names of a table's columns (its keys that are columns, not drizzle's own fields). */
type ColumnName<T> = { [K in keyof T]: T[K] extends AnySQLiteColumn ? K : never }[keyof T];

/** A table scoped by its own `tenant_id`, with the columns (by name) that hold the person's ids. */
function personal<T extends SQLiteTable & { tenantId: AnySQLiteColumn }>(
  table: T,
  keys: { contact?: ColumnName<T>[]; conversation?: ColumnName<T>[] },
): Required<PersonalTable> {
  const columns = (names: ColumnName<T>[] = []) =>
    names.map((name) => table[name] as AnySQLiteColumn);
  return {
    table,
    tenant: table.tenantId,
    contact: columns(keys.contact),
    conversation: columns(keys.conversation),
  };
}

/**
 * By SQL name, in the order erasure deletes them: conversations after everything that names them,
 * contacts last (conversations reference contacts).
 */
export const PERSONAL_TABLES = {
  question_gaps: personal(questionGaps, { conversation: ["conversationId"] }),
  channel_deliveries: personal(channelDeliveries, { conversation: ["conversationId"] }),
  conversation_days: personal(conversationDays, {
    contact: ["contactId"],
    conversation: ["conversationId"],
  }),
  answer_stats: personal(answerStats, { conversation: ["conversationId"] }),
  conversation_search: personal(conversationSearch, { conversation: ["conversationId"] }),
  commitments: personal(commitments, { contact: ["contactId"], conversation: ["conversationId"] }),
  coaching_events: personal(coachingEvents, { contact: ["contactId"] }),
  enrollments: personal(enrollments, { contact: ["contactId"] }),
  contact_links: personal(contactLinks, { contact: ["contactId", "linkedTo"] }),
  contact_link_codes: personal(contactLinkCodes, { contact: ["contactId"] }),
  app_link_codes: personal(appLinkCodes, { contact: ["contactId"] }),
  push_subscriptions: personal(pushSubscriptions, { contact: ["contactId"] }),
  app_devices: personal(appDevices, { contact: ["contactId"] }),
  billing_subscriptions: personal(billingSubscriptions, { contact: ["contactId"] }),
  billing_usage: personal(billingUsage, { contact: ["contactId"] }),
  conversations: personal(conversations, { contact: ["contactId"], conversation: ["id"] }),
  contacts: personal(contacts, { contact: ["id"] }),
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

/**
 * Deletes, in one atomic batch, the rows `where` picks in each personal table (a table it picks nothing
 * in is left alone); answers how many rows went. No `ids`: nothing to pick, nothing is sent.
 */
async function deletePersonalRowsWhere(
  d1: D1Database,
  ids: string[],
  where: (db: Database, spec: PersonalTable) => SQL | undefined,
): Promise<number> {
  if (ids.length === 0) return 0;
  const db = database(d1);
  const statements: BatchItem<"sqlite">[] = Object.values(PERSONAL_TABLES).flatMap(
    (spec: PersonalTable) => {
      const condition = where(db, spec);
      return condition ? [db.delete(spec.table).where(condition)] : [];
    },
  );
  const results = await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return results.reduce(
    (sum: number, result) => sum + ((result as D1Result).meta?.changes ?? 0),
    0,
  );
}

/** Deletes every personal row of the person's contacts in one atomic batch; answers how many rows went. */
export function erasePersonalRows(
  d1: D1Database,
  tenantId: string,
  contactIds: string[],
): Promise<number> {
  return deletePersonalRowsWhere(d1, contactIds, (db, spec) =>
    ownedBy(db, spec, tenantId, contactIds),
  );
}

/**
 * Deletes every row that names one of `conversationIds` (a conversation's retention ran out), in one
 * atomic batch; the person's contact and what is theirs beyond those conversations stay. Binds one
 * parameter per id, so callers pass a bounded batch.
 */
export function eraseConversationRows(
  d1: D1Database,
  tenantId: string,
  conversationIds: string[],
): Promise<number> {
  return deletePersonalRowsWhere(d1, conversationIds, (_db, spec) => {
    const columns = spec.conversation ?? [];
    if (columns.length === 0) return undefined;
    return and(eq(spec.tenant, tenantId), or(...columns.map((c) => inArray(c, conversationIds))));
  });
}
