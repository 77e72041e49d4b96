// Where each turn's answer goes. A person who linked Telegram and WhatsApp writes into one
// conversation from both, so the room remembers, per turn, the channel route of the message that
// started it, and answers there. Kept in the room's SQLite beside the log; old routes are pruned.
import type { ChannelKind } from "../../worker/db/enums";

/** A messaging-channel reply route: the channel row, the chat on it, and the contact writing there. */
export type ReplyRoute = {
  channel: Exclude<ChannelKind, "web">;
  channelId: string;
  externalChatId: string;
  /** The contact on that channel (WhatsApp's 24-hour window is theirs). */
  contactId: string | null;
};

const SCHEMA = `CREATE TABLE IF NOT EXISTS reply_routes (
  turn_id TEXT PRIMARY KEY,
  route TEXT NOT NULL,
  at INTEGER NOT NULL
)`;

// Turns are answered in order within minutes to an hour; far more than any outbox holds.
const KEEP = 200;

export class ReplyRoutes {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
  }

  /** Remembers the route of the turn `turnId`; call inside the transaction that stores the message. */
  record(turnId: string, route: ReplyRoute, now = Date.now()): void {
    this.sql.exec(
      "INSERT OR REPLACE INTO reply_routes (turn_id, route, at) VALUES (?, ?, ?)",
      turnId,
      JSON.stringify(route),
      now,
    );
    this.sql.exec(
      "DELETE FROM reply_routes WHERE rowid NOT IN (SELECT rowid FROM reply_routes ORDER BY at DESC, rowid DESC LIMIT ?)",
      KEEP,
    );
  }

  /** The route of one turn, if it came from a messaging channel. */
  forTurn(turnId: string): ReplyRoute | null {
    const raw = this.sql
      .exec<{ route: string }>("SELECT route FROM reply_routes WHERE turn_id = ?", turnId)
      .toArray()[0]?.route;
    return raw ? (JSON.parse(raw) as ReplyRoute) : null;
  }

  /** The route the user wrote from most recently. */
  latest(): ReplyRoute | null {
    const raw = this.sql
      .exec<{ route: string }>(
        "SELECT route FROM reply_routes ORDER BY at DESC, rowid DESC LIMIT 1",
      )
      .toArray()[0]?.route;
    return raw ? (JSON.parse(raw) as ReplyRoute) : null;
  }
}
