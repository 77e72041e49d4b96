// The workspace's analytics, read from the counters the conversation rooms write in their batched
// index sync (conversation_days, answer_stats): activity per day, messages by author, answer
// confidence, the most cited documents (under their current titles) and the channel split.
import { and, between, countDistinct, eq, sql, sum } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Analytics } from "@coach/contracts/content-views";
import { maskPersonalData } from "@coach/contracts/personal-data";
import { database } from "./client";
import { answerStats, conversationDays, conversations, documents as documentRows } from "./schema";

/** Confidence buckets of answers (fallbacks are counted apart). */
export const CONFIDENCE_BUCKETS = [
  { min: 0, max: 0.25 },
  { min: 0.25, max: 0.5 },
  { min: 0.5, max: 0.75 },
  { min: 0.75, max: 1 },
] as const;

const TOP_DOCUMENTS = 10;

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Analytics of the UTC days `from`..`to` (YYYY-MM-DD, inclusive). */
export async function workspaceAnalytics(
  d1: D1Database,
  tenantId: string,
  from: string,
  to: string,
): Promise<Analytics> {
  const db = database(d1);
  // Members' test chats from the dashboard are not the workspace's activity.
  const tests = sql`(SELECT ${conversations.id} FROM ${conversations} WHERE ${conversations.tenantId} = ${tenantId} AND ${conversations.test} = 1)`;
  const inDays = and(
    eq(conversationDays.tenantId, tenantId),
    between(conversationDays.day, from, to),
    sql`${conversationDays.conversationId} NOT IN ${tests}`,
  );
  const inAnswers = and(
    eq(answerStats.tenantId, tenantId),
    between(answerStats.day, from, to),
    sql`${answerStats.conversationId} NOT IN ${tests}`,
  );
  const total = (column: AnySQLiteColumn) =>
    sql<number>`coalesce(${sum(column)}, 0)`.mapWith(Number);

  const [perDay, totals, channels, buckets, documents] = await Promise.all([
    db
      .select({
        date: conversationDays.day,
        conversations: countDistinct(conversationDays.conversationId),
        active_users:
          sql<number>`count(DISTINCT CASE WHEN ${conversationDays.userMessages} > 0 THEN ${conversationDays.contactId} END)`.mapWith(
            Number,
          ),
        messages:
          sql<number>`sum(${conversationDays.userMessages} + ${conversationDays.assistantMessages} + ${conversationDays.creatorMessages})`.mapWith(
            Number,
          ),
      })
      .from(conversationDays)
      .where(inDays)
      .groupBy(conversationDays.day),
    db
      .select({
        user: total(conversationDays.userMessages),
        assistant: total(conversationDays.assistantMessages),
        creator: total(conversationDays.creatorMessages),
      })
      .from(conversationDays)
      .where(inDays),
    db
      .select({
        channel: conversationDays.channel,
        conversations: countDistinct(conversationDays.conversationId),
      })
      .from(conversationDays)
      .where(inDays)
      .groupBy(conversationDays.channel),
    db
      .select({
        bucket:
          sql<number>`CASE WHEN ${answerStats.fallback} THEN -1 WHEN ${answerStats.confidence} < 0.25 THEN 0 WHEN ${answerStats.confidence} < 0.5 THEN 1 WHEN ${answerStats.confidence} < 0.75 THEN 2 ELSE 3 END`.mapWith(
            Number,
          ),
        count: sql<number>`count(*)`.mapWith(Number),
      })
      .from(answerStats)
      .where(
        and(inAnswers, sql`(${answerStats.fallback} OR ${answerStats.confidence} IS NOT NULL)`),
      )
      .groupBy(sql`1`),
    // The title a document has now (it may have been renamed since it was cited), else the cited one.
    db.all<{ document_id: string; title: string; citations: number }>(sql`
      SELECT json_extract(cited.value, '$.document_id') AS document_id,
        coalesce((SELECT ${documentRows.title} FROM ${documentRows} WHERE ${documentRows.tenantId} = ${tenantId} AND ${documentRows.id} = json_extract(cited.value, '$.document_id')),
          max(json_extract(cited.value, '$.title'))) AS title,
        count(*) AS citations
      FROM ${answerStats}, json_each(${answerStats.citations}) AS cited
      WHERE ${inAnswers}
      GROUP BY 1 ORDER BY citations DESC, title LIMIT ${TOP_DOCUMENTS}`),
  ]);

  const byDay = new Map(perDay.map((row) => [row.date, row]));
  const bucketCount = (index: number) => buckets.find((b) => b.bucket === index)?.count ?? 0;
  return {
    from,
    to,
    per_day: days(from, to).map((date) => {
      const row = byDay.get(date);
      return {
        date,
        conversations: row?.conversations ?? 0,
        active_users: row?.active_users ?? 0,
        messages: row?.messages ?? 0,
      };
    }),
    messages: totals[0] ?? { user: 0, assistant: 0, creator: 0 },
    confidence: {
      buckets: CONFIDENCE_BUCKETS.map((b, i) => ({ ...b, count: bucketCount(i) })),
      fallback_count: bucketCount(-1),
    },
    // A creator's correction is titled with the question it corrects, in the person's words.
    top_documents: documents.map((d) => ({
      ...d,
      title: maskPersonalData(d.title),
      citations: Number(d.citations),
    })),
    channels: channels.sort((a, b) => b.conversations - a.conversations),
  };
}
