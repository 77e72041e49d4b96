// Fixed replies owed: a crisis or a request for a person is stored with a note that its fixed reply is
// owed, in the same transaction, because the reply waits for a D1 read (the creator's crisis resources,
// the persona's languages). Should the object be evicted in that wait, the room pays what it owes when
// it wakes; the reply is appended in the same transaction that settles the note, so it is sent once.
import type { FixedDestination } from "./fixed-replies";
import type { ReplyRoute } from "./reply-routes";
import type { RoomMeta } from "./room-meta";

/** What the fixed reply to one message needs, kept until the reply is stored. */
export type OwedReply = {
  turnId: string;
  message: { seq: number; text: string };
  destination: FixedDestination;
  route: ReplyRoute | null;
  language: string | null;
  channel: RoomMeta["channel"];
};

const SCHEMA = `CREATE TABLE IF NOT EXISTS owed_replies (
  turn_id TEXT PRIMARY KEY,
  owed TEXT NOT NULL,
  at INTEGER NOT NULL
)`;

export class OwedReplies {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
  }

  /** Notes the reply owed to a message; call inside the transaction that stores the message. */
  owe(reply: OwedReply, now = Date.now()): void {
    this.sql.exec(
      "INSERT OR IGNORE INTO owed_replies (turn_id, owed, at) VALUES (?, ?, ?)",
      reply.turnId,
      JSON.stringify(reply),
      now,
    );
  }

  /** Whether the reply to `turnId` is still owed; false once another caller paid it. */
  isOwed(turnId: string): boolean {
    return (
      this.sql.exec("SELECT 1 FROM owed_replies WHERE turn_id = ?", turnId).toArray().length > 0
    );
  }

  /** Settles the reply to `turnId`; call inside the transaction that stores the reply. */
  settle(turnId: string): void {
    this.sql.exec("DELETE FROM owed_replies WHERE turn_id = ?", turnId);
  }

  /** Every reply still owed, oldest first. */
  all(): OwedReply[] {
    return this.sql
      .exec<{ owed: string }>("SELECT owed FROM owed_replies ORDER BY at, rowid")
      .toArray()
      .map((row) => JSON.parse(row.owed) as OwedReply);
  }
}
