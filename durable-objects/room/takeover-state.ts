// Whether a person from the creator's team has taken over the conversation. While they have, the
// assistant is paused: user messages are stored and shown, but no turn is queued. Kept in the room's
// SQLite so it survives hibernation and restarts.
import type { ServerFrame } from "@coach/contracts/socket";

export type Takeover = { user_id: string; name: string; at: number };

/** What the widget shows while a person answers. */
export function humanJoinedNotice(takeover: Takeover): ServerFrame {
  return {
    type: "notice",
    code: "human_joined",
    message: `${takeover.name} from the coaching team is answering you now.`,
    author_name: takeover.name,
  };
}

const SCHEMA =
  "CREATE TABLE IF NOT EXISTS takeover (id INTEGER PRIMARY KEY CHECK (id = 1), user_id TEXT NOT NULL, name TEXT NOT NULL, at INTEGER NOT NULL)";

export class TakeoverState {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
  }

  /** The current takeover, or null while the assistant answers. */
  current(): Takeover | null {
    const [row] = this.sql
      .exec<Takeover>("SELECT user_id, name, at FROM takeover WHERE id = 1")
      .toArray();
    return row ?? null;
  }

  /** Starts a takeover unless one is running; answers the takeover in force and whether it is new. */
  start(
    by: { user_id: string; name: string },
    now: number = Date.now(),
  ): { takeover: Takeover; started: boolean } {
    const existing = this.current();
    if (existing) return { takeover: existing, started: false };
    this.sql.exec(
      "INSERT INTO takeover (id, user_id, name, at) VALUES (1, ?, ?, ?)",
      by.user_id,
      by.name,
      now,
    );
    return { takeover: { ...by, at: now }, started: true };
  }

  /** Ends the takeover; true when one was running. */
  end(): boolean {
    const existing = this.current();
    this.sql.exec("DELETE FROM takeover");
    return existing !== null;
  }
}
