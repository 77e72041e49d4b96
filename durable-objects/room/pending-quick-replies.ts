// The quick replies the room offered last, kept in its SQLite so a user who types instead of tapping
// still answers: "2" after a numbered list (WhatsApp beyond three buttons), or the label itself
// ("done"). Any user message closes the offer; a later answer is ordinary text.
import type { QuickReply } from "@coach/contracts/socket";

const SCHEMA =
  "CREATE TABLE IF NOT EXISTS quick_reply_offer (slot INTEGER PRIMARY KEY CHECK (slot = 1), seq INTEGER NOT NULL, replies TEXT NOT NULL)";

function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[.!\s]+$/, "");
}

export class PendingQuickReplies {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
  }

  /** Remembers the replies offered under message `seq` (an empty list withdraws the offer). */
  offer(seq: number, replies: readonly QuickReply[]): void {
    if (replies.length === 0) {
      this.sql.exec("DELETE FROM quick_reply_offer");
      return;
    }
    this.sql.exec(
      "INSERT INTO quick_reply_offer (slot, seq, replies) VALUES (1, ?, ?) ON CONFLICT(slot) DO UPDATE SET seq = excluded.seq, replies = excluded.replies",
      seq,
      JSON.stringify(replies),
    );
  }

  /** The replies on offer and the message they sit under, if any. */
  offered(): { seq: number; replies: QuickReply[] } | null {
    const row = this.sql
      .exec<{ seq: number; replies: string }>(
        "SELECT seq, replies FROM quick_reply_offer WHERE slot = 1",
      )
      .toArray()[0];
    return row ? { seq: row.seq, replies: JSON.parse(row.replies) as QuickReply[] } : null;
  }

  /**
   * The quick reply a user's message answers, and closes the offer: the pressed id as given, else
   * the label typed (any case), else the position in the list ("2"). Null when it answers none.
   */
  answer(text: string, pressedId: string | undefined): string | null {
    const offered = this.offered()?.replies ?? [];
    this.offer(0, []);
    if (pressedId) return pressedId;
    const typed = normalise(text);
    const byLabel = offered.find((r) => normalise(r.label) === typed);
    if (byLabel) return byLabel.id;
    const position = /^\d{1,2}$/.test(typed) ? Number(typed) : 0;
    return offered[position - 1]?.id ?? null;
  }
}
