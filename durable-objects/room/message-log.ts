// The conversation's message log in the room's own SQLite: sequence numbers, roles, texts, statuses,
// citations, what each answer rests on and which model wrote it, and client message ids (unique, so a
// re-sent message is stored once).
import type {
  Grounding,
  MessageRole,
  MessageStatus,
  MessageView,
  Source,
} from "@coach/contracts/socket";

export type NewMessage = {
  role: MessageRole;
  author: string | null;
  text: string;
  status: MessageStatus;
  channel: string;
  clientId?: string | null;
  turnId?: string | null;
  citations?: Source[];
  confidence?: number | null;
  /** Shown beside a creator's message ("Maya (coach)"); null for other roles. */
  authorName?: string | null;
  /** On the bridge's answers: what the answer rests on, and the model that wrote it. */
  grounding?: Grounding | null;
  model?: string | null;
};

type Row = {
  seq: number;
  role: string;
  author: string | null;
  text: string;
  status: string;
  channel: string;
  client_id: string | null;
  turn_id: string | null;
  citations: string;
  confidence: number | null;
  author_name: string | null;
  grounding: string | null;
  model: string | null;
  created_at: number;
};

const SCHEMA = `
CREATE TABLE IF NOT EXISTS messages (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  role TEXT NOT NULL,
  author TEXT,
  text TEXT NOT NULL,
  status TEXT NOT NULL,
  channel TEXT NOT NULL,
  client_id TEXT UNIQUE,
  turn_id TEXT,
  citations TEXT NOT NULL DEFAULT '[]',
  confidence REAL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS messages_assistant_turn ON messages(turn_id) WHERE role = 'assistant';
`;

/** Columns added after rooms already existed: created on first use by older rooms. */
const ADDED_COLUMNS: Record<string, string> = {
  author_name: "ALTER TABLE messages ADD COLUMN author_name TEXT",
  grounding: "ALTER TABLE messages ADD COLUMN grounding TEXT",
  model: "ALTER TABLE messages ADD COLUMN model TEXT",
};

function toView(row: Row): MessageView {
  return {
    seq: row.seq,
    role: row.role as MessageView["role"],
    text: row.text,
    status: row.status as MessageStatus,
    client_id: row.client_id,
    turn_id: row.turn_id,
    citations: JSON.parse(row.citations) as Source[],
    confidence: row.confidence,
    channel: row.channel,
    created_at: row.created_at,
    ...(row.role === "creator"
      ? { author_role: "creator" as const, author_name: row.author_name }
      : {}),
    // Only on answers that have them, so older clients and messages see the shape they always did.
    ...(row.grounding !== null ? { grounding: row.grounding as Grounding } : {}),
    ...(row.model !== null ? { model: row.model } : {}),
  };
}

/** Append-only log of one conversation's messages. */
export class MessageLog {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
    const present = new Set(
      sql
        .exec<{ name: string }>("SELECT name FROM pragma_table_info('messages')")
        .toArray()
        .map((c) => c.name),
    );
    for (const [column, ddl] of Object.entries(ADDED_COLUMNS))
      if (!present.has(column)) sql.exec(ddl);
  }

  /** Stores a message with the next sequence number. */
  append(message: NewMessage, now: number = Date.now()): MessageView {
    const row = this.sql
      .exec<Row>(
        `INSERT INTO messages (role, author, text, status, channel, client_id, turn_id, citations, confidence, author_name, grounding, model, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        message.role,
        message.author,
        message.text,
        message.status,
        message.channel,
        message.clientId ?? null,
        message.turnId ?? null,
        JSON.stringify(message.citations ?? []),
        message.confidence ?? null,
        message.authorName ?? null,
        message.grounding ?? null,
        message.model ?? null,
        now,
        now,
      )
      .one();
    return toView(row);
  }

  /** The message a client already sent with this id, if any. */
  byClientId(clientId: string): MessageView | undefined {
    const [row] = this.sql
      .exec<Row>("SELECT * FROM messages WHERE client_id = ?", clientId)
      .toArray();
    return row ? toView(row) : undefined;
  }

  /** The assistant's answer to a turn, if it was stored. */
  answerOf(turnId: string): MessageView | undefined {
    const [row] = this.sql
      .exec<Row>("SELECT * FROM messages WHERE turn_id = ? AND role = 'assistant'", turnId)
      .toArray();
    return row ? toView(row) : undefined;
  }

  bySeq(seq: number): MessageView | undefined {
    const [row] = this.sql.exec<Row>("SELECT * FROM messages WHERE seq = ?", seq).toArray();
    return row ? toView(row) : undefined;
  }

  /** Messages after `seq`, oldest first. */
  after(seq: number, limit: number): MessageView[] {
    return this.sql
      .exec<Row>("SELECT * FROM messages WHERE seq > ? ORDER BY seq LIMIT ?", seq, limit)
      .toArray()
      .map(toView);
  }

  /** The last `count` messages before `seq`, oldest first. */
  before(seq: number, count: number): MessageView[] {
    return this.sql
      .exec<Row>(
        "SELECT * FROM (SELECT * FROM messages WHERE seq < ? ORDER BY seq DESC LIMIT ?) ORDER BY seq",
        seq,
        count,
      )
      .toArray()
      .map(toView);
  }

  /** The last `count` messages, oldest first. */
  recent(count: number): MessageView[] {
    return this.sql
      .exec<Row>(
        "SELECT * FROM (SELECT * FROM messages ORDER BY seq DESC LIMIT ?) ORDER BY seq",
        count,
      )
      .toArray()
      .map(toView);
  }

  lastSeq(): number {
    return (
      this.sql.exec<{ seq: number | null }>("SELECT MAX(seq) AS seq FROM messages").one().seq ?? 0
    );
  }

  count(): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM messages").one().n;
  }

  /** Messages per UTC day (YYYY-MM-DD) and role, for the days that have messages after `seq`. */
  dailyCountsSince(seq: number): { day: string; role: MessageRole; n: number }[] {
    return this.sql
      .exec<{ day: string; role: MessageRole; n: number }>(
        `SELECT date(created_at / 1000, 'unixepoch') AS day, role, COUNT(*) AS n FROM messages
         WHERE date(created_at / 1000, 'unixepoch') IN (SELECT DISTINCT date(created_at / 1000, 'unixepoch') FROM messages WHERE seq > ?)
         GROUP BY day, role`,
        seq,
      )
      .toArray();
  }

  /** Erases every message (GDPR erasure); returns how many were removed. */
  eraseAll(): number {
    const removed = this.count();
    this.sql.exec("DELETE FROM messages");
    return removed;
  }
}
