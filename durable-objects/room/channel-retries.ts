// Messages a platform asked the room to send later (Telegram's 429 with `retry_after`, Graph's rate
// limit, a server error or a network failure), kept in the room's SQLite so they survive eviction, and
// sent by the room's alarm oldest first. While one waits for a chat, later messages to that chat queue
// behind it, so the person reads them in order.
import type { QuickReply } from "@coach/contracts/socket";
import type { SenderTarget } from "../../worker/channels/channel-sender";

/** How the message goes out: as text, with quick replies, or as the platform's template. */
export type RetryMessage = {
  kind: "text" | "choices" | "template";
  text: string;
  seq: number | null;
  replies: QuickReply[];
};

export type PendingSend = RetryMessage & {
  id: number;
  target: SenderTarget;
  attempts: number;
  notBefore: number;
};

type Row = {
  id: number;
  chat: string;
  target: string;
  message: string;
  attempts: number;
  not_before: number;
};

const SCHEMA = `CREATE TABLE IF NOT EXISTS channel_retries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  chat TEXT NOT NULL,
  target TEXT NOT NULL,
  message TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  not_before INTEGER NOT NULL
)`;

/** The chat a message goes to: messages to one chat keep their order. */
export function chatKey(target: SenderTarget): string {
  return `${target.channel}:${target.channelId}:${target.externalChatId}`;
}

function toPending(row: Row): PendingSend {
  return {
    ...(JSON.parse(row.message) as RetryMessage),
    id: row.id,
    target: JSON.parse(row.target) as SenderTarget,
    attempts: row.attempts,
    notBefore: row.not_before,
  };
}

export class ChannelRetries {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
  }

  /** Keeps `message` to go to `target` at `notBefore`; `attempts` counts the tries so far. */
  add(target: SenderTarget, message: RetryMessage, notBefore: number, attempts = 1): void {
    this.sql.exec(
      "INSERT INTO channel_retries (chat, target, message, attempts, not_before) VALUES (?, ?, ?, ?, ?)",
      chatKey(target),
      JSON.stringify(target),
      JSON.stringify(message),
      attempts,
      notBefore,
    );
  }

  /** Whether a message to this chat is still waiting (a new one must queue behind it). */
  waiting(target: SenderTarget): boolean {
    return (
      this.sql
        .exec<{ n: number }>(
          "SELECT COUNT(*) AS n FROM channel_retries WHERE chat = ?",
          chatKey(target),
        )
        .one().n > 0
    );
  }

  /** The first waiting message of each chat whose time has come, oldest first. */
  due(now = Date.now()): PendingSend[] {
    return this.sql
      .exec<Row>(
        "SELECT * FROM channel_retries WHERE id IN (SELECT MIN(id) FROM channel_retries GROUP BY chat) AND not_before <= ? ORDER BY id",
        now,
      )
      .toArray()
      .map(toPending);
  }

  /** When the next message may go, or null when none waits. */
  nextAt(): number | null {
    return this.sql
      .exec<{ at: number | null }>("SELECT MIN(not_before) AS at FROM channel_retries")
      .one().at;
  }

  /** Tries `id` again at `notBefore`, with what is left of its text. */
  reschedule(id: number, notBefore: number, text: string): void {
    this.sql.exec(
      "UPDATE channel_retries SET attempts = attempts + 1, not_before = ?, message = json_set(message, '$.text', ?) WHERE id = ?",
      notBefore,
      text,
      id,
    );
  }

  remove(id: number): void {
    this.sql.exec("DELETE FROM channel_retries WHERE id = ?", id);
  }

  /** Drops every message waiting for this chat (the person cannot be reached); how many there were. */
  dropChat(target: SenderTarget): number {
    return this.sql.exec("DELETE FROM channel_retries WHERE chat = ?", chatKey(target)).rowsWritten;
  }

  clear(): void {
    this.sql.exec("DELETE FROM channel_retries");
  }
}
