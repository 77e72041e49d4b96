// The CoachingAgent's ledger of proactive sends: the intent fixed for each message id before it goes
// out (what makes a step or an intervention idempotent), and the send times the caps count. Kept apart
// from the rest of the agent's storage because only sending reads or writes it.

export type SendIntent = {
  messageId: string;
  enrollmentId: string | null;
  nodeId: string | null;
  text: string;
  quickReplies: { id: string; label: string }[];
  status: "pending" | "sent";
};

const SCHEMA = [
  "CREATE TABLE IF NOT EXISTS intents (message_id TEXT PRIMARY KEY, enrollment_id TEXT, node_id TEXT, text TEXT NOT NULL, quick_replies TEXT NOT NULL, status TEXT NOT NULL)",
  "CREATE TABLE IF NOT EXISTS sends (message_id TEXT PRIMARY KEY, at INTEGER NOT NULL)",
];

/** Sends older than the longest cap window are of no use to anyone. */
const SEND_RETENTION_MS = 8 * 24 * 60 * 60 * 1000;

export class SendLedger {
  constructor(private readonly sql: SqlStorage) {
    for (const statement of SCHEMA) sql.exec(statement);
  }

  intent(messageId: string): SendIntent | undefined {
    const row = this.sql
      .exec<{
        message_id: string;
        enrollment_id: string | null;
        node_id: string | null;
        text: string;
        quick_replies: string;
        status: SendIntent["status"];
      }>("SELECT * FROM intents WHERE message_id = ?", messageId)
      .toArray()[0];
    return row
      ? {
          messageId: row.message_id,
          enrollmentId: row.enrollment_id,
          nodeId: row.node_id,
          text: row.text,
          quickReplies: JSON.parse(row.quick_replies) as SendIntent["quickReplies"],
          status: row.status,
        }
      : undefined;
  }

  writeIntent(intent: SendIntent): void {
    this.sql.exec(
      "INSERT INTO intents (message_id, enrollment_id, node_id, text, quick_replies, status) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(message_id) DO NOTHING",
      intent.messageId,
      intent.enrollmentId,
      intent.nodeId,
      intent.text,
      JSON.stringify(intent.quickReplies),
      intent.status,
    );
  }

  /** Marks the intent sent and counts the send toward the caps (once, whatever happens after). */
  markSent(messageId: string, at: number): void {
    this.sql.exec("UPDATE intents SET status = 'sent' WHERE message_id = ?", messageId);
    this.sql.exec(
      "INSERT INTO sends (message_id, at) VALUES (?, ?) ON CONFLICT(message_id) DO NOTHING",
      messageId,
      at,
    );
    this.sql.exec("DELETE FROM sends WHERE at < ?", at - SEND_RETENTION_MS);
  }

  sentTimes(): number[] {
    return this.sql
      .exec<{ at: number }>("SELECT at FROM sends ORDER BY at")
      .toArray()
      .map((r) => r.at);
  }
}
