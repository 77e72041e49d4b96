// Token buckets kept in the room's own SQLite: the per-conversation and per-sender message limits, and
// every socket's frame limits, are the room's business, so checking them costs no call to another object
// before a frame is answered.
import {
  takeTokens,
  type BucketRule,
  type BucketState,
  type TakeResult,
} from "../../worker/lib/token-bucket";

const SCHEMA =
  "CREATE TABLE IF NOT EXISTS buckets (name TEXT PRIMARY KEY, tokens REAL NOT NULL, updated_at INTEGER NOT NULL)";

export class RoomBuckets {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
  }

  /** Takes a token from each named bucket, or from none when any is empty (then the longest wait). */
  takeAll(names: string[], rule: BucketRule, now: number = Date.now()): TakeResult {
    const taken = names.map((name) => {
      const [row] = this.sql
        .exec<{ tokens: number; updated_at: number }>(
          "SELECT tokens, updated_at FROM buckets WHERE name = ?",
          name,
        )
        .toArray();
      const stored: BucketState | undefined = row
        ? { tokens: row.tokens, updatedAt: row.updated_at }
        : undefined;
      return { name, ...takeTokens(stored, rule, now) };
    });
    const refused = taken.filter((t) => !t.result.allowed);
    if (refused.length > 0) {
      return {
        allowed: false,
        remaining: 0,
        retryAfterSeconds: Math.max(...refused.map((t) => t.result.retryAfterSeconds)),
      };
    }
    for (const { name, state } of taken) {
      this.sql.exec(
        "INSERT INTO buckets (name, tokens, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET tokens = excluded.tokens, updated_at = excluded.updated_at",
        name,
        state.tokens,
        state.updatedAt,
      );
    }
    return {
      allowed: true,
      remaining: Math.min(...taken.map((t) => t.result.remaining)),
      retryAfterSeconds: 0,
    };
  }

  /** Drops every bucket whose name starts with `prefix` (a closed socket's). */
  forget(prefix: string): void {
    this.sql.exec("DELETE FROM buckets WHERE substr(name, 1, ?) = ?", prefix.length, prefix);
  }
}
