// Where each turn's answer goes. A person who linked Telegram and WhatsApp writes into one
// conversation from both, and one who signed the companion app in from a chat writes into it from the
// app too, so the room remembers, per turn, where the message that started it came from — a channel
// route, or a socket — and answers there. Kept in the room's SQLite beside the log; old routes are
// pruned.
import type { ChannelKind } from "../../worker/db/enums";

/** A messaging-channel reply route: the channel row, the chat on it, and the contact writing there. */
export type ReplyRoute = {
  channel: Exclude<ChannelKind, "web">;
  channelId: string;
  externalChatId: string;
  /** The contact on that channel (WhatsApp's 24-hour window is theirs). */
  contactId: string | null;
};

/** A socket's turn: answered to the sockets (and the app's devices), never on a channel. */
export const SOCKET_ORIGIN = "socket";

/** Where a turn was asked: on a messaging channel, or on a socket (the widget, the app, the test chat). */
export type TurnOrigin = ReplyRoute | typeof SOCKET_ORIGIN;

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

  /** Remembers where the turn `turnId` was asked; call inside the transaction that stores the message. */
  record(turnId: string, origin: TurnOrigin, now = Date.now()): void {
    this.sql.exec(
      "INSERT OR REPLACE INTO reply_routes (turn_id, route, at) VALUES (?, ?, ?)",
      turnId,
      origin === SOCKET_ORIGIN ? SOCKET_ORIGIN : JSON.stringify(origin),
      now,
    );
    this.sql.exec(
      "DELETE FROM reply_routes WHERE rowid NOT IN (SELECT rowid FROM reply_routes ORDER BY at DESC, rowid DESC LIMIT ?)",
      KEEP,
    );
  }

  /** Where one turn was asked; null for a turn the room has no record of. */
  forTurn(turnId: string): TurnOrigin | null {
    const raw = this.sql
      .exec<{ route: string }>("SELECT route FROM reply_routes WHERE turn_id = ?", turnId)
      .toArray()[0]?.route;
    if (!raw) return null;
    return raw === SOCKET_ORIGIN ? SOCKET_ORIGIN : (JSON.parse(raw) as ReplyRoute);
  }

  /** The channel route the user wrote from most recently (what no turn asked for goes there). */
  latest(): ReplyRoute | null {
    const raw = this.sql
      .exec<{ route: string }>(
        "SELECT route FROM reply_routes WHERE route <> ? ORDER BY at DESC, rowid DESC LIMIT 1",
        SOCKET_ORIGIN,
      )
      .toArray()[0]?.route;
    return raw ? (JSON.parse(raw) as ReplyRoute) : null;
  }
}
