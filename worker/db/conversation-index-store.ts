// Writes what a conversation room reports in one batched index sync: the conversation's inbox row,
// its daily message counters, one row per new answer, and the full-text rows of new messages. One
// D1 batch (atomic) per sync, never a write per message or token.
import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { ChannelKind } from "./enums";
import { database } from "./client";
import { conversationSearch } from "./conversation-search";
import { answerStats, conversationDays, conversations } from "./schema";

export type ConversationIndexUpdate = {
  tenantId: string;
  conversationId: string;
  contactId: string | null;
  channel: ChannelKind;
  stats: {
    messageCount: number;
    lastMessageAt: number | null;
    lastPreview: string | null;
    lowConfidence: boolean;
  };
  days: { day: string; user: number; assistant: number; creator: number }[];
  answers: {
    seq: number;
    day: string;
    confidence: number | null;
    fallback: boolean;
    citations: { document_id: string; title: string }[];
    createdAt: number;
  }[];
  searchRows: { seq: number; body: string }[];
};

/**
 * D1 binds at most 100 parameters per statement and a search row binds 4, so a page of new messages
 * is inserted 25 rows at a time (within the one batch). One statement for the whole page failed every
 * sync of a conversation with more than 25 new messages, and kept failing, so it was never indexed.
 */
const SEARCH_ROWS_PER_INSERT = 25;

/** Applies one sync in a single batch. */
export async function writeConversationIndex(
  d1: D1Database,
  update: ConversationIndexUpdate,
): Promise<void> {
  const db = database(d1);
  const { tenantId, conversationId, contactId, channel } = update;
  const statements: BatchItem<"sqlite">[] = [
    db
      .insert(conversations)
      .values({ id: conversationId, tenantId, contactId, channel, ...update.stats })
      .onConflictDoUpdate({
        target: conversations.id,
        set: update.stats,
        setWhere: sql`${conversations.tenantId} = ${tenantId}`,
      }),
  ];
  for (const day of update.days) {
    const counts = {
      userMessages: day.user,
      assistantMessages: day.assistant,
      creatorMessages: day.creator,
    };
    statements.push(
      db
        .insert(conversationDays)
        .values({
          id: `${conversationId}:${day.day}`,
          tenantId,
          conversationId,
          contactId,
          channel,
          day: day.day,
          ...counts,
        })
        .onConflictDoUpdate({
          target: conversationDays.id,
          set: counts,
          setWhere: sql`${conversationDays.tenantId} = ${tenantId}`,
        }),
    );
  }
  for (const answer of update.answers) {
    statements.push(
      db
        .insert(answerStats)
        .values({ id: `${conversationId}:${answer.seq}`, tenantId, conversationId, ...answer })
        .onConflictDoNothing(),
    );
  }
  for (let i = 0; i < update.searchRows.length; i += SEARCH_ROWS_PER_INSERT) {
    const rows = update.searchRows.slice(i, i + SEARCH_ROWS_PER_INSERT);
    statements.push(
      db
        .insert(conversationSearch)
        .values(rows.map((row) => ({ tenantId, conversationId, ...row }))),
    );
  }
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
}
