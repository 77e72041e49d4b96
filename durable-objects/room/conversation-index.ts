// Keeps the conversation's D1 rows (what the dashboard lists, searches and charts) in step with the
// room's log: the inbox row, daily message counters, one row per answer and full-text search rows.
// The room calls this in batches from its alarm, never per token or per message; a watermark in the
// room's SQLite makes each sync send only what is new.
import type { Source } from "@coach/contracts/socket";
import { plainText } from "../../worker/channels/plain-text";
import { writeConversationIndex } from "../../worker/db/conversation-index-store";
import { isAnswer, isFallback, isLowConfidence } from "./answer-quality";
import type { MessageLog } from "./message-log";
import type { RoomMeta } from "./room-meta";
import type { SyncWatermark } from "./sync-watermark";

const PREVIEW_CHARS = 140;
const PAGE = 200;

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Each cited document once, as the analytics count it. */
function citedDocuments(citations: Source[]): { document_id: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const c of citations) if (!seen.has(c.document_id)) seen.set(c.document_id, c.title);
  return [...seen].map(([document_id, title]) => ({ document_id, title }));
}

/** Writes the index rows for the room's conversation, up to the log's current end. */
export async function syncConversationIndex(
  db: D1Database,
  meta: RoomMeta,
  log: MessageLog,
  watermark: SyncWatermark,
): Promise<void> {
  const [last] = log.recent(1);
  const lastAnswer = log.recent(20).reverse().find(isAnswer);
  const from = watermark.seq();
  const counts = new Map<
    string,
    { day: string; user: number; assistant: number; creator: number }
  >();
  for (const row of log.dailyCountsSince(from)) {
    const entry = counts.get(row.day) ?? { day: row.day, user: 0, assistant: 0, creator: 0 };
    if (row.role === "user" || row.role === "assistant" || row.role === "creator")
      entry[row.role] += row.n;
    counts.set(row.day, entry);
  }
  // Pages of new messages, each written with the inbox row; the watermark moves after each batch.
  let after = from;
  let first = true;
  for (;;) {
    const page = log.after(after, PAGE);
    if (page.length === 0 && !first) break;
    await writeConversationIndex(db, {
      tenantId: meta.tenantId,
      conversationId: meta.conversationId,
      contactId: meta.contactId,
      channel: meta.channel,
      stats: {
        messageCount: log.count(),
        lastMessageAt: last?.created_at ?? null,
        // What the assistant and the coach write is Markdown; the preview is a line of words.
        lastPreview: last
          ? (last.role === "user" ? last.text : plainText(last.text)).slice(0, PREVIEW_CHARS)
          : null,
        lowConfidence: lastAnswer ? isLowConfidence(lastAnswer) : false,
      },
      days: first ? [...counts.values()] : [],
      answers: page.filter(isAnswer).map((m) => ({
        seq: m.seq,
        day: day(m.created_at),
        confidence: m.confidence,
        fallback: isFallback(m),
        citations: citedDocuments(m.citations),
        createdAt: m.created_at,
      })),
      searchRows: page
        .filter((m) => m.role !== "system" && m.text.trim() !== "")
        .map((m) => ({ seq: m.seq, body: m.text })),
    });
    first = false;
    const end = page.at(-1)?.seq;
    if (end === undefined) break;
    watermark.advance(end);
    after = end;
    if (page.length < PAGE) break;
  }
}
