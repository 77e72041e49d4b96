// The conversations inbox: the tenant's conversations with their contact, filtered by channel, the
// needs-human, urgent and takeover flags, and a search over contact name, email, external id and message
// text (the FTS5 table `conversation_search`, fed by the rooms' batched index sync).
import { and, desc, eq, or, sql, type SQL } from "drizzle-orm";
import type { ChannelKind } from "./enums";
import { database } from "./client";
import { conversationsMatching, ftsQuery } from "./conversation-search";
import { firstRow } from "./first-row";
import { contacts, conversations } from "./schema";
import { readPage, type Page } from "./page";

export type InboxFilter = {
  q?: string;
  channel?: ChannelKind;
  needsHuman?: boolean;
  /** Only conversations with (true) or without (false) an unresolved crisis flag. */
  urgent?: boolean;
  /** Only members' test chats (true), or none of them (false). */
  test?: boolean;
  takenOver?: boolean;
  limit: number;
  offset: number;
};

export type InboxRow = {
  conversation: typeof conversations.$inferSelect;
  contact: typeof contacts.$inferSelect | null;
};

/** `%q%` for LIKE, with LIKE's own wildcards escaped. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

function searchCondition(tenantId: string, q: string): SQL | undefined {
  const pattern = likePattern(q.trim());
  const contactMatch = or(
    sql`${contacts.displayName} LIKE ${pattern} ESCAPE '\\'`,
    sql`${contacts.email} LIKE ${pattern} ESCAPE '\\'`,
    sql`${contacts.externalId} LIKE ${pattern} ESCAPE '\\'`,
    eq(conversations.id, q.trim()),
  );
  const match = ftsQuery(q);
  if (!match) return contactMatch;
  const textMatch = sql`${conversations.id} IN (${conversationsMatching(tenantId, match)})`;
  return or(contactMatch, textMatch);
}

function scope(tenantId: string, filter: Partial<InboxFilter> & { id?: string }): SQL {
  return and(
    eq(conversations.tenantId, tenantId),
    filter.id !== undefined ? eq(conversations.id, filter.id) : undefined,
    filter.channel ? eq(conversations.channel, filter.channel) : undefined,
    filter.needsHuman !== undefined ? eq(conversations.needsHuman, filter.needsHuman) : undefined,
    filter.test !== undefined ? eq(conversations.test, filter.test) : undefined,
    filter.urgent === true ? sql`${conversations.urgentAt} IS NOT NULL` : undefined,
    filter.urgent === false ? sql`${conversations.urgentAt} IS NULL` : undefined,
    filter.takenOver === true ? sql`${conversations.takenOverAt} IS NOT NULL` : undefined,
    filter.takenOver === false ? sql`${conversations.takenOverAt} IS NULL` : undefined,
    filter.q?.trim() ? searchCondition(tenantId, filter.q) : undefined,
  ) as SQL;
}

function select(d1: D1Database) {
  return database(d1)
    .select({ conversation: conversations, contact: contacts })
    .from(conversations)
    .leftJoin(
      contacts,
      and(eq(contacts.id, conversations.contactId), eq(contacts.tenantId, conversations.tenantId)),
    );
}

/** One page of the inbox, most recent activity first, and the offset of the next page. */
export async function listInbox(
  d1: D1Database,
  tenantId: string,
  filter: InboxFilter,
): Promise<Page<InboxRow>> {
  // The test chat opens a conversation each time it is shown; one nobody wrote in yet is not listed.
  const notEmptyTest = sql`NOT (${conversations.test} AND ${conversations.lastMessageAt} IS NULL)`;
  const query = select(d1)
    .where(and(scope(tenantId, filter), notEmptyTest))
    .orderBy(
      desc(sql`coalesce(${conversations.lastMessageAt}, ${conversations.startedAt})`),
      desc(conversations.id),
    );
  return readPage(query, filter);
}

/** One conversation of the tenant with its contact, or undefined (missing or another tenant's). */
export function findInboxConversation(
  d1: D1Database,
  tenantId: string,
  id: string,
): Promise<InboxRow | undefined> {
  return firstRow(select(d1).where(scope(tenantId, { id })));
}
