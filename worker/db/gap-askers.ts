// Who asked a gap's question: the conversations with a gap row of the same question (trimmed and
// case-folded, as SQLite folds them) that no creator's answer has been sent into yet.
import { and, countDistinct, eq, isNull, sql, type SQL } from "drizzle-orm";
import { database } from "./client";
import { questionGaps } from "./schema";

/** The condition a gap row meets when it asks `question`. */
export function sameQuestion(t: typeof questionGaps, question: string): SQL {
  return sql`lower(trim(${t.question})) = lower(trim(${question}))`;
}

/**
 * How many distinct conversations asked each of `questions` and have not been sent an answer yet,
 * keyed by the question as given; one round trip for the whole page.
 */
export async function askersOf(
  d1: D1Database,
  tenantId: string,
  questions: readonly string[],
): Promise<Map<string, number>> {
  const distinct = [...new Set(questions)];
  const counts = new Map<string, number>();
  if (distinct.length === 0) return counts;
  const db = database(d1);
  const query = (question: string) =>
    db
      .select({ n: countDistinct(questionGaps.conversationId) })
      .from(questionGaps)
      .where(
        and(
          eq(questionGaps.tenantId, tenantId),
          isNull(questionGaps.answerSentAt),
          sameQuestion(questionGaps, question),
        ),
      );
  const [first, ...rest] = distinct.map(query);
  if (!first) return counts;
  const results = await db.batch([first, ...rest]);
  distinct.forEach((question, i) => counts.set(question, results[i]?.[0]?.n ?? 0));
  return counts;
}
